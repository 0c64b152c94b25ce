// Stub of github.com/kataras/iris/v12/context (signatures mirror v12.2.11; bodies are placeholders).

package context

import "net/http"

// Handler responds to an HTTP request.
type Handler = func(*Context)

// Handlers is just a type of slice of []Handler.
type Handlers = []Handler

// Map is just a type alias of the map[string]interface{} type.
type Map = map[string]interface{}

// JSON contains the options for the JSON (Context's) Renderer (partial).
type JSON struct {
	Indent string
}

// Context is the midle-man server's "object" dealing with incoming
// requests (partial: the methods tests call).
type Context struct {
	request *http.Request
}

// RequestParams is a key string - value string storage (partial).
type RequestParams struct{}

func (r *RequestParams) Get(key string) string { panic("stub") }

func (ctx *Context) Request() *http.Request                       { panic("stub") }
func (ctx *Context) Next()                                        { panic("stub") }
func (ctx *Context) Params() *RequestParams                       { panic("stub") }
func (ctx *Context) GetHeader(name string) string                 { panic("stub") }
func (ctx *Context) Header(name string, value string)             { panic("stub") }
func (ctx *Context) StatusCode(statusCode int)                    { panic("stub") }
func (ctx *Context) URLParam(name string) string                  { panic("stub") }
func (ctx *Context) WriteString(body string) (n int, err error)   { panic("stub") }
func (ctx *Context) JSON(v interface{}, opts ...JSON) (err error) { panic("stub") }
