package main

import (
	"database/sql"
	"net/http"

	"example.com/async/api"
	"example.com/async/events"
)

func main() {
	db, _ := sql.Open("postgres", "")
	events.OnUpdate = events.Rules(db)
	a := &api.API{DB: db}
	http.HandleFunc("POST /orders", a.Create)
	http.HandleFunc("GET /report", a.Report)
	http.HandleFunc("GET /summary", a.Summary)
	http.HandleFunc("POST /notify", a.Notify)
	http.ListenAndServe(":8080", nil)
}
