// Package items registers the items' routes on the group fx hands it.
package items

import (
	"github.com/gin-gonic/gin"

	"example.com/fxroutes/store"
)

func Register(r *gin.RouterGroup, s *store.Store) {
	r.GET("/items", func(c *gin.Context) { s.Items(c) })
}
