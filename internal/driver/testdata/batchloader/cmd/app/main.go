package main

import (
	"database/sql"
	"net/http"

	"example.com/batchloader/api"
)

func main() {
	db, _ := sql.Open("postgres", "")
	http.ListenAndServe(":8080", api.Routes(db))
}
