// Command inline is a server whose handler is written inline in main: the
// loops of main itself run once at start-up, those of a function literal
// it registers run per request.
package main

import (
	"database/sql"
	"net/http"
)

func main() {
	db, _ := sql.Open("postgres", "")
	for _, name := range []string{"a", "b"} {
		db.Exec("INSERT INTO seeds (name) VALUES ($1)", name) // silent: a literal list
	}
	var admins []string
	for _, a := range admins {
		db.Exec("INSERT INTO admins (name) VALUES ($1)", a) // silent: main runs once, at start-up
	}
	http.HandleFunc("GET /users", func(w http.ResponseWriter, r *http.Request) {
		var ids []int
		for _, id := range ids {
			db.QueryRowContext(r.Context(), "SELECT name FROM profiles WHERE user_id = $1", id) // want `SELECT .* runs once per item of ids`
		}
	})
	http.ListenAndServe(":8080", nil)
}

func init() {
	var names []string
	db, _ := sql.Open("postgres", "")
	for _, n := range names {
		db.Exec("INSERT INTO names (name) VALUES ($1)", n) // silent: init runs once
	}
}
