// Package stdroutes returns a table of net/http patterns.
package stdroutes

import (
	"database/sql"
	"net/http"
)

type Route struct {
	Pattern string
	H       http.HandlerFunc
}

func Table(db *sql.DB) []Route {
	return []Route{
		{"GET /tags", func(w http.ResponseWriter, r *http.Request) {
			db.QueryContext(r.Context(), "SELECT name FROM tags")
		}},
		{"/ping", ping},
	}
}

func ping(w http.ResponseWriter, r *http.Request) {}
