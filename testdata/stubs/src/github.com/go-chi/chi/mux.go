// Stub of github.com/go-chi/chi, v4 (signatures mirror v4.1.2; bodies are placeholders).

package chi

import "net/http"

type Mux struct {
	handler     http.Handler
	middlewares []func(http.Handler) http.Handler
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

func (mx *Mux) NotFoundHandler() http.HandlerFunc { panic("stub") }

func (mx *Mux) MethodNotAllowedHandler() http.HandlerFunc { panic("stub") }
