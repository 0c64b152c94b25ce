// Package server registers the routes.
package server

import (
	"database/sql"

	"github.com/gin-gonic/gin"

	"example.com/ifacemethods/handlers"
)

func Routes(db *sql.DB, readOnly, multi bool, status handlers.Status) *gin.Engine {
	router := gin.New()
	webhooks := handlers.NewWebhookHandler(db)
	router.GET("/webhooks", webhooks.List)
	router.GET("/webhooks/:id", webhooks.Get)
	emails := handlers.NewEmailHandler(db, readOnly)
	router.GET("/users/:id/emails", emails.List)
	router.GET("/status", status.Show)

	// The tenant middleware is the value its branch assigns.
	var tenant gin.HandlerFunc
	var g *gin.RouterGroup
	if multi {
		tenant = handlers.Tenant(db)
		g = router.Group("/:tenant", tenant)
	} else {
		tenant = handlers.SingleTenant("default")
		g = router.Group("", tenant)
	}
	g.GET("/hooks", webhooks.List)
	return router
}
