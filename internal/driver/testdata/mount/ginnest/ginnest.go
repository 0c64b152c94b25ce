// Package ginnest nests gin groups across packages: it puts an org group,
// with a middleware of its own, on the group main hands it, and hands a
// group under that to repos, which nests one more.
package ginnest

import (
	"database/sql"

	"github.com/gin-gonic/gin"

	"example.com/mount/ginnest/repos"
)

var DB *sql.DB

func Routes(g *gin.RouterGroup) {
	o := g.Group("/:org", org)
	{
		repos.Register(o.Group("/repos"))
	}
}

func org(c *gin.Context) {
	DB.QueryRowContext(c, "SELECT id FROM orgs WHERE name = $1", c.Param("org"))
	c.Next()
}
