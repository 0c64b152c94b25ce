package main

import (
	"database/sql"
	"net/http"

	"example.com/ownrouter/apis"
)

func main() {
	db, err := sql.Open("postgres", "")
	if err != nil {
		panic(err)
	}
	r := apis.NewRouter(db)
	_ = http.ListenAndServe(":8080", r.BuildMux())
}
