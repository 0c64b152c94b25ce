// Package ginnested registers gin routes on groups nested several levels
// deep, each level built by a helper that takes the group it extends as a
// parameter: every route runs the engine's Use middlewares and those of
// every enclosing group, outermost first.
package ginnested

import (
	"database/sql"

	"github.com/gin-gonic/gin"
)

var db *sql.DB

func recovery(c *gin.Context) { c.Next() }

func claims(c *gin.Context) { c.Next() }

func user(c *gin.Context) {
	db.QueryRowContext(c, "SELECT id FROM users WHERE name = $1", c.GetHeader("User"))
}

func org(c *gin.Context) { c.Next() }

func repo(c *gin.Context) {
	db.QueryRowContext(c, "SELECT id FROM repos WHERE org = $1 AND name = $2", c.Param("org"), c.Param("repo"))
}

func build(c *gin.Context) {
	db.QueryRowContext(c, "SELECT id FROM builds WHERE repo_id = $1 AND number = $2", 1, c.Param("build"))
}

func service(c *gin.Context) {
	db.QueryRowContext(c, "SELECT id FROM services WHERE build_id = $1 AND number = $2", 1, c.Param("service"))
}

func getLog(c *gin.Context) {
	db.QueryRowContext(c, "SELECT data FROM logs WHERE service_id = $1", 1)
}

func health(c *gin.Context) {}

func Load() *gin.Engine {
	r := gin.New()
	r.Use(recovery)
	r.GET("/health", health) // want `route GET /health \[GET /health\] -> ginnested.recovery → ginnested.health: 0$`
	api := r.Group("/api/v1", claims, user)
	{
		RepoHandlers(api)
	}
	// A group with no middleware of its own, nested under one with some:
	// its routes still run the outer group's.
	plain := r.Group("/plain")
	{
		inner := plain.Group("/in")
		inner.GET("/x", health) // want `route GET /plain/in/x \[GET /plain/in/x\] -> ginnested.recovery → ginnested.health: 0$`
	}
	return r
}

func RepoHandlers(base *gin.RouterGroup) {
	repos := base.Group("/repos")
	{
		o := repos.Group("/:org", org)
		{
			rp := o.Group("/:repo", repo)
			{
				BuildHandlers(rp)
			}
		}
	}
}

func BuildHandlers(base *gin.RouterGroup) {
	builds := base.Group("/builds")
	{
		b := builds.Group("/:build", build)
		{
			ServiceHandlers(b)
		}
	}
}

func ServiceHandlers(base *gin.RouterGroup) {
	services := base.Group("/services")
	{
		s := services.Group("/:service", service)
		{
			LogHandlers(s)
		}
	}
}

func LogHandlers(base *gin.RouterGroup) {
	logs := base.Group("/logs")
	{
		logs.GET("", getLog) // want `route GET /api/v1/repos/:org/:repo/builds/:build/services/:service/logs \[GET /api/v1/repos/\{\}/\{\}/builds/\{\}/services/\{\}/logs\] -> ginnested.recovery → ginnested.claims → ginnested.user → ginnested.org → ginnested.repo → ginnested.build → ginnested.service → ginnested.getLog: 5$`
	}
}
