package main

import (
	"database/sql"
	"net/http"

	"example.com/inventory/api"
	"example.com/inventory/persistence"
)

func main() {
	db, err := sql.Open("postgres", "")
	if err != nil {
		panic(err)
	}
	http.ListenAndServe(":8080", api.New(persistence.New(db)))
}
