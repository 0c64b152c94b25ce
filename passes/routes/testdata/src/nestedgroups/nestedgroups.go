// Package nestedgroups nests echo, chi and fiber groups several levels
// deep through helpers given the group as a parameter: the innermost
// route runs the middlewares of every group above it, outermost first.
package nestedgroups

import (
	"database/sql"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

var db *sql.DB

func outerE(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		db.QueryRow("SELECT id FROM users WHERE token = $1", 1)
		return next(c)
	}
}

func innerE(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error { return next(c) }
}

func itemE(c echo.Context) error {
	db.QueryRow("SELECT id FROM items WHERE id = $1", 1)
	return nil
}

func Echo() *echo.Echo {
	e := echo.New()
	e1(e.Group("/api", outerE))
	return e
}

func e1(g *echo.Group) {
	a := g.Group("/a")
	b := a.Group("/b", innerE)
	e2(b)
}

func e2(g *echo.Group) {
	c := g.Group("/c")
	d := c.Group("/d")
	e3(d)
}

func e3(g *echo.Group) {
	e := g.Group("/e")
	e.GET("/items", itemE) // want `route GET /api/a/b/c/d/e/items \[GET /api/a/b/c/d/e/items\] -> nestedgroups.outerE → nestedgroups.innerE → nestedgroups.itemE: 2 ctx`
}

func outerC(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		db.QueryRow("SELECT id FROM users WHERE token = $1", 1)
		next.ServeHTTP(w, r)
	})
}

func innerC(next http.Handler) http.Handler { return next }

func itemC(w http.ResponseWriter, r *http.Request) {
	db.QueryRow("SELECT id FROM items WHERE id = $1", 1)
}

func Chi() chi.Router {
	r := chi.NewRouter()
	r.Use(outerC)
	r.Route("/api", c1)
	return r
}

func c1(r chi.Router) {
	r.Route("/a", func(r chi.Router) {
		sub := r.With(innerC)
		c2(sub)
	})
}

func c2(r chi.Router) {
	r.Route("/b", func(r chi.Router) {
		c3(r)
	})
}

func c3(r chi.Router) {
	r.Route("/c", func(r chi.Router) {
		r.Route("/d", func(r chi.Router) {
			r.Get("/items", itemC) // want `route GET /api/a/b/c/d/items \[GET /api/a/b/c/d/items\] -> nestedgroups.outerC → nestedgroups.innerC → nestedgroups.itemC: 2 ctx`
		})
	})
}

func outerF(c *fiber.Ctx) error {
	db.QueryRow("SELECT id FROM users WHERE token = $1", 1)
	return c.Next()
}

func itemF(c *fiber.Ctx) error {
	db.QueryRow("SELECT id FROM items WHERE id = $1", 1)
	return nil
}

func Fiber() *fiber.App {
	app := fiber.New()
	f1(app.Group("/api", outerF))
	return app
}

func f1(g fiber.Router) {
	a := g.Group("/a")
	b := a.Group("/b")
	f2(b)
}

func f2(g fiber.Router) {
	c := g.Group("/c")
	d := c.Group("/d")
	f3(d)
}

func f3(g fiber.Router) {
	e := g.Group("/e")
	e.Get("/items", itemF) // want `route GET /api/a/b/c/d/e/items \[GET /api/a/b/c/d/e/items\] -> nestedgroups.outerF → nestedgroups.itemF: 2 ctx`
}
