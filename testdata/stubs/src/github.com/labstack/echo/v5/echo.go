// Stub of github.com/labstack/echo/v5 (signatures mirror v5.4.6; bodies are placeholders).

package echo

import (
	"io/fs"
	"net/http"
)

// Echo is the top-level framework instance.
type Echo struct {
	premiddleware    []MiddlewareFunc
	middleware       []MiddlewareFunc
	HTTPErrorHandler HTTPErrorHandler
}

// Context represents the context of the current HTTP request (partial:
// the methods tests call).
type Context struct {
	request  *http.Request
	response http.ResponseWriter
}

// HandlerFunc defines a function to serve HTTP requests.
type HandlerFunc func(c *Context) error

// MiddlewareFunc defines a function to process middleware.
type MiddlewareFunc func(next HandlerFunc) HandlerFunc

// HTTPErrorHandler is a centralized HTTP error handler.
type HTTPErrorHandler func(c *Context, err error)

type RouteInfo struct {
	Name       string
	Method     string
	Path       string
	Parameters []string
}

// Routes is collection of RouteInfo instances with various helper methods.
type Routes []RouteInfo

func (c *Context) Request() *http.Request                                         { panic("stub") }
func (c *Context) Response() http.ResponseWriter                                  { panic("stub") }
func (c *Context) Param(name string) string                                       { panic("stub") }
func (c *Context) QueryParam(name string) string                                  { panic("stub") }
func (c *Context) Get(key string) any                                             { panic("stub") }
func (c *Context) Set(key string, val any)                                        { panic("stub") }
func (c *Context) Bind(i any) error                                               { panic("stub") }
func (c *Context) String(code int, s string) (err error)                          { panic("stub") }
func (c *Context) JSON(code int, i any) (err error)                               { panic("stub") }
func (c *Context) NoContent(code int) error                                       { panic("stub") }
func (c *Context) Echo() *Echo                                                    { panic("stub") }
func New() *Echo                                                                  { panic("stub") }
func (e *Echo) NewContext(r *http.Request, w http.ResponseWriter) *Context        { panic("stub") }
func (e *Echo) Pre(middleware ...MiddlewareFunc)                                  { panic("stub") }
func (e *Echo) Use(middleware ...MiddlewareFunc)                                  { panic("stub") }
func (e *Echo) CONNECT(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { panic("stub") }
func (e *Echo) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo  { panic("stub") }
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo     { panic("stub") }
func (e *Echo) HEAD(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo    { panic("stub") }
func (e *Echo) OPTIONS(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { panic("stub") }
func (e *Echo) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo   { panic("stub") }
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo    { panic("stub") }
func (e *Echo) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo     { panic("stub") }
func (e *Echo) QUERY(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo   { panic("stub") }
func (e *Echo) TRACE(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo   { panic("stub") }
func (e *Echo) RouteNotFound(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo {
	panic("stub")
}
func (e *Echo) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) RouteInfo {
	panic("stub")
}
func (e *Echo) Match(methods []string, path string, handler HandlerFunc, middleware ...MiddlewareFunc) Routes {
	panic("stub")
}
func (e *Echo) Static(pathPrefix, fsRoot string, middleware ...MiddlewareFunc) RouteInfo {
	panic("stub")
}
func (e *Echo) File(path, file string, middleware ...MiddlewareFunc) RouteInfo { panic("stub") }
func (e *Echo) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) RouteInfo {
	panic("stub")
}
func (e *Echo) Group(prefix string, m ...MiddlewareFunc) (g *Group)   { panic("stub") }
func (e *Echo) PreMiddlewares() []MiddlewareFunc                      { panic("stub") }
func (e *Echo) Middlewares() []MiddlewareFunc                         { panic("stub") }
func (e *Echo) AcquireContext() *Context                              { panic("stub") }
func (e *Echo) ReleaseContext(c *Context)                             { panic("stub") }
func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request)      { panic("stub") }
func (e *Echo) Start(address string) error                            { panic("stub") }
func WrapHandler(h http.Handler) HandlerFunc                          { panic("stub") }
func WrapMiddleware(m func(http.Handler) http.Handler) MiddlewareFunc { panic("stub") }

// Group is a set of sub-routes for a specified route.
type Group struct {
	prefix     string
	middleware []MiddlewareFunc
	echo       *Echo
}

func (g *Group) Use(middleware ...MiddlewareFunc)                                  { panic("stub") }
func (g *Group) CONNECT(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { panic("stub") }
func (g *Group) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo  { panic("stub") }
func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo     { panic("stub") }
func (g *Group) HEAD(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo    { panic("stub") }
func (g *Group) OPTIONS(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { panic("stub") }
func (g *Group) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo   { panic("stub") }
func (g *Group) POST(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo    { panic("stub") }
func (g *Group) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo     { panic("stub") }
func (g *Group) QUERY(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo   { panic("stub") }
func (g *Group) TRACE(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo   { panic("stub") }
func (g *Group) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) RouteInfo {
	panic("stub")
}
func (g *Group) Match(methods []string, path string, handler HandlerFunc, middleware ...MiddlewareFunc) Routes {
	panic("stub")
}
func (g *Group) Group(prefix string, middleware ...MiddlewareFunc) (sg *Group) { panic("stub") }
func (g *Group) Static(pathPrefix, fsRoot string, middleware ...MiddlewareFunc) RouteInfo {
	panic("stub")
}
func (g *Group) StaticFS(pathPrefix string, filesystem fs.FS, middleware ...MiddlewareFunc) RouteInfo {
	panic("stub")
}
func (g *Group) File(path, file string, middleware ...MiddlewareFunc) RouteInfo { panic("stub") }
func (g *Group) RouteNotFound(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo {
	panic("stub")
}
func (g *Group) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) RouteInfo {
	panic("stub")
}
