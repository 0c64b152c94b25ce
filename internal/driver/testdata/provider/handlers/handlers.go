// Package handlers makes the service's gin handlers.
package handlers

import (
	"database/sql"

	"github.com/gin-gonic/gin"
)

// Provider makes the handlers the server registers.
type Provider interface {
	Middleware() gin.HandlerFunc
	UsersHandler() gin.HandlerFunc
	OrdersHandler() gin.HandlerFunc
	PingHandler() gin.HandlerFunc
}

type provider struct{ db *sql.DB }

// New is the provider main wires.
func New(db *sql.DB) Provider { return &provider{db: db} }

func (p *provider) Middleware() gin.HandlerFunc {
	return func(c *gin.Context) {
		p.db.QueryRowContext(c, "SELECT id FROM sessions WHERE token = $1", c.GetHeader("Token"))
		c.Next()
	}
}

func (p *provider) UsersHandler() gin.HandlerFunc {
	return func(c *gin.Context) {
		p.db.QueryRowContext(c, "SELECT name FROM users WHERE id = $1", c.Param("id"))
	}
}

func (p *provider) OrdersHandler() gin.HandlerFunc {
	return func(c *gin.Context) {
		p.db.QueryContext(c, "SELECT id FROM orders WHERE user_id = $1", c.Param("id"))
	}
}

// PingHandler touches no database.
func (p *provider) PingHandler() gin.HandlerFunc {
	return func(c *gin.Context) { c.String(200, "pong") }
}

// Unrouted makes a handler no route registers.
func (p *provider) Unrouted() gin.HandlerFunc {
	return func(c *gin.Context) {
		p.db.ExecContext(c, "DELETE FROM carts WHERE id = $1", c.Param("id"))
	}
}
