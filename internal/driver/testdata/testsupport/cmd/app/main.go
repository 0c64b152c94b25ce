package main

import (
	"database/sql"
	"net/http"

	"example.com/testsupport/api"
)

func main() {
	db, _ := sql.Open("postgres", "")
	s := &api.Server{DB: db}
	http.HandleFunc("POST /touch", s.Touch)
	http.ListenAndServe(":8080", nil)
}
