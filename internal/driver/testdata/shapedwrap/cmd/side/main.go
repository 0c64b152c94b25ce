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
	mux.HandleFunc("GET /cookie", cookie)
	mux.HandleFunc("POST /cookie", cookie)
	mux.HandleFunc("/cookies", cookie)
	http.ListenAndServe(":8081", mux)
}

func rows(w http.ResponseWriter, r *http.Request) error {
	_, err := db.Query(`SELECT id FROM rows WHERE key = $1`, r.URL.Query().Get("key"))
	return err
}

func ping(w http.ResponseWriter, r *http.Request) error {
	return db.Ping()
}

// cookie serves two methods, one branch each; a GET route serves HEAD
// too, so a HEAD test goes either way on it.
func cookie(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodHead {
		db.Exec(`UPDATE cookies SET probed = now()`)
		return
	}
	switch r.Method {
	case http.MethodGet:
		db.QueryRow(`SELECT value FROM cookies WHERE writer = $1`, r.Header.Get("writer"))
	case "POST":
		db.Exec(`UPDATE cookies SET value = $2 WHERE writer = $1`, r.Header.Get("writer"), r.Header.Get("value"))
	}
}
