package handlers

import (
	"database/sql"

	"github.com/gin-gonic/gin"
)

// archive implements Provider too, but nothing wires it: its closures
// are no route's.
type archive struct{ db *sql.DB }

func (a *archive) Middleware() gin.HandlerFunc { return func(c *gin.Context) { c.Next() } }

func (a *archive) UsersHandler() gin.HandlerFunc {
	return func(c *gin.Context) {
		a.db.QueryRowContext(c, "SELECT name FROM archived_users WHERE id = $1", c.Param("id"))
	}
}

func (a *archive) OrdersHandler() gin.HandlerFunc {
	return func(c *gin.Context) {
		a.db.QueryContext(c, "SELECT id FROM archived_orders WHERE user_id = $1", c.Param("id"))
	}
}

func (a *archive) PingHandler() gin.HandlerFunc { return func(c *gin.Context) {} }

// Archive is a Provider over the archive tables.
func Archive(db *sql.DB) Provider { return &archive{db: db} }
