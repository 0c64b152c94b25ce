// Package irisapp registers routes with iris v12: method routes with
// handler chains, Handle, Any, Party with middlewares (nested),
// PartyFunc, and Use.
package irisapp

import (
	"context"
	"database/sql"

	"github.com/kataras/iris/v12"
)

type H struct{ db *sql.DB }

func (h *H) getUser(ctx iris.Context) {
	h.db.QueryRowContext(ctx.Request().Context(), "SELECT id FROM users WHERE id = $1", ctx.Params().Get("id"))
}

func (h *H) export(ctx iris.Context) {
	h.db.QueryContext(context.TODO(), "SELECT id FROM users")
}

// auth is iris middleware: a handler that runs the rest with ctx.Next().
func (h *H) auth(ctx iris.Context) {
	h.db.QueryRowContext(ctx.Request().Context(), "SELECT user_id FROM sessions WHERE token = $1", ctx.GetHeader("Token"))
	ctx.Next()
}

// audit is iris middleware too.
func (h *H) audit(ctx iris.Context) {
	h.db.ExecContext(ctx.Request().Context(), "INSERT INTO audit (path) VALUES ($1)", ctx.Request().URL.Path)
	ctx.Next()
}

func recovery(ctx iris.Context) { ctx.Next() }

func (h *H) App() *iris.Application {
	app := iris.New()
	app.Use(recovery)
	app.Get("/users/{id:uint64}", h.getUser)            // want `route GET /users/\{id:uint64\} \[GET /users/\{\}\] -> irisapp.recovery → irisapp.\(\*H\).getUser: 1$`
	app.Handle("PUT", "/users/{id}", h.auth, h.getUser) // want `route PUT /users/\{id\} .* -> irisapp.recovery → irisapp.\(\*H\).auth → irisapp.\(\*H\).getUser: 2$`
	app.Any("/ping", func(ctx iris.Context) {})         // want `route /ping \[ANY /ping\] -> irisapp.recovery → func literal in irisapp.\(\*H\).App: 0$`
	api := app.Party("/api", h.auth)
	api.Post("/users", h.getUser) // want `route POST /api/users .* -> irisapp.recovery → irisapp.\(\*H\).auth → irisapp.\(\*H\).getUser: 2$`
	v1 := api.Party("/v1")
	v1.Use(h.audit)
	v1.Delete("/users/{id}", h.getUser) // want `route DELETE /api/v1/users/\{id\} .* -> irisapp.recovery → irisapp.\(\*H\).auth → irisapp.\(\*H\).audit → irisapp.\(\*H\).getUser: 3$`
	app.PartyFunc("/admin", func(p iris.Party) {
		p.Use(h.auth)
		p.Get("/export", h.export) // want `route GET /admin/export .* -> irisapp.recovery → irisapp.\(\*H\).auth → irisapp.\(\*H\).export: 2 ctx background@irisapp.go:\d+$`
	})
	return app
}

// registry has a Get method of an iris party's shape, but is no router:
// its calls register nothing.
type registry struct {
	byPath map[string][]iris.Handler
}

func (r *registry) Get(path string, handlers ...iris.Handler) { r.byPath[path] = handlers }

func (h *H) NotRoutes(r *registry) {
	r.Get("/not/a/route", h.auth, h.getUser)
}
