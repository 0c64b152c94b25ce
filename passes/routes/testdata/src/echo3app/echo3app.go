// Package echo3app registers routes with echo v3 (github.com/labstack/echo,
// no /v3 suffix), whose API is v4's: method routes with route-level
// middlewares, Add, Any, Match, nested groups and Use.
package echo3app

import (
	"context"
	"database/sql"

	"github.com/labstack/echo"
)

type H struct{ db *sql.DB }

func (h *H) getUser(c echo.Context) error {
	h.db.QueryRowContext(c.Request().Context(), "SELECT id FROM users WHERE id = $1", c.Param("id"))
	return nil
}

func (h *H) export(c echo.Context) error {
	h.db.QueryContext(context.TODO(), "SELECT id FROM users")
	return nil
}

// auth is echo middleware.
func (h *H) auth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h.db.QueryRowContext(c.Request().Context(), "SELECT user_id FROM sessions WHERE token = $1", c.Request().Header.Get("Token"))
		return next(c)
	}
}

// audit is echo middleware too.
func (h *H) audit(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h.db.ExecContext(c.Request().Context(), "INSERT INTO audit (path) VALUES ($1)", c.Request().URL.Path)
		return next(c)
	}
}

func (h *H) Routes(e *echo.Echo) {
	e.GET("/users/:id", h.getUser, h.auth)                            // want `route GET /users/:id \[GET /users/\{\}\] -> echo3app.\(\*H\).auth → echo3app.\(\*H\).getUser: 2$`
	e.Add("PUT", "/users/:id", h.getUser)                             // want `route PUT /users/:id .* -> echo3app.\(\*H\).getUser: 1$`
	e.Match([]string{"POST", "PATCH"}, "/users/:id/touch", h.getUser) // want `route POST /users/:id/touch .* -> echo3app.\(\*H\).getUser: 1$` `route PATCH /users/:id/touch .* -> echo3app.\(\*H\).getUser: 1$`
	g := e.Group("/admin", h.auth)
	g.GET("/export", h.export)                                // want `route GET /admin/export .* -> echo3app.\(\*H\).auth → echo3app.\(\*H\).export: 2 ctx background@echo3app.go:\d+$`
	g.Any("/ping", func(c echo.Context) error { return nil }) // want `route /admin/ping \[ANY /admin/ping\] -> echo3app.\(\*H\).auth → func literal in echo3app.\(\*H\).Routes: 1$`
	v := g.Group("/v1")
	v.Use(h.audit)
	v.DELETE("/users/:id", h.getUser) // want `route DELETE /admin/v1/users/:id .* -> echo3app.\(\*H\).auth → echo3app.\(\*H\).audit → echo3app.\(\*H\).getUser: 3$`
}

// cache has a GET method of an echo router's shape, but is no router: its
// calls register nothing.
type cache struct {
	fill map[string]echo.HandlerFunc
}

func (c *cache) GET(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) { c.fill[path] = h }

func (h *H) NotRoutes(c *cache) {
	c.GET("/not/a/route", h.getUser, h.auth)
}
