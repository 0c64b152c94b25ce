package main

import (
	"database/sql"
	"net/http"
	"os"

	"example.com/percall/api"
	"example.com/percall/store"
	"example.com/percall/store/my"
	"example.com/percall/store/pg"
)

func main() {
	db, _ := sql.Open("postgres", "")
	a := &api.API{Store: store.New(db), Users: pg.New(db)}
	if len(os.Args) > 1 {
		a.Users = my.New(db)
	}
	http.Handle("/sync", a)
	http.ListenAndServe(":8080", nil)
}
