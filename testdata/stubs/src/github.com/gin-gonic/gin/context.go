// Stub of github.com/gin-gonic/gin (signatures mirror v1.12.0; bodies are placeholders).

package gin

import (
	"mime/multipart"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// Context is the most important part of gin. It allows us to pass variables between middleware,
// manage the flow, validate the JSON of a request and render a JSON response for example.
type Context struct {
	Request *http.Request
	Writer  ResponseWriter

	Params   Params
	handlers HandlersChain
	index    int8
	fullPath string

	engine *Engine

	mu sync.RWMutex

	Keys map[any]any

	Errors errorMsgs

	Accepted []string

	queryCache url.Values
}

func (c *Context) Copy() *Context { panic("stub") }

func (c *Context) HandlerName() string { panic("stub") }

func (c *Context) HandlerNames() []string { panic("stub") }

func (c *Context) Handler() HandlerFunc { panic("stub") }

func (c *Context) FullPath() string { panic("stub") }

func (c *Context) Next() { panic("stub") }

func (c *Context) IsAborted() bool { panic("stub") }

func (c *Context) Abort() { panic("stub") }

func (c *Context) AbortWithStatus(code int) { panic("stub") }

func (c *Context) AbortWithStatusJSON(code int, jsonObj any) { panic("stub") }

func (c *Context) AbortWithError(code int, err error) *Error { panic("stub") }

func (c *Context) Error(err error) *Error { panic("stub") }

func (c *Context) Set(key any, value any) { panic("stub") }

func (c *Context) Get(key any) (value any, exists bool) { panic("stub") }

func (c *Context) MustGet(key any) any { panic("stub") }

func (c *Context) GetString(key any) string { panic("stub") }

func (c *Context) GetBool(key any) bool { panic("stub") }

func (c *Context) GetInt(key any) int { panic("stub") }

func (c *Context) GetInt64(key any) int64 { panic("stub") }

func (c *Context) Param(key string) string { panic("stub") }

func (c *Context) AddParam(key, value string) { panic("stub") }

func (c *Context) Query(key string) (value string) { panic("stub") }

func (c *Context) DefaultQuery(key, defaultValue string) string { panic("stub") }

func (c *Context) GetQuery(key string) (string, bool) { panic("stub") }

func (c *Context) QueryArray(key string) (values []string) { panic("stub") }

func (c *Context) GetQueryArray(key string) (values []string, ok bool) { panic("stub") }

func (c *Context) QueryMap(key string) (dicts map[string]string) { panic("stub") }

func (c *Context) PostForm(key string) (value string) { panic("stub") }

func (c *Context) DefaultPostForm(key, defaultValue string) string { panic("stub") }

func (c *Context) GetPostForm(key string) (string, bool) { panic("stub") }

func (c *Context) FormFile(name string) (*multipart.FileHeader, error) { panic("stub") }

func (c *Context) MultipartForm() (*multipart.Form, error) { panic("stub") }

func (c *Context) Bind(obj any) error { panic("stub") }

func (c *Context) BindJSON(obj any) error { panic("stub") }

func (c *Context) BindQuery(obj any) error { panic("stub") }

func (c *Context) BindUri(obj any) error { panic("stub") }

func (c *Context) ShouldBind(obj any) error { panic("stub") }

func (c *Context) ShouldBindJSON(obj any) error { panic("stub") }

func (c *Context) ShouldBindQuery(obj any) error { panic("stub") }

func (c *Context) ShouldBindUri(obj any) error { panic("stub") }

func (c *Context) ClientIP() string { panic("stub") }

func (c *Context) IsWebsocket() bool { panic("stub") }

func (c *Context) Status(code int) { panic("stub") }

func (c *Context) Header(key, value string) { panic("stub") }

func (c *Context) GetHeader(key string) string { panic("stub") }

func (c *Context) SetCookie(name, value string, maxAge int, path, domain string, secure, httpOnly bool) {
	panic("stub")
}

func (c *Context) Cookie(name string) (string, error) { panic("stub") }

func (c *Context) JSON(code int, obj any) { panic("stub") }

func (c *Context) IndentedJSON(code int, obj any) { panic("stub") }

func (c *Context) PureJSON(code int, obj any) { panic("stub") }

func (c *Context) String(code int, format string, values ...any) { panic("stub") }

func (c *Context) Redirect(code int, location string) { panic("stub") }

func (c *Context) Data(code int, contentType string, data []byte) { panic("stub") }

func (c *Context) File(filepath string) { panic("stub") }

func (c *Context) Deadline() (deadline time.Time, ok bool) { panic("stub") }

func (c *Context) Done() <-chan struct{} { panic("stub") }

func (c *Context) Err() error { panic("stub") }

func (c *Context) Value(key any) any { panic("stub") }
