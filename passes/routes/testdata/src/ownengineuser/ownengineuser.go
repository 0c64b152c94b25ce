// Package ownengineuser registers its handlers on another package's
// engine: the engine's method helpers are known by their Registers
// facts, and each handler is made by a constructor of this package.
package ownengineuser

import (
	"ownengine"
)

func Post() ownengine.HandlerFunc {
	return func(c *ownengine.Context) error {
		_, err := c.DB.QueryContext(c.R.Context(), "SELECT id, title FROM posts WHERE id = $1", 1)
		return err
	}
}

func Routes(e *ownengine.Engine) {
	e.Get("/posts/:id", Post())   // want `route GET /posts/:id \[GET /posts/\{\}\] -> ownengineuser.Post: 1 ctx unknown@ownengineuser.go:\d+$`
	e.Get("/", ownengine.Index()) // want `route GET / \[GET /\{\.\.\.\}\] -> ownengine.Index: 0$`
	g := e.Group()
	g.Get("/admin", Post()) // want `route GET /admin \[GET /admin\] -> ownengineuser.Post: 1 ctx unknown@ownengineuser.go:\d+$`
}
