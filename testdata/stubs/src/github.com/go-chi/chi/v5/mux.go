// Stub of github.com/go-chi/chi/v5 (signatures mirror v5.5.0; bodies are placeholders).

package chi

import "net/http"

// Mux is a simple HTTP route multiplexer that parses a request path,
// records any URL params, and executes an end handler.
type Mux struct {
	handler     http.Handler
	middlewares []func(http.Handler) http.Handler
	inline      bool
}

func NewMux() *Mux { panic("stub") }

func (mx *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request) { panic("stub") }

func (mx *Mux) Use(middlewares ...func(http.Handler) http.Handler) { panic("stub") }

func (mx *Mux) Handle(pattern string, handler http.Handler) { panic("stub") }

func (mx *Mux) HandleFunc(pattern string, handlerFn http.HandlerFunc) { panic("stub") }

func (mx *Mux) Method(method, pattern string, handler http.Handler) { panic("stub") }

func (mx *Mux) MethodFunc(method, pattern string, handlerFn http.HandlerFunc) { panic("stub") }

func (mx *Mux) Connect(pattern string, handlerFn http.HandlerFunc) { panic("stub") }

func (mx *Mux) Delete(pattern string, handlerFn http.HandlerFunc) { panic("stub") }

func (mx *Mux) Get(pattern string, handlerFn http.HandlerFunc) { panic("stub") }

func (mx *Mux) Head(pattern string, handlerFn http.HandlerFunc) { panic("stub") }

func (mx *Mux) Options(pattern string, handlerFn http.HandlerFunc) { panic("stub") }

func (mx *Mux) Patch(pattern string, handlerFn http.HandlerFunc) { panic("stub") }

func (mx *Mux) Post(pattern string, handlerFn http.HandlerFunc) { panic("stub") }

func (mx *Mux) Put(pattern string, handlerFn http.HandlerFunc) { panic("stub") }

func (mx *Mux) Query(pattern string, handlerFn http.HandlerFunc) { panic("stub") }

func (mx *Mux) Trace(pattern string, handlerFn http.HandlerFunc) { panic("stub") }

func (mx *Mux) NotFound(handlerFn http.HandlerFunc) { panic("stub") }

func (mx *Mux) MethodNotAllowed(handlerFn http.HandlerFunc) { panic("stub") }

func (mx *Mux) With(middlewares ...func(http.Handler) http.Handler) Router { panic("stub") }

func (mx *Mux) Group(fn func(r Router)) Router { panic("stub") }

func (mx *Mux) Route(pattern string, fn func(r Router)) Router { panic("stub") }

func (mx *Mux) Mount(pattern string, handler http.Handler) { panic("stub") }

func (mx *Mux) Routes() []Route { panic("stub") }

func (mx *Mux) Middlewares() Middlewares { panic("stub") }

func (mx *Mux) Match(rctx *Context, method, path string) bool { panic("stub") }

func (mx *Mux) Find(rctx *Context, method, path string) string { panic("stub") }

func (mx *Mux) NotFoundHandler() http.HandlerFunc { panic("stub") }

func (mx *Mux) MethodNotAllowedHandler(methodsAllowed ...methodTyp) http.HandlerFunc { panic("stub") }
