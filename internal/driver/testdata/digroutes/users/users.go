// Package users registers the users' routes on the group the container
// hands it.
package users

import (
	"database/sql"

	"github.com/gin-gonic/gin"
)

func Register(g *gin.RouterGroup, db *sql.DB) {
	g.GET("/users", func(c *gin.Context) {
		db.QueryContext(c, `SELECT id, name FROM users`)
	})
}

// Admin registers the admin's routes on the group its caller gives.
func Admin(g *gin.RouterGroup, db *sql.DB) {
	g.GET("/stats", func(c *gin.Context) {
		db.QueryRowContext(c, `SELECT count(*) FROM users`)
	})
}
