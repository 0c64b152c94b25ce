package main

import (
	"context"
	"database/sql"
	"net/http"
	"os"

	"example.com/roles/api"
	"example.com/roles/dbmigrate"
	"example.com/roles/worker"
)

func main() {
	db, _ := sql.Open("postgres", "")
	switch os.Args[1] {
	case "migrate":
		dbmigrate.Backfill(context.Background(), db, emails(db))
	case "serve":
		s := &api.Server{DB: db}
		go (&worker.Refresher{DB: db}).Run(context.Background(), userIDs(db))
		worker.Logins(db, worker.NewConsumer(db))
		http.HandleFunc("GET /users", s.Users)
		http.ListenAndServe(":8080", nil)
	}
}

// emails are every user's, from the database.
func emails(db *sql.DB) []string {
	rows, _ := db.Query("SELECT email FROM users ORDER BY id")
	defer rows.Close()
	var out []string
	for rows.Next() {
		var e string
		rows.Scan(&e)
		out = append(out, e)
	}
	return out
}

// userIDs are every user's, from the database.
func userIDs(db *sql.DB) []int64 {
	rows, _ := db.Query("SELECT id FROM users")
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		out = append(out, id)
	}
	return out
}
