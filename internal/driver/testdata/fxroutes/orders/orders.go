// Package orders registers the orders' routes under a group of its own,
// on the group fx hands it.
package orders

import (
	"github.com/gin-gonic/gin"

	"example.com/fxroutes/store"
)

func Register(r *gin.RouterGroup, s *store.Store) {
	g := r.Group("/orders")
	g.GET("/:id", func(c *gin.Context) { s.Order(c, c.Param("id")) })
	g.GET("/:id/lines", func(c *gin.Context) {
		for _, id := range s.Order(c, c.Param("id")) {
			s.Line(c, id)
		}
	})
}
