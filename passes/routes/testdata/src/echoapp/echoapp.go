// Package echoapp registers routes with echo: method routes with
// route-level middlewares, Add, Any, groups and Use.
package echoapp

import (
	"context"
	"database/sql"

	"github.com/labstack/echo/v4"
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

func (h *H) Routes(e *echo.Echo) {
	e.GET("/users/:id", h.getUser, h.auth) // want `route GET /users/:id \[GET /users/\{\}\] -> echoapp.\(\*H\).auth → echoapp.\(\*H\).getUser: 2$`
	e.Add("PUT", "/users/:id", h.getUser)  // want `route PUT /users/:id .* -> echoapp.\(\*H\).getUser: 1$`
	g := e.Group("/admin", h.auth)
	g.GET("/export", h.export)                                // want `route GET /admin/export .* -> echoapp.\(\*H\).auth → echoapp.\(\*H\).export: 2 ctx background@echoapp.go:\d+$`
	g.Any("/ping", func(c echo.Context) error { return nil }) // want `route /admin/ping \[ANY /admin/ping\] -> echoapp.\(\*H\).auth → func literal in echoapp.\(\*H\).Routes: 1$`
}

func pagination(next echo.HandlerFunc) echo.HandlerFunc { return next }

// Spread registers with lists of middlewares spread into the call: a
// local list built from literals and appends is read element by element;
// a helper's parameter (what each caller hands it) is not shown here.
func (h *H) Spread(e *echo.Echo, more []echo.MiddlewareFunc) {
	list := []echo.MiddlewareFunc{pagination}
	tenancy := []echo.MiddlewareFunc{h.auth}
	withList := append(tenancy, list...)
	e.GET("/list", h.export, withList...)              // want `route GET /list .* -> echoapp.\(\*H\).auth → echoapp.pagination → echoapp.\(\*H\).export: 2 ctx background@echoapp.go:\d+$`
	e.GET("/plain", h.export, list...)                 // want `route GET /plain .* -> echoapp.pagination → echoapp.\(\*H\).export: 1 ctx background@echoapp.go:\d+$`
	e.GET("/extra", h.export, append(list, h.auth)...) // want `route GET /extra .* -> echoapp.pagination → echoapp.\(\*H\).auth → echoapp.\(\*H\).export: 2 ctx background@echoapp.go:\d+$`
	e.GET("/more", h.export, more...)                  // want `route GET /more .* -> … → echoapp.\(\*H\).export: 1 ctx background@echoapp.go:\d+$`
}
