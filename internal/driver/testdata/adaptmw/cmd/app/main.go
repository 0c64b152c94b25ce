package main

import (
	"database/sql"
	"net/http"

	"example.com/adaptmw/store"
	"example.com/adaptmw/web"
	"example.net/errwrap"
)

func main() {
	db, err := sql.Open("postgres", "")
	if err != nil {
		panic(err)
	}
	chain := errwrap.New()
	http.ListenAndServe(":8080", web.New(store.New(db)).Routes(chain))
}
