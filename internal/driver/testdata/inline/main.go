// Command inline serves a handler written inline in main, which reaches
// its query through an interface: main's own loops run once, at
// start-up; the literal's, per request.
package main

import (
	"database/sql"
	"net/http"
)

type profiles interface{ name(id int) string }

type pg struct{ db *sql.DB }

func (p pg) name(id int) (s string) {
	p.db.QueryRow("SELECT name FROM profiles WHERE user_id = $1", id).Scan(&s)
	return s
}

func main() {
	db, _ := sql.Open("postgres", "")
	var ps profiles = pg{db}
	var admins []int
	for _, a := range admins {
		ps.name(a) // silent: main runs once, at start-up
	}
	http.HandleFunc("GET /names", func(w http.ResponseWriter, r *http.Request) {
		var ids []int
		for _, id := range ids {
			w.Write([]byte(ps.name(id))) // an N+1 per request, through the interface
		}
	})
	http.ListenAndServe(":8080", nil)
}
