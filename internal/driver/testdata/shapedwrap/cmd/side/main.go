// Command side is a sidecar whose handlers answer an error, each wrapped
// by a closure of main's that writes it (segmentio/ctlstore's shape).
package main

import (
	"database/sql"
	"net/http"
)

var db *sql.DB

func main() {
	handleErr := func(fn func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if err := fn(w, r); err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
			}
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /rows", handleErr(rows))
	mux.HandleFunc("GET /ping", handleErr(ping))
	http.ListenAndServe(":8081", mux)
}

func rows(w http.ResponseWriter, r *http.Request) error {
	_, err := db.Query(`SELECT id FROM rows WHERE key = $1`, r.URL.Query().Get("key"))
	return err
}

func ping(w http.ResponseWriter, r *http.Request) error {
	return db.Ping()
}
