// Package ginapi registers on the gin group it is given.
package ginapi

import (
	"database/sql"

	"github.com/gin-gonic/gin"
)

var DB *sql.DB

func Register(g *gin.RouterGroup) {
	g.GET("/orders/:id", order)
}

func order(c *gin.Context) {
	DB.QueryRowContext(c, "SELECT id FROM orders WHERE id = $1", c.Param("id"))
}
