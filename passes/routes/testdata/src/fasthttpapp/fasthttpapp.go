// Package fasthttpapp registers routes with fasthttp/router: method
// routes, Handle, nested groups, handlers wrapped one by one, and the
// router's Handler wrapped as a whole.
package fasthttpapp

import (
	"context"
	"database/sql"

	"github.com/fasthttp/router"
	"github.com/valyala/fasthttp"
)

type H struct{ db *sql.DB }

// getUser runs its query with the request's context: *fasthttp.RequestCtx
// is one.
func (h *H) getUser(ctx *fasthttp.RequestCtx) {
	h.db.QueryRowContext(ctx, "SELECT id FROM users WHERE id = $1", ctx.UserValue("id"))
}

func (h *H) export(ctx *fasthttp.RequestCtx) {
	h.db.QueryContext(context.Background(), "SELECT id FROM users")
}

// auth wraps one handler.
func (h *H) auth(next fasthttp.RequestHandler) fasthttp.RequestHandler {
	return func(ctx *fasthttp.RequestCtx) {
		h.db.QueryRowContext(ctx, "SELECT user_id FROM sessions WHERE token = $1", "t")
		next(ctx)
	}
}

// logging wraps the whole router.
func logging(next fasthttp.RequestHandler) fasthttp.RequestHandler {
	return func(ctx *fasthttp.RequestCtx) { next(ctx) }
}

func (h *H) Serve(paths []string) error {
	r := router.New()
	r.GET("/users/{id}", h.getUser)                   // want `route GET /users/\{id\} \[GET /users/\{\}\] -> fasthttpapp.logging → fasthttpapp.\(\*H\).getUser: 1$`
	r.Handle("PUT", "/users/{id}", h.auth(h.getUser)) // want `route PUT /users/\{id\} \[PUT /users/\{\}\] -> fasthttpapp.logging → fasthttpapp.\(\*H\).auth → fasthttpapp.\(\*H\).getUser: 2$`
	api := r.Group("/api")
	v1 := api.Group("/v1")
	v1.GET("/export", h.export)                                     // want `route GET /api/v1/export \[GET /api/v1/export\] -> fasthttpapp.logging → fasthttpapp.\(\*H\).export: 1 ctx background@fasthttpapp.go:\d+$`
	r.ANY("/files/{filepath:*}", func(ctx *fasthttp.RequestCtx) {}) // want `route /files/\{filepath:\*\} \[ANY /files/\{\.\.\.\}\] -> fasthttpapp.logging → func literal in fasthttpapp.\(\*H\).Serve: 0$`
	// A closure registered in a loop: its pattern is not a constant, and
	// the route says so rather than guess.
	for _, p := range paths {
		r.GET(p, func(ctx *fasthttp.RequestCtx) { // want `route GET … \[GET …\] -> fasthttpapp.logging → func literal in fasthttpapp.\(\*H\).Serve: 1$`
			h.db.QueryRowContext(ctx, "SELECT 1")
		})
	}
	return fasthttp.ListenAndServe(":8080", logging(r.Handler))
}

// Orphan has a handler's signature and no registration here reaches it:
// it is a route of its own, named by its function.
func (h *H) Orphan(ctx *fasthttp.RequestCtx) { // want `route fasthttpapp.\(\*H\).Orphan \[ANY fasthttpapp.\(\*H\).Orphan\] -> fasthttpapp.\(\*H\).Orphan: 1$`
	h.db.QueryRowContext(ctx, "SELECT 2")
}

// notAHandler takes a RequestCtx but returns a value: not fasthttp's
// handler, so no route.
func (h *H) notAHandler(ctx *fasthttp.RequestCtx) error {
	_, err := h.db.QueryContext(ctx, "SELECT 3")
	return err
}
