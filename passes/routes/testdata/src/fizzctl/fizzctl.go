// Package fizzctl declares typed handlers, func(*gin.Context, *In) (*Out,
// error), that fizzapp registers through tonic.
package fizzctl

import (
	"database/sql"

	"github.com/gin-gonic/gin"
)

var DB *sql.DB

type GetIn struct {
	ID int `path:"id"`
}

type Item struct{ Name string }

func GetItem(c *gin.Context, in *GetIn) (*Item, error) {
	var it Item
	err := DB.QueryRowContext(c, "SELECT name FROM items WHERE id = $1", in.ID).Scan(&it.Name)
	return &it, err
}
