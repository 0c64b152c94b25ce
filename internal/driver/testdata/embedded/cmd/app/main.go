package main

import (
	"database/sql"
	"net/http"

	"example.com/embedded/health"
	"example.com/embedded/pg"
	"example.com/embedded/server"
)

func main() {
	db, _ := sql.Open("postgres", "")
	srv := server.New(pg.New(db))
	checker := &health.Checker{Target: srv, Name: "svc"}
	http.HandleFunc("/health", checker.Check)
	http.HandleFunc("/read", srv.Read)
	http.ListenAndServe(":8080", nil)
}
