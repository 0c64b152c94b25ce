// Package pbapp registers its routes in pocketbase's OnServe hook, on
// the ServeEvent's Router: the app's root router, served at the root.
// A router the package is handed otherwise stays under a prefix not
// known here.
package pbapp

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

func serve(se *core.ServeEvent) error {
	api := se.Router.Group("/api/x")
	api.GET("/items", items)        // want `route GET /api/x/items \[GET /api/x/items\] -> pbapp.items: 0$`
	se.Router.GET("/health", items) // want `route GET /health \[GET /health\] -> pbapp.items: 0$`
	return se.Next()
}

func items(e *core.RequestEvent) error { return nil }

// Mount registers on a group it is handed: under its caller's prefix.
func Mount(g *router.RouterGroup[*core.RequestEvent]) {
	g.GET("/more", items) // want `route GET …/more \[GET …/more\] -> pbapp.items: 0$`
}

var _ = serve
