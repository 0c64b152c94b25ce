package main

import (
	"fmt"

	"github.com/gocraft/dbr/v2"

	"example.com/unreadlib/store"
)

func main() {
	s := &dbr.Session{}
	for _, id := range []string{"a", "b"} {
		fmt.Println(store.UserByID(s, id))
	}
}
