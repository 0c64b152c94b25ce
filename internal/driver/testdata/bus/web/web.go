// Package web is the service's engine: handlers of its own signature,
// middlewares of them, and groups sharing the router.
package web

import (
	"context"
	"net/http"

	"github.com/julienschmidt/httprouter"
)

// Context is what a handler is given: the request's context, and the
// request.
type Context struct {
	context.Context
	Request *http.Request
	Params  httprouter.Params
}

type HandlerFunc func(*Context) error

type MiddlewareFunc func(HandlerFunc) HandlerFunc

type Engine struct {
	mux         *httprouter.Router
	middlewares []MiddlewareFunc
}

func New() *Engine { return &Engine{mux: httprouter.New()} }

func (e *Engine) Use(m MiddlewareFunc) { e.middlewares = append(e.middlewares, m) }

func (e *Engine) Get(path string, handler HandlerFunc) {
	e.mux.Handle("GET", path, e.handle(e.middlewares, handler))
}

func (e *Engine) Post(path string, handler HandlerFunc) {
	e.mux.Handle("POST", path, e.handle(e.middlewares, handler))
}

// handle wraps the handler in the middlewares, and returns what
// httprouter runs per request.
func (e *Engine) handle(middlewares []MiddlewareFunc, handler HandlerFunc) httprouter.Handle {
	next := handler
	for i := len(middlewares) - 1; i >= 0; i-- {
		next = middlewares[i](next)
	}
	var h = func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		_ = next(&Context{Context: r.Context(), Request: r, Params: ps})
	}
	return h
}

func (e *Engine) Group() *Group { return &Group{engine: e, middlewares: e.middlewares} }

type Group struct {
	engine      *Engine
	middlewares []MiddlewareFunc
}

func (g *Group) Use(m MiddlewareFunc) { g.middlewares = append(g.middlewares, m) }

func (g *Group) Get(path string, handler HandlerFunc) {
	g.engine.mux.Handle("GET", path, g.engine.handle(g.middlewares, handler))
}

func (g *Group) Post(path string, handler HandlerFunc) {
	g.engine.mux.Handle("POST", path, g.engine.handle(g.middlewares, handler))
}

// Static serves files under prefix: one closure or the other, wrapped
// like any handler.
func (g *Group) Static(prefix, root string) {
	var h HandlerFunc
	if root == "" {
		h = func(c *Context) error { return nil }
	} else {
		h = func(c *Context) error {
			http.ServeFile(nil, c.Request, root)
			return nil
		}
	}
	g.engine.mux.Handle("GET", prefix, g.engine.handle(g.middlewares, h))
}

// NotFound serves the requests no route matches with handler.
func (e *Engine) NotFound(handler HandlerFunc) {
	e.mux.NotFound = &notFoundHandler{handler: handler}
}

type notFoundHandler struct {
	handler HandlerFunc
}

func (h *notFoundHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = h.handler(&Context{Context: r.Context(), Request: r})
}

func (e *Engine) Start(addr string) error { return http.ListenAndServe(addr, e.mux) }
