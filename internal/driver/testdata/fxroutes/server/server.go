// Package server wires the dashboard with fx: the engine, the /api group
// behind auth, and the handlers fx invokes with the group.
package server

import (
	"database/sql"

	"github.com/gin-gonic/gin"
	"go.uber.org/fx"

	"example.com/fxroutes/items"
	"example.com/fxroutes/orders"
	"example.com/fxroutes/store"
)

// Module is the dashboard's fx module.
var Module = fx.Options(
	fx.Provide(
		newEngine,
		newAPIRouter,
		openDB,
		store.New,
	),
	handlers,
)

var handlers = fx.Options(
	fx.Invoke(
		items.Register,
		fx.Annotate(orders.Register),
	),
)

func newEngine() *gin.Engine {
	r := gin.New()
	r.GET("/healthz", func(c *gin.Context) {})
	return r
}

func newAPIRouter(r *gin.Engine) *gin.RouterGroup {
	api := r.Group("/api")
	api.Use(auth)
	return api
}

func auth(c *gin.Context) { c.Next() }

func openDB() (*sql.DB, error) { return sql.Open("postgres", "") }
