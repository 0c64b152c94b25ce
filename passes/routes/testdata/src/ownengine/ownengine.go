// Package ownengine wraps httprouter in an engine of its own, with
// handlers of its own signature (func(*Context) error) and middlewares of
// them. Its method helpers register, for each call, a closure that handle
// makes: it runs the handler passed, wrapped in the engine's middlewares
// first (next := handler; next = mws[i](next)). The closure is the same
// code for every route; what a route serves is the handler its call
// passed.
package ownengine

import (
	"database/sql"
	"net/http"

	"github.com/julienschmidt/httprouter"
)

type Context struct {
	W  http.ResponseWriter
	R  *http.Request
	DB *sql.DB
}

type HandlerFunc func(*Context) error

type MiddlewareFunc func(HandlerFunc) HandlerFunc

type Engine struct {
	mux         *httprouter.Router
	db          *sql.DB
	middlewares []MiddlewareFunc
}

func New(db *sql.DB) *Engine { return &Engine{mux: httprouter.New(), db: db} }

func (e *Engine) Use(m MiddlewareFunc) { e.middlewares = append(e.middlewares, m) }

func (e *Engine) Get(path string, handler HandlerFunc) { // want `registers\(httprouter GET \$0 -> \$1 on ""\)`
	e.mux.Handle("GET", path, e.handle(e.middlewares, handler))
}

func (e *Engine) Post(path string, handler HandlerFunc) { // want `registers\(httprouter POST \$0 -> \$1 on ""\)`
	e.mux.Handle("POST", path, e.handle(e.middlewares, handler))
}

// handle wraps the handler in the middlewares, last first, and returns
// the closure httprouter runs per request.
func (e *Engine) handle(middlewares []MiddlewareFunc, handler HandlerFunc) httprouter.Handle {
	next := handler
	for i := len(middlewares) - 1; i >= 0; i-- {
		next = middlewares[i](next)
	}
	var h = func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		_ = next(&Context{W: w, R: r, DB: e.db})
	}
	return h
}

// Group shares the engine's router, with middlewares of its own.
type Group struct {
	engine      *Engine
	middlewares []MiddlewareFunc
}

func (e *Engine) Group() *Group { return &Group{engine: e, middlewares: e.middlewares} }

func (g *Group) Use(m MiddlewareFunc) { g.middlewares = append(g.middlewares, m) }

func (g *Group) Get(path string, handler HandlerFunc) { // want `registers\(httprouter GET \$0 -> \$1 on ""\)`
	g.engine.mux.Handle("GET", path, g.engine.handle(g.middlewares, handler))
}

func (g *Group) Post(path string, handler HandlerFunc) { // want `registers\(httprouter POST \$0 -> \$1 on ""\)`
	g.engine.mux.Handle("POST", path, g.engine.handle(g.middlewares, handler))
}

// Fallback registers a closure that runs another handler than the one
// passed (fallback replaced it): no helper, and the route is the
// closure's, under a pattern Fallback does not know.
func (e *Engine) Fallback(path string, handler HandlerFunc) {
	e.mux.Handle("GET", path, e.swap(handler)) // want `route GET … \[GET …\] -> ownengine.\(\*Engine\).swap: 0$`
}

func (e *Engine) swap(handler HandlerFunc) httprouter.Handle {
	next := handler
	next = notFound
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		_ = next(&Context{W: w, R: r, DB: e.db})
	}
}

func notFound(c *Context) error { return nil }

// Index returns the closure that serves the home page.
func Index() HandlerFunc {
	return func(c *Context) error {
		_, err := c.DB.QueryContext(c.R.Context(), "SELECT id, title FROM posts ORDER BY id DESC LIMIT 10")
		return err
	}
}

func Health(c *Context) error { return nil }

func Routes(e *Engine) {
	e.Get("/posts", Index())  // want `route GET /posts \[GET /posts\] -> ownengine.Index: 1 ctx unknown@ownengine.go:\d+$`
	e.Get("/_health", Health) // want `route GET /_health \[GET /_health\] -> ownengine.Health: 0$`
	api := e.Group()
	api.Post("/api/posts/:id", func(c *Context) error { // want `route POST /api/posts/:id \[POST /api/posts/\{\}\] -> func literal in ownengine.Routes: 1 ctx unknown@ownengine.go:\d+$`
		_, err := c.DB.ExecContext(c.R.Context(), "UPDATE posts SET title = $1 WHERE id = $2", "t", 1)
		return err
	})
	e.Fallback("/old", Index())
}
