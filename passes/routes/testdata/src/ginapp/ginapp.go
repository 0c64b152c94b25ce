// Package ginapp registers routes with gin: method routes with handler
// chains, Handle, Any, groups with middlewares, and Use.
package ginapp

import (
	"database/sql"

	"github.com/gin-gonic/gin"
)

type H struct{ db *sql.DB }

func (h *H) getItem(c *gin.Context) {
	h.db.QueryRowContext(c, "SELECT id FROM items WHERE id = $1", c.Param("id"))
}

func (h *H) listItems(c *gin.Context) {
	h.db.QueryContext(c.Request.Context(), "SELECT id FROM items")
}

// auth is gin middleware: a handler that runs before the others.
func (h *H) auth(c *gin.Context) {
	h.db.QueryRowContext(c, "SELECT user_id FROM sessions WHERE token = $1", c.GetHeader("Token"))
	c.Next()
}

// requireAdmin returns the middleware.
func (h *H) requireAdmin() gin.HandlerFunc {
	return func(c *gin.Context) {
		h.db.QueryRowContext(c, "SELECT admin FROM users WHERE id = $1", 1)
	}
}

func recovery(c *gin.Context) { c.Next() }

// optional reads the session when there is one: a middleware only the
// chain below uses, no route of its own.
func (h *H) optional(c *gin.Context) {
	h.db.QueryRowContext(c, "SELECT user_id FROM sessions WHERE token = $1", c.GetHeader("Token"))
	c.Next()
}

func (h *H) Router() *gin.Engine {
	r := gin.Default()
	r.Use(recovery)
	r.GET("/items/:id", h.getItem)          // want `route GET /items/:id \[GET /items/\{\}\] -> ginapp.recovery → ginapp.\(\*H\).getItem: 1$`
	r.Any("/ping", func(c *gin.Context) {}) // want `route /ping \[ANY /ping\] -> ginapp.recovery → func literal in ginapp.\(\*H\).Router: 0$`
	v1 := r.Group("/v1", h.auth)
	v1.GET("/items", h.listItems)                                  // want `route GET /v1/items \[GET /v1/items\] -> ginapp.recovery → ginapp.\(\*H\).auth → ginapp.\(\*H\).listItems: 2$`
	v1.Handle("DELETE", "/items/:id", h.requireAdmin(), h.getItem) // want `route DELETE /v1/items/:id .* -> ginapp.recovery → ginapp.\(\*H\).auth → ginapp.\(\*H\).requireAdmin → ginapp.\(\*H\).getItem: 3$`
	admin := v1.Group("admin")
	admin.POST("/users", h.listItems) // want `route POST /v1/admin/users .* -> ginapp.recovery → ginapp.\(\*H\).auth → ginapp.\(\*H\).listItems: 2$`
	// Use returns the group it adds to: the route is under its prefix,
	// behind the middleware.
	r.Group("/user").Use(h.optional).POST("", h.listItems) // want `route POST /user \[POST /user\] -> ginapp.recovery → ginapp.\(\*H\).optional → ginapp.\(\*H\).listItems: 2$`
	// Use on what Use returned adds to the same group.
	priv := r.Group("/priv")
	priv.Use(h.auth).Use(h.optional)
	priv.GET("/items", h.listItems) // want `route GET /priv/items \[GET /priv/items\] -> ginapp.recovery → ginapp.\(\*H\).auth → ginapp.\(\*H\).optional → ginapp.\(\*H\).listItems: 3$`
	return r
}

// Late registers a route before its group's Use and one after: gin
// copies the group's middlewares into a route when it is registered, so
// only the later one runs auth. A group made before the engine's Use
// does not run the engine's later middleware either.
func (h *H) Late() *gin.Engine {
	r := gin.New()
	early := r.Group("/early")
	late := r.Group("/late")
	late.GET("/before", h.listItems) // want `route GET /late/before \[GET /late/before\] -> ginapp.\(\*H\).listItems: 1$`
	late.Use(h.auth)
	late.GET("/after", h.listItems) // want `route GET /late/after \[GET /late/after\] -> ginapp.\(\*H\).auth → ginapp.\(\*H\).listItems: 2$`
	r.Use(recovery)
	early.GET("/items", h.listItems) // want `route GET /early/items \[GET /early/items\] -> ginapp.\(\*H\).listItems: 1$`
	r.GET("/items", h.listItems)     // want `route GET /items \[GET /items\] -> ginapp.recovery → ginapp.\(\*H\).listItems: 1$`
	return r
}

// Guarded registers on a password-protected group, or on the engine's
// own root group, the RouterGroup it embeds: both under "/".
func (h *H) Guarded(pass string) *gin.Engine {
	r := gin.New()
	r.Use(recovery)
	var router *gin.RouterGroup
	if pass != "" {
		router = r.Group("/", h.auth)
	} else {
		router = &r.RouterGroup
	}
	router.Static("/assets", "./assets")             // want `route GET /assets/\*filepath \[GET /assets/\{\.\.\.\}\] -> ginapp.recovery → ginapp.\(\*H\).auth → gin static files: 1$` `route GET /assets/\*filepath \[GET /assets/\{\.\.\.\}\] -> ginapp.recovery → gin static files: 0$`
	router.StaticFile("/robots.txt", "./robots.txt") // want `route GET /robots.txt \[GET /robots.txt\] -> ginapp.recovery → ginapp.\(\*H\).auth → gin static files: 1$` `route GET /robots.txt \[GET /robots.txt\] -> ginapp.recovery → gin static files: 0$`
	router.GET("/files", h.listItems)                // want `route GET /files \[GET /files\] -> ginapp.recovery → ginapp.\(\*H\).auth → ginapp.\(\*H\).listItems: 2$` `route GET /files \[GET /files\] -> ginapp.recovery → ginapp.\(\*H\).listItems: 1$`
	return r
}

// Regroup sets one variable anew for each group of routes, with the
// group's own middlewares: each route runs those of the group it is
// registered on, not every Use made on the variable. A group made from
// the variable's value (g = g.Group) runs that value's middlewares, once.
// A Use in a branch may have been made on the value a route is
// registered on: kept.
func (h *H) Regroup(admin bool) *gin.Engine {
	r := gin.New()
	g := r.Group("/users")
	g.Use(h.auth)
	g.GET("", h.listItems) // want `route GET /users \[GET /users\] -> ginapp.\(\*H\).auth → ginapp.\(\*H\).listItems: 2$`
	g = r.Group("/roles")
	g.Use(h.optional)
	g.GET("", h.listItems) // want `route GET /roles \[GET /roles\] -> ginapp.\(\*H\).optional → ginapp.\(\*H\).listItems: 2$`
	g = g.Group("/scopes")
	g.GET("", h.listItems) // want `route GET /roles/scopes \[GET /roles/scopes\] -> ginapp.\(\*H\).optional → ginapp.\(\*H\).listItems: 2$`
	if admin {
		g = r.Group("/admin")
	}
	g.Use(h.requireAdmin())
	g.GET("/any", h.listItems) // want `route GET /admin/any \[GET /admin/any\] -> ginapp.\(\*H\).requireAdmin → ginapp.\(\*H\).listItems: 2$` `route GET /roles/scopes/any \[GET /roles/scopes/any\] -> ginapp.\(\*H\).optional → ginapp.\(\*H\).requireAdmin → ginapp.\(\*H\).listItems: 3$`
	return r
}
