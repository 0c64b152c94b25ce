// Stub of github.com/julienschmidt/httprouter (signatures mirror v1.3.0; bodies are placeholders).

package httprouter

import (
	"context"
	"net/http"
)

type Handle func(http.ResponseWriter, *http.Request, Params)

type Param struct {
	Key   string
	Value string
}

type Params []Param

func (ps Params) ByName(name string) string { panic("stub") }

func ParamsFromContext(ctx context.Context) Params { panic("stub") }

type Router struct {
	RedirectTrailingSlash bool

	NotFound http.Handler

	PanicHandler func(http.ResponseWriter, *http.Request, interface{})
}

var _ http.Handler = New()

func New() *Router { panic("stub") }

func (r *Router) GET(path string, handle Handle) { panic("stub") }

func (r *Router) HEAD(path string, handle Handle) { panic("stub") }

func (r *Router) OPTIONS(path string, handle Handle) { panic("stub") }

func (r *Router) POST(path string, handle Handle) { panic("stub") }

func (r *Router) PUT(path string, handle Handle) { panic("stub") }

func (r *Router) PATCH(path string, handle Handle) { panic("stub") }

func (r *Router) DELETE(path string, handle Handle) { panic("stub") }

func (r *Router) Handle(method, path string, handle Handle) { panic("stub") }

func (r *Router) Handler(method, path string, handler http.Handler) { panic("stub") }

func (r *Router) HandlerFunc(method, path string, handler http.HandlerFunc) { panic("stub") }

func (r *Router) ServeFiles(path string, root http.FileSystem) { panic("stub") }

func (r *Router) Lookup(method, path string) (Handle, Params, bool) { panic("stub") }

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) { panic("stub") }
