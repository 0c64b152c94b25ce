// Package wrap adapts handlers of the application's signature to gin's,
// from another package than the routes': the routes pass sees the call,
// not the closure.
package wrap

import "github.com/gin-gonic/gin"

// Handler answers a request with a value.
type Handler[T any] func(c *gin.Context) (T, error)

// Common serves h.
func Common[T any](h Handler[T]) gin.HandlerFunc {
	return func(c *gin.Context) {
		run(c, h)
	}
}

func run[T any](c *gin.Context, h Handler[T]) {
	if _, err := h(c); err != nil {
		c.Status(500)
	}
}
