package api

import (
	"database/sql"
	"net/http"

	"github.com/gin-gonic/gin"
)

var db *sql.DB

// RouteDefinition is one row of the API's table.
type RouteDefinition struct {
	Method      string
	Path        string
	Handler     gin.HandlerFunc
	AdminOnly   bool
	Middlewares []gin.HandlerFunc
}

// registerRoutes registers each row of routes on router.
func registerRoutes(router *gin.RouterGroup, routes []RouteDefinition) {
	for _, route := range routes {
		handlers := buildChain(route)
		router.Handle(route.Method, route.Path, handlers...)
	}
}

// buildChain is the row's handlers: auth, the row's middlewares, then
// the row's handler.
func buildChain(def RouteDefinition) []gin.HandlerFunc {
	chain := make([]gin.HandlerFunc, 0)
	chain = append(chain, auth(def.AdminOnly))
	chain = append(chain, def.Middlewares...)
	chain = append(chain, def.Handler)
	return chain
}

func auth(admin bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		db.QueryRow(`SELECT admin FROM tokens WHERE token = $1`, c.GetHeader("Authorization"))
		c.Next()
	}
}

// NewRouter makes the service's router.
func NewRouter() http.Handler {
	r := gin.New()
	r.GET("/healthz", func(c *gin.Context) {})
	v1 := r.Group("/api/v1")
	routes := []RouteDefinition{
		{Method: http.MethodGet, Path: "/events", Handler: listEvents},
		{Method: http.MethodHead, Path: "/events", Handler: listEvents},
		{Method: http.MethodGet, Path: "/events/:id", Handler: getEvent},
		{Method: http.MethodDelete, Path: "/events/:id", Handler: deleteEvent, AdminOnly: true},
	}
	registerRoutes(v1, routes)
	registerLogged(r.Group("/admin"), []RouteDefinition{
		{Method: http.MethodGet, Path: "/events", Handler: listEvents},
	})
	return r
}

// registerLogged registers each row with a chain that ends in a logger,
// not in the row's handler: which of the chain serves is not read, and
// the table stays one route of unknown pattern and handler.
func registerLogged(router *gin.RouterGroup, routes []RouteDefinition) {
	for _, route := range routes {
		router.Handle(route.Method, route.Path, logged(route)...)
	}
}

func logged(def RouteDefinition) []gin.HandlerFunc {
	var chain []gin.HandlerFunc
	chain = append(chain, def.Handler)
	chain = append(chain, func(c *gin.Context) {})
	return chain
}

func listEvents(c *gin.Context) {
	if c.Request.Method == http.MethodHead {
		return // nothing to read for a HEAD
	}
	db.Query(`SELECT id, body FROM events ORDER BY id LIMIT 100`)
}

func getEvent(c *gin.Context) {
	db.QueryRow(`SELECT id, body FROM events WHERE id = $1`, c.Param("id"))
}

func deleteEvent(c *gin.Context) {
	db.Exec(`DELETE FROM events WHERE id = $1`, c.Param("id"))
}

// Config is what main hands NewConfigured: the table of each group,
// made by the functions below.
type Config struct {
	Public []RouteDefinition
	Admin  []RouteDefinition
}

// PublicRoutes is the public group's table.
func PublicRoutes() []RouteDefinition {
	return []RouteDefinition{{Method: http.MethodGet, Path: "/feed", Handler: listEvents}}
}

// AdminRoutes is the admin group's table, built in a local.
func AdminRoutes() []RouteDefinition {
	routes := []RouteDefinition{{Method: http.MethodDelete, Path: "/events/:id", Handler: deleteEvent, AdminOnly: true}}
	return routes
}

// NewConfigured registers each table of cfg on a group of its own.
func NewConfigured(cfg Config) http.Handler {
	r := gin.New()
	registerRoutes(r.Group("/public"), cfg.Public)
	registerRoutes(r.Group("/manage"), cfg.Admin)
	return r
}
