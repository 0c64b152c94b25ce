// Command rtable serves the route tables of its handler sets.
package main

import (
	"database/sql"
	"net/http"
	"os"

	"example.com/rtable/api"
	"example.com/rtable/cards"
	"example.com/rtable/legacy"
	"example.com/rtable/made"
	"example.com/rtable/notes"
	"example.com/rtable/std"
)

func main() {
	db, _ := sql.Open("postgres", "")
	go std.Serve(db)
	go made.Serve(db)
	h := api.NewRouter(os.Getenv("PREFIX"),
		[]api.Handlers{cards.New(db), notes.New(db)},
		[]api.Legacy{legacy.New(db)},
		[]api.Middleware{&api.Auth{DB: db}})
	http.ListenAndServe(":8080", h)
}
