// Stub of github.com/gin-gonic/gin (signatures mirror v1.12.0; bodies are placeholders).

package gin

import (
	"net/http"
	"sync"
)

// HandlerFunc defines the handler used by gin middleware as return value.
type HandlerFunc func(*Context)

// OptionFunc defines the function to change the default configuration
type OptionFunc func(*Engine)

// HandlersChain defines a HandlerFunc slice.
type HandlersChain []HandlerFunc

// RouteInfo represents a request route's specification which contains method and path and its handler.
type RouteInfo struct {
	Method      string
	Path        string
	Handler     string
	HandlerFunc HandlerFunc
}

// RoutesInfo defines a RouteInfo slice.
type RoutesInfo []RouteInfo

// Engine is the framework's instance, it contains the muxer, middleware and configuration settings.
type Engine struct {
	RouterGroup

	routeTreesUpdated sync.Once

	RedirectTrailingSlash bool
	RedirectFixedPath     bool

	HandleMethodNotAllowed bool
	ForwardedByClientIP    bool
	AppEngine              bool
	UseRawPath             bool
	UseEscapedPath         bool
	UnescapePathValues     bool
	RemoveExtraSlash       bool
	RemoteIPHeaders        []string
	TrustedPlatform        string
	MaxMultipartMemory     int64
	UseH2C                 bool
	ContextWithFallback    bool

	pool sync.Pool
}

func New(opts ...OptionFunc) *Engine { panic("stub") }

func Default(opts ...OptionFunc) *Engine { panic("stub") }

func (engine *Engine) With(opts ...OptionFunc) *Engine { panic("stub") }

func (engine *Engine) Handler() http.Handler { panic("stub") }

func (engine *Engine) NoRoute(handlers ...HandlerFunc) { panic("stub") }

func (engine *Engine) NoMethod(handlers ...HandlerFunc) { panic("stub") }

func (engine *Engine) Use(middleware ...HandlerFunc) IRoutes { panic("stub") }

func (engine *Engine) Routes() (routes RoutesInfo) { panic("stub") }

func (engine *Engine) SetTrustedProxies(trustedProxies []string) error { panic("stub") }

func (engine *Engine) Run(addr ...string) (err error) { panic("stub") }

func (engine *Engine) RunTLS(addr, certFile, keyFile string) (err error) { panic("stub") }

func (engine *Engine) ServeHTTP(w http.ResponseWriter, req *http.Request) { panic("stub") }

func (engine *Engine) HandleContext(c *Context) { panic("stub") }
