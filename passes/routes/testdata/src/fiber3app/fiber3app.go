// Package fiber3app registers routes with fiber v3: handlers taken as
// any, Add with a list of methods, groups, and a sub-app mounted by Use.
package fiber3app

import (
	"database/sql"

	"github.com/gofiber/fiber/v3"
)

type H struct{ db *sql.DB }

// getUser passes fiber's Ctx, a context.Context, as the query's context.
func (h *H) getUser(c fiber.Ctx) error {
	h.db.QueryRowContext(c, "SELECT id FROM users WHERE id = $1", c.Params("id"))
	return nil
}

func (h *H) list(c fiber.Ctx) error {
	h.db.QueryContext(c.Context(), "SELECT id FROM users")
	return nil
}

func (h *H) auth(c fiber.Ctx) error {
	h.db.QueryRowContext(c, "SELECT user_id FROM sessions WHERE token = $1", c.Get("Token"))
	return c.Next()
}

func (h *H) App() *fiber.App {
	app := fiber.New()
	app.Get("/users/:id", h.getUser)                                   // want `route GET /users/:id \[GET /users/\{\}\] -> fiber3app.\(\*H\).getUser: 1$`
	app.Add([]string{"PUT", "PATCH"}, "/users/:id", h.auth, h.getUser) // want `route PUT /users/:id .* -> fiber3app.\(\*H\).auth → fiber3app.\(\*H\).getUser: 2$` `route PATCH /users/:id .* -> fiber3app.\(\*H\).auth → fiber3app.\(\*H\).getUser: 2$`
	api := app.Group("/api", h.auth)
	api.Query("/search", h.list) // want `route QUERY /api/search \[QUERY /api/search\] -> fiber3app.\(\*H\).auth → fiber3app.\(\*H\).list: 2$`
	sub := fiber.New()
	sub.Get("/users", h.list) // want `route GET /sub/users \[GET /sub/users\] -> fiber3app.\(\*H\).list: 1$`
	app.Use("/sub", sub)
	return app
}
