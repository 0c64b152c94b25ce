// Stub of github.com/labstack/echo v3 (signatures mirror v3.3.10+incompatible; bodies are placeholders).

package echo

import (
	stdContext "context"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
)

type (
	Context interface {
		Request() *http.Request
		SetRequest(r *http.Request)
		Response() *Response
		IsTLS() bool
		IsWebSocket() bool
		Scheme() string
		RealIP() string
		Path() string
		SetPath(p string)
		Param(name string) string
		ParamNames() []string
		SetParamNames(names ...string)
		ParamValues() []string
		SetParamValues(values ...string)
		QueryParam(name string) string
		QueryParams() url.Values
		QueryString() string
		FormValue(name string) string
		FormParams() (url.Values, error)
		FormFile(name string) (*multipart.FileHeader, error)
		MultipartForm() (*multipart.Form, error)
		Cookie(name string) (*http.Cookie, error)
		SetCookie(cookie *http.Cookie)
		Cookies() []*http.Cookie
		Get(key string) interface{}
		Set(key string, val interface{})
		Bind(i interface{}) error
		Validate(i interface{}) error
		Render(code int, name string, data interface{}) error
		HTML(code int, html string) error
		HTMLBlob(code int, b []byte) error
		String(code int, s string) error
		JSON(code int, i interface{}) error
		JSONPretty(code int, i interface{}, indent string) error
		JSONBlob(code int, b []byte) error
		JSONP(code int, callback string, i interface{}) error
		JSONPBlob(code int, callback string, b []byte) error
		XML(code int, i interface{}) error
		XMLPretty(code int, i interface{}, indent string) error
		XMLBlob(code int, b []byte) error
		Blob(code int, contentType string, b []byte) error
		Stream(code int, contentType string, r io.Reader) error
		File(file string) error
		Attachment(file string, name string) error
		Inline(file string, name string) error
		NoContent(code int) error
		Redirect(code int, url string) error
		Error(err error)
		Handler() HandlerFunc
		SetHandler(h HandlerFunc)
		Logger() Logger
		Echo() *Echo
		Reset(r *http.Request, w http.ResponseWriter)
	}

	// Echo is the top-level framework instance.
	Echo struct {
		premiddleware    []MiddlewareFunc
		middleware       []MiddlewareFunc
		Server           *http.Server
		TLSServer        *http.Server
		DisableHTTP2     bool
		Debug            bool
		HideBanner       bool
		HidePort         bool
		HTTPErrorHandler HTTPErrorHandler
		Logger           Logger
	}

	// Route contains a handler and information for matching against requests.
	Route struct {
		Method string `json:"method"`
		Path   string `json:"path"`
		Name   string `json:"name"`
	}

	// MiddlewareFunc defines a function to process middleware.
	MiddlewareFunc func(HandlerFunc) HandlerFunc

	// HandlerFunc defines a function to serve HTTP requests.
	HandlerFunc func(Context) error

	// HTTPErrorHandler is a centralized HTTP error handler.
	HTTPErrorHandler func(error, Context)

	// Response wraps an http.ResponseWriter (partial).
	Response struct {
		Writer    http.ResponseWriter
		Status    int
		Size      int64
		Committed bool
	}

	// Logger defines the logging interface (partial).
	Logger interface {
		Output() io.Writer
		Print(i ...interface{})
		Printf(format string, args ...interface{})
		Error(i ...interface{})
		Errorf(format string, args ...interface{})
	}
)

func New() (e *Echo)                                                           { panic("stub") }
func (e *Echo) NewContext(r *http.Request, w http.ResponseWriter) Context      { panic("stub") }
func (e *Echo) Pre(middleware ...MiddlewareFunc)                               { panic("stub") }
func (e *Echo) Use(middleware ...MiddlewareFunc)                               { panic("stub") }
func (e *Echo) CONNECT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }
func (e *Echo) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route  { panic("stub") }
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route     { panic("stub") }
func (e *Echo) HEAD(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { panic("stub") }
func (e *Echo) OPTIONS(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }
func (e *Echo) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { panic("stub") }
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { panic("stub") }
func (e *Echo) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route     { panic("stub") }
func (e *Echo) TRACE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { panic("stub") }
func (e *Echo) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	panic("stub")
}
func (e *Echo) Match(methods []string, path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	panic("stub")
}
func (e *Echo) Static(prefix, root string) *Route                  { panic("stub") }
func (e *Echo) File(path, file string, m ...MiddlewareFunc) *Route { panic("stub") }
func (e *Echo) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) *Route {
	panic("stub")
}
func (e *Echo) Group(prefix string, m ...MiddlewareFunc) (g *Group)           { panic("stub") }
func (e *Echo) URI(handler HandlerFunc, params ...interface{}) string         { panic("stub") }
func (e *Echo) URL(h HandlerFunc, params ...interface{}) string               { panic("stub") }
func (e *Echo) Reverse(name string, params ...interface{}) string             { panic("stub") }
func (e *Echo) Routes() []*Route                                              { panic("stub") }
func (e *Echo) AcquireContext() Context                                       { panic("stub") }
func (e *Echo) ReleaseContext(c Context)                                      { panic("stub") }
func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request)              { panic("stub") }
func (e *Echo) Start(address string) error                                    { panic("stub") }
func (e *Echo) StartTLS(address string, certFile, keyFile string) (err error) { panic("stub") }
func (e *Echo) StartServer(s *http.Server) (err error)                        { panic("stub") }
func (e *Echo) Close() error                                                  { panic("stub") }
func (e *Echo) Shutdown(ctx stdContext.Context) error                         { panic("stub") }
func WrapHandler(h http.Handler) HandlerFunc                                  { panic("stub") }
func WrapMiddleware(m func(http.Handler) http.Handler) MiddlewareFunc         { panic("stub") }

// Group is a set of sub-routes for a specified route.
type Group struct {
	prefix     string
	middleware []MiddlewareFunc
	echo       *Echo
}

func (g *Group) Use(middleware ...MiddlewareFunc)                               { panic("stub") }
func (g *Group) CONNECT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }
func (g *Group) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route  { panic("stub") }
func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route     { panic("stub") }
func (g *Group) HEAD(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { panic("stub") }
func (g *Group) OPTIONS(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }
func (g *Group) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { panic("stub") }
func (g *Group) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { panic("stub") }
func (g *Group) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route     { panic("stub") }
func (g *Group) TRACE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { panic("stub") }
func (g *Group) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	panic("stub")
}
func (g *Group) Match(methods []string, path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	panic("stub")
}
func (g *Group) Group(prefix string, middleware ...MiddlewareFunc) *Group { panic("stub") }
func (g *Group) Static(prefix, root string)                               { panic("stub") }
func (g *Group) File(path, file string)                                   { panic("stub") }
func (g *Group) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) *Route {
	panic("stub")
}
