// Stub of github.com/emicklei/go-restful/v3 (signatures mirror v3.14.0; bodies are placeholders).

package restful

import "net/http"

// RouteFunction declares the signature of a function that can be bound to a Route.
type RouteFunction func(*Request, *Response)

// FilterFunction definitions must call ProcessFilter on the FilterChain to pass on the control and eventually call the RouteFunction
type FilterFunction func(*Request, *Response, *FilterChain)

// FilterChain is a request scoped object to process one or more filters before calling the target RouteFunction (partial).
type FilterChain struct {
	Filters []FilterFunction
	Index   int
	Target  RouteFunction
}

// Request is a wrapper for a http Request that provides convenience methods (partial).
type Request struct {
	Request        *http.Request
	pathParameters map[string]string
}

// Response is a wrapper on the actual http ResponseWriter (partial).
type Response struct {
	http.ResponseWriter
}

// Route binds a HTTP Method,Path,Consumes combination to a RouteFunction (partial).
type Route struct {
	Method   string
	Path     string
	Function RouteFunction
}

// Parameter is for documententing the parameter used in a Http Request (partial).
type Parameter struct{}

// WebService holds a collection of Route values that bind a Http Method + URL Path to a function (partial).
type WebService struct {
	rootPath string
	routes   []Route
	filters  []FilterFunction
}

// RouteBuilder is a helper to construct Routes (partial).
type RouteBuilder struct {
	rootPath    string
	currentPath string
	httpMethod  string
	function    RouteFunction
	filters     []FilterFunction
}

// Container holds a collection of WebServices and a http.ServeMux to dispatch http requests (partial).
type Container struct {
	webServices []*WebService
	ServeMux    *http.ServeMux
}

// DefaultContainer is a restful.Container that uses http.DefaultServeMux
var DefaultContainer *Container

func (f *FilterChain) ProcessFilter(request *Request, response *Response)     { panic("stub") }
func (r *Request) PathParameter(name string) string                           { panic("stub") }
func (r *Request) QueryParameter(name string) string                          { panic("stub") }
func (r *Request) ReadEntity(entityPointer interface{}) (err error)           { panic("stub") }
func (r *Response) WriteEntity(value interface{}) error                       { panic("stub") }
func (r *Response) WriteHeaderAndEntity(status int, value interface{}) error  { panic("stub") }
func (r *Response) WriteErrorString(httpStatus int, errorReason string) error { panic("stub") }
func (w *WebService) ApiVersion(apiVersion string) *WebService                { panic("stub") }
func (w *WebService) Path(root string) *WebService                            { panic("stub") }
func (w *WebService) Param(parameter *Parameter) *WebService                  { panic("stub") }
func (w *WebService) Route(builder *RouteBuilder) *WebService                 { panic("stub") }
func (w *WebService) Method(httpMethod string) *RouteBuilder                  { panic("stub") }
func (w *WebService) Produces(contentTypes ...string) *WebService             { panic("stub") }
func (w *WebService) Consumes(accepts ...string) *WebService                  { panic("stub") }
func (w *WebService) Routes() []Route                                         { panic("stub") }
func (w *WebService) RootPath() string                                        { panic("stub") }
func (w *WebService) Filter(filter FilterFunction) *WebService                { panic("stub") }
func (w *WebService) Doc(plainText string) *WebService                        { panic("stub") }
func (w *WebService) HEAD(subPath string) *RouteBuilder                       { panic("stub") }
func (w *WebService) GET(subPath string) *RouteBuilder                        { panic("stub") }
func (w *WebService) POST(subPath string) *RouteBuilder                       { panic("stub") }
func (w *WebService) PUT(subPath string) *RouteBuilder                        { panic("stub") }
func (w *WebService) PATCH(subPath string) *RouteBuilder                      { panic("stub") }
func (w *WebService) DELETE(subPath string) *RouteBuilder                     { panic("stub") }
func (w *WebService) OPTIONS(subPath string) *RouteBuilder                    { panic("stub") }
func (b *RouteBuilder) Do(oneArgBlocks ...func(*RouteBuilder)) *RouteBuilder  { panic("stub") }
func (b *RouteBuilder) To(function RouteFunction) *RouteBuilder               { panic("stub") }
func (b *RouteBuilder) Method(method string) *RouteBuilder                    { panic("stub") }
func (b *RouteBuilder) Produces(mimeTypes ...string) *RouteBuilder            { panic("stub") }
func (b *RouteBuilder) Consumes(mimeTypes ...string) *RouteBuilder            { panic("stub") }
func (b *RouteBuilder) Path(subPath string) *RouteBuilder                     { panic("stub") }
func (b *RouteBuilder) Doc(documentation string) *RouteBuilder                { panic("stub") }
func (b *RouteBuilder) Reads(sample interface{}, optionalDescription ...string) *RouteBuilder {
	panic("stub")
}
func (b *RouteBuilder) Writes(samples ...interface{}) *RouteBuilder { panic("stub") }
func (b *RouteBuilder) Param(parameter *Parameter) *RouteBuilder    { panic("stub") }
func (b *RouteBuilder) Operation(name string) *RouteBuilder         { panic("stub") }
func (b *RouteBuilder) Returns(code int, message string, model interface{}) *RouteBuilder {
	panic("stub")
}
func (b *RouteBuilder) Metadata(key string, value interface{}) *RouteBuilder { panic("stub") }
func (b *RouteBuilder) Filter(filter FilterFunction) *RouteBuilder           { panic("stub") }
func (b *RouteBuilder) Build() Route                                         { panic("stub") }
func NewContainer() *Container                                               { panic("stub") }
func (c *Container) Add(service *WebService) *Container                      { panic("stub") }
func (c *Container) ServeHTTP(httpWriter http.ResponseWriter, httpRequest *http.Request) {
	panic("stub")
}
func (c *Container) Handle(pattern string, handler http.Handler) { panic("stub") }
func (c *Container) Filter(filter FilterFunction)                { panic("stub") }
func Add(service *WebService)                                    { panic("stub") }
func Filter(filter FilterFunction)                               { panic("stub") }
