// Stub of github.com/uptrace/bunrouter (signatures mirror v1.0.23; bodies are placeholders).

package bunrouter

import (
	"context"
	"net/http"
)

// config.go

type config struct {
	notFoundHandler         HandlerFunc
	methodNotAllowedHandler HandlerFunc

	group *Group
}

type Option interface {
	apply(cfg *config)
}

func WithNotFoundHandler(handler HandlerFunc) Option { panic("stub") }

func WithMethodNotAllowedHandler(handler HandlerFunc) Option { panic("stub") }

type GroupOption interface {
	Option
	groupOption()
}

func WithGroup(fn func(g *Group)) GroupOption { panic("stub") }

func WithMiddleware(fns ...MiddlewareFunc) GroupOption { panic("stub") }

func Use(fns ...MiddlewareFunc) GroupOption { panic("stub") }

func WithHandler(fn HandlerFunc) GroupOption { panic("stub") }

// group.go

type Group struct {
	router *Router
	path   string
	stack  []MiddlewareFunc
}

func (g *Group) NewGroup(path string, opts ...GroupOption) *Group { panic("stub") }

func (g *Group) Use(middlewares ...MiddlewareFunc) *Group { panic("stub") }

func (g *Group) WithMiddleware(middleware MiddlewareFunc) *Group { panic("stub") }

func (g *Group) WithGroup(path string, fn func(g *Group)) { panic("stub") }

func (g *Group) Handle(meth string, path string, handler HandlerFunc) { panic("stub") }

func (g *Group) GET(path string, handler HandlerFunc) { panic("stub") }

func (g *Group) POST(path string, handler HandlerFunc) { panic("stub") }

func (g *Group) PUT(path string, handler HandlerFunc) { panic("stub") }

func (g *Group) DELETE(path string, handler HandlerFunc) { panic("stub") }

func (g *Group) PATCH(path string, handler HandlerFunc) { panic("stub") }

func (g *Group) HEAD(path string, handler HandlerFunc) { panic("stub") }

func (g *Group) OPTIONS(path string, handler HandlerFunc) { panic("stub") }

func (g *Group) Compat() *CompatGroup { panic("stub") }

func (g *Group) Verbose() *VerboseGroup { panic("stub") }

type CompatGroup struct {
	group *Group
}

func (g CompatGroup) NewGroup(path string, opts ...GroupOption) *CompatGroup { panic("stub") }

func (g CompatGroup) WithMiddleware(middleware MiddlewareFunc) *CompatGroup { panic("stub") }

func (g CompatGroup) WithGroup(path string, fn func(g *CompatGroup)) { panic("stub") }

func (g CompatGroup) Handle(method string, path string, handler http.HandlerFunc) { panic("stub") }

func (g CompatGroup) GET(path string, handler http.HandlerFunc) { panic("stub") }

func (g CompatGroup) POST(path string, handler http.HandlerFunc) { panic("stub") }

func (g CompatGroup) PUT(path string, handler http.HandlerFunc) { panic("stub") }

func (g CompatGroup) DELETE(path string, handler http.HandlerFunc) { panic("stub") }

func (g CompatGroup) PATCH(path string, handler http.HandlerFunc) { panic("stub") }

func (g CompatGroup) HEAD(path string, handler http.HandlerFunc) { panic("stub") }

func (g CompatGroup) OPTIONS(path string, handler http.HandlerFunc) { panic("stub") }

type VerboseHandlerFunc func(w http.ResponseWriter, req *http.Request, ps Params)

type VerboseGroup struct {
	group *Group
}

func (g VerboseGroup) NewGroup(path string, opts ...GroupOption) *VerboseGroup { panic("stub") }

func (g VerboseGroup) WithMiddleware(middleware MiddlewareFunc) *VerboseGroup { panic("stub") }

func (g VerboseGroup) WithGroup(path string, fn func(g *VerboseGroup)) { panic("stub") }

func (g VerboseGroup) Handle(method string, path string, handler VerboseHandlerFunc) { panic("stub") }

func (g VerboseGroup) GET(path string, handler VerboseHandlerFunc) { panic("stub") }

func (g VerboseGroup) POST(path string, handler VerboseHandlerFunc) { panic("stub") }

func (g VerboseGroup) PUT(path string, handler VerboseHandlerFunc) { panic("stub") }

func (g VerboseGroup) DELETE(path string, handler VerboseHandlerFunc) { panic("stub") }

func (g VerboseGroup) PATCH(path string, handler VerboseHandlerFunc) { panic("stub") }

func (g VerboseGroup) HEAD(path string, handler VerboseHandlerFunc) { panic("stub") }

func (g VerboseGroup) OPTIONS(path string, handler VerboseHandlerFunc) { panic("stub") }

// router.go

type Router struct {
	config
	Group
}

func New(opts ...Option) *Router { panic("stub") }

var _ http.Handler = (*Router)(nil)

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) { panic("stub") }

func (r *Router) ServeHTTPError(w http.ResponseWriter, req *http.Request) error { panic("stub") }

type CompatRouter struct {
	*Router
	*CompatGroup
}

func (r *Router) Compat() *CompatRouter { panic("stub") }

type VerboseRouter struct {
	*Router
	*VerboseGroup
}

func (r *Router) Verbose() *VerboseRouter { panic("stub") }

// request.go

func ParamsFromContext(ctx context.Context) Params { panic("stub") }

func HTTPHandler(handler http.Handler) HandlerFunc { panic("stub") }

func HTTPHandlerFunc(handler http.HandlerFunc) HandlerFunc { panic("stub") }

type HandlerFunc func(w http.ResponseWriter, req Request) error

var _ http.Handler = (*HandlerFunc)(nil)

func (h HandlerFunc) ServeHTTP(w http.ResponseWriter, req *http.Request) { panic("stub") }

type HTTPError interface {
	error
	StatusCode() int
}

type MiddlewareFunc func(next HandlerFunc) HandlerFunc

type Request struct {
	*http.Request
	params Params
}

func NewRequest(req *http.Request) Request { panic("stub") }

func (req Request) WithContext(ctx context.Context) Request { panic("stub") }

func (req Request) Params() Params { panic("stub") }

func (req Request) Param(key string) string { panic("stub") }

func (req Request) Route() string { panic("stub") }

type Params struct {
	path string
}

func (ps Params) IsZero() bool { panic("stub") }

func (ps Params) Route() string { panic("stub") }

func (ps Params) Get(name string) (string, bool) { panic("stub") }

func (ps Params) ByName(name string) string { panic("stub") }

func (ps Params) Int(name string) (int, error) { panic("stub") }

func (ps Params) Uint32(name string) (uint32, error) { panic("stub") }

func (ps Params) Uint64(name string) (uint64, error) { panic("stub") }

func (ps Params) Int32(name string) (int32, error) { panic("stub") }

func (ps Params) Int64(name string) (int64, error) { panic("stub") }

func (ps Params) Map() map[string]string { panic("stub") }

type Param struct {
	Key   string
	Value string
}

func (ps Params) Slice() []Param { panic("stub") }

type H map[string]interface{}

func JSON(w http.ResponseWriter, value interface{}) error { panic("stub") }

// path.go, version.go

func CleanPath(p string) string { panic("stub") }

func Version() string { panic("stub") }
