// Package fiberapp registers routes with fiber v2: method routes with
// handler chains, Add, All, groups with middlewares, Route, Use with and
// without a prefix, and a sub-app mounted under a prefix.
package fiberapp

import (
	"context"
	"database/sql"

	"github.com/gofiber/fiber/v2"
)

type H struct{ db *sql.DB }

// getUser runs its query with fiber's request context.
func (h *H) getUser(c *fiber.Ctx) error {
	h.db.QueryRowContext(c.UserContext(), "SELECT id FROM users WHERE id = $1", c.Params("id"))
	return nil
}

// list passes the fasthttp context fiber's Ctx carries.
func (h *H) list(c *fiber.Ctx) error {
	h.db.QueryContext(c.Context(), "SELECT id FROM users")
	return nil
}

func (h *H) export(c *fiber.Ctx) error {
	h.db.QueryContext(context.Background(), "SELECT id FROM users")
	return nil
}

// auth is fiber middleware: a handler that calls c.Next().
func (h *H) auth(c *fiber.Ctx) error {
	h.db.QueryRowContext(c.UserContext(), "SELECT user_id FROM sessions WHERE token = $1", c.Get("Token"))
	return c.Next()
}

// audit runs under /admin only.
func (h *H) audit(c *fiber.Ctx) error {
	h.db.ExecContext(c.UserContext(), "INSERT INTO audit (path) VALUES ($1)", "p")
	return c.Next()
}

func recovery(c *fiber.Ctx) error { return c.Next() }

func (h *H) App() *fiber.App {
	app := fiber.New()
	app.Use(recovery)
	app.Use("/admin", h.audit)
	app.Get("/users/:id", h.getUser)                          // want `route GET /users/:id \[GET /users/\{\}\] -> fiberapp.recovery → fiberapp.\(\*H\).getUser: 1$`
	app.Post("/users", h.auth, h.list)                        // want `route POST /users \[POST /users\] -> fiberapp.recovery → fiberapp.\(\*H\).auth → fiberapp.\(\*H\).list: 2$`
	app.Add("PUT", "/users/:id?", h.getUser)                  // want `route PUT /users/:id\? \[PUT /users/\{\}\] -> fiberapp.recovery → fiberapp.\(\*H\).getUser: 1$`
	app.All("/ping", func(c *fiber.Ctx) error { return nil }) // want `route /ping \[ANY /ping\] -> fiberapp.recovery → func literal in fiberapp.\(\*H\).App: 0$`
	api := app.Group("/api", h.auth)
	api.Get("/export", h.export) // want `route GET /api/export .* -> fiberapp.recovery → fiberapp.\(\*H\).auth → fiberapp.\(\*H\).export: 2 ctx background@fiberapp.go:\d+$`
	app.Route("/v2", func(r fiber.Router) {
		r.Get("/users", h.list) // want `route GET /v2/users \[GET /v2/users\] -> fiberapp.recovery → fiberapp.\(\*H\).list: 1$`
	})
	admin := app.Group("/admin")
	admin.Get("/users", h.list) // want `route GET /admin/users .* -> fiberapp.recovery → fiberapp.\(\*H\).audit → fiberapp.\(\*H\).list: 2$`
	app.Mount("/sub", h.sub())
	return app
}

// sub is a sub-app that App mounts under /sub.
func (h *H) sub() *fiber.App {
	sub := fiber.New()
	sub.Get("/users", h.list) // want `route GET /sub/users \[GET /sub/users\] -> fiberapp.recovery → fiberapp.\(\*H\).list: 1$`
	return sub
}
