// Stub of github.com/labstack/echo/v4 (signatures mirror v4.16.0; bodies are placeholders).

package echo

import (
	stdContext "context"
	"io/fs"
	"net/http"
	"sync"
)

// Echo is the top-level framework instance.
type Echo struct {
	filesystem
	common
	startupMutex sync.RWMutex

	premiddleware []MiddlewareFunc
	middleware    []MiddlewareFunc

	Server           *http.Server
	TLSServer        *http.Server
	HTTPErrorHandler HTTPErrorHandler
	Validator        Validator
	Logger           Logger
	ListenerNetwork  string

	DisableHTTP2 bool
	Debug        bool
	HideBanner   bool
	HidePort     bool
}

type filesystem struct {
	Filesystem fs.FS
}

// Route contains a handler and information for matching against requests.
type Route struct {
	Method string `json:"method"`
	Path   string `json:"path"`
	Name   string `json:"name"`
}

// HTTPError represents an error that occurred while handling a request.
type HTTPError struct {
	Internal error       `json:"-"`
	Message  interface{} `json:"message"`
	Code     int         `json:"-"`
}

// MiddlewareFunc defines a function to process middleware.
type MiddlewareFunc func(next HandlerFunc) HandlerFunc

// HandlerFunc defines a function to serve HTTP requests.
type HandlerFunc func(c Context) error

// HTTPErrorHandler is a centralized HTTP error handler.
type HTTPErrorHandler func(err error, c Context)

// Validator is the interface that wraps the Validate function.
type Validator interface {
	Validate(i interface{}) error
}

// Map defines a generic map of type `map[string]interface{}`.
type Map map[string]interface{}

type common struct{}

// HTTP methods
const (
	CONNECT = http.MethodConnect
	DELETE  = http.MethodDelete
	GET     = http.MethodGet
	HEAD    = http.MethodHead
	OPTIONS = http.MethodOptions
	PATCH   = http.MethodPatch
	POST    = http.MethodPost
	PUT     = http.MethodPut
	TRACE   = http.MethodTrace
)

func New() (e *Echo) { panic("stub") }

func NewHTTPError(code int, message ...interface{}) *HTTPError { panic("stub") }

func (he *HTTPError) Error() string { panic("stub") }

func (e *Echo) NewContext(r *http.Request, w http.ResponseWriter) Context { panic("stub") }

func (e *Echo) Pre(middleware ...MiddlewareFunc) { panic("stub") }

func (e *Echo) Use(middleware ...MiddlewareFunc) { panic("stub") }

func (e *Echo) CONNECT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (e *Echo) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (e *Echo) HEAD(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (e *Echo) OPTIONS(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (e *Echo) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (e *Echo) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (e *Echo) TRACE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (e *Echo) RouteNotFound(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (e *Echo) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	panic("stub")
}

func (e *Echo) Match(methods []string, path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	panic("stub")
}

func (e *Echo) Static(pathPrefix, fsRoot string) *Route { panic("stub") }

func (e *Echo) File(path, file string, m ...MiddlewareFunc) *Route { panic("stub") }

func (e *Echo) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) *Route {
	panic("stub")
}

func (e *Echo) Group(prefix string, m ...MiddlewareFunc) (g *Group) { panic("stub") }

func (e *Echo) Reverse(name string, params ...interface{}) string { panic("stub") }

func (e *Echo) Routes() []*Route { panic("stub") }

func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request) { panic("stub") }

func (e *Echo) Start(address string) error { panic("stub") }

func (e *Echo) Shutdown(ctx stdContext.Context) error { panic("stub") }
