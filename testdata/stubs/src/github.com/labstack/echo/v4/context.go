// Stub of github.com/labstack/echo/v4 (signatures mirror v4.16.0; bodies are placeholders).

package echo

import (
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
)

type Context interface {
	Request() *http.Request

	SetRequest(r *http.Request)

	SetResponse(r *Response)

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

	Get(key string) any

	Set(key string, val any)

	Bind(i any) error

	Validate(i any) error

	Render(code int, name string, data any) error

	HTML(code int, html string) error

	HTMLBlob(code int, b []byte) error

	String(code int, s string) error

	JSON(code int, i any) error

	JSONPretty(code int, i any, indent string) error

	JSONBlob(code int, b []byte) error

	JSONP(code int, callback string, i any) error

	JSONPBlob(code int, callback string, b []byte) error

	XML(code int, i any) error

	XMLPretty(code int, i any, indent string) error

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

	SetLogger(l Logger)

	Echo() *Echo

	Reset(r *http.Request, w http.ResponseWriter)
}
