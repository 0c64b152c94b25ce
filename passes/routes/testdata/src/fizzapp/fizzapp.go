// Package fizzapp registers routes through fizz, an OpenAPI layer over
// gin: each route takes its documentation, then gin's chain of handlers,
// the last made by tonic from a typed function that serves, here or in
// another package (fizzctl, costed by its summary). A group's middlewares
// run on its routes.
package fizzapp

import (
	"database/sql"

	"github.com/gin-gonic/gin"
	"github.com/loopfz/gadgeto/tonic"
	"github.com/wI2L/fizz"

	"fizzctl"
)

var db *sql.DB

type GetIn struct {
	ID int `path:"id"`
}

type Item struct{ Name string }

func getItem(c *gin.Context, in *GetIn) (*Item, error) {
	var it Item
	err := db.QueryRowContext(c, "SELECT name FROM items WHERE id = $1", in.ID).Scan(&it.Name)
	return &it, err
}

func listItems(c *gin.Context) ([]Item, error) {
	db.QueryContext(c, "SELECT name FROM items")
	return nil, nil
}

func auth(c *gin.Context) {
	db.QueryRowContext(c, "SELECT 1 FROM sessions WHERE token = $1", c.GetHeader("token"))
	c.Next()
}

func Routes() *fizz.Fizz {
	f := fizz.NewFromEngine(gin.New())
	items := f.Group("/api/items", "items", "the items", auth)
	items.GET("/:id", []fizz.OperationOption{fizz.ID("getItem")}, tonic.Handler(getItem, 200)) // want `route GET /api/items/:id \[GET /api/items/\{\}\] -> fizzapp.auth → fizzapp.getItem: 2$`
	items.Handle("", "GET", nil, tonic.Handler(listItems, 200))                                // want `route GET /api/items \[GET /api/items\] -> fizzapp.auth → fizzapp.listItems: 2$`
	items.PUT("/:id", nil, tonic.Handler(fizzctl.GetItem, 200))                                // want `route PUT /api/items/:id \[PUT /api/items/\{\}\] -> fizzapp.auth → fizzctl.GetItem: 2$`
	return f
}
