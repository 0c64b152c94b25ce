// Package ginfallback serves, behind a static-file middleware, another
// router the middleware falls back to: that router's routes run behind
// it (the router is handed to a middleware another router uses, not to
// its own Use).
package ginfallback

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func Router(files http.FileSystem) *gin.Engine {
	app := gin.New()
	root := gin.New()
	root.GET("/*any", index) // want `route GET /\*any \[GET /\{...\}\] -> ginfallback.staticMiddleware → ginfallback.index: 0$`
	app.Use(staticMiddleware(http.FileServer(files), root))
	return app
}

func index(c *gin.Context) {}

// staticMiddleware serves a file when there is one, else what fallback
// serves.
func staticMiddleware(fileServer, fallback http.Handler) gin.HandlerFunc {
	return func(c *gin.Context) {
		fallback.ServeHTTP(c.Writer, c.Request)
	}
}
