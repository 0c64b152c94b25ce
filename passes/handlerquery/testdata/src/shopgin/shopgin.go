// Package shopgin: gin's context is the request's context.
package shopgin

import (
	"context"

	"github.com/gin-gonic/gin"

	"shopstore"
)

type H struct{ store *shopstore.Store }

func (h *H) get(c *gin.Context) {
	h.store.GetOrder(c, 1)                    // the gin context carries the request's: silent
	h.store.GetOrder(c.Request.Context(), 2)  // silent
	h.store.GetOrder(context.Background(), 3) // want `GET /orders/:id passes context.Background\(\) to shopstore.\(\*Store\).GetOrder`
}

func (h *H) Routes(r *gin.Engine) {
	r.GET("/orders/:id", h.get)
}
