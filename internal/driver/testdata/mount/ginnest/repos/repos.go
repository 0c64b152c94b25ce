// Package repos registers on the group it is given, under a group of its
// own with a middleware.
package repos

import (
	"database/sql"

	"github.com/gin-gonic/gin"
)

var DB *sql.DB

func Register(g *gin.RouterGroup) {
	r := g.Group("/:repo", repo)
	{
		b := r.Group("/builds")
		b.GET("", builds)
	}
}

func repo(c *gin.Context) {
	DB.QueryRowContext(c, "SELECT id FROM repos WHERE name = $1", c.Param("repo"))
	c.Next()
}

func builds(c *gin.Context) {
	DB.QueryContext(c, "SELECT id FROM builds WHERE repo_id = $1", 1)
}
