// Stub of github.com/fasthttp/router (signatures mirror v1.5.4; bodies are placeholders).

package router

import "github.com/valyala/fasthttp"

type Router struct {
	RedirectTrailingSlash bool

	NotFound fasthttp.RequestHandler

	PanicHandler func(*fasthttp.RequestCtx, interface{})
}

type Group struct {
	router *Router
	prefix string
}

func New() *Router { panic("stub") }

func (r *Router) Group(path string) *Group { panic("stub") }

func (r *Router) GET(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (r *Router) HEAD(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (r *Router) POST(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (r *Router) PUT(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (r *Router) PATCH(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (r *Router) DELETE(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (r *Router) CONNECT(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (r *Router) OPTIONS(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (r *Router) TRACE(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (r *Router) ANY(path string, handler fasthttp.RequestHandler) { panic("stub") }

func (r *Router) Handle(method, path string, handler fasthttp.RequestHandler) { panic("stub") }

func (r *Router) Lookup(method, path string, ctx *fasthttp.RequestCtx) (fasthttp.RequestHandler, bool) {
	panic("stub")
}

func (r *Router) Handler(ctx *fasthttp.RequestCtx) { panic("stub") }
