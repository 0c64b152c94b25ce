// Package mw is main's middlewares.
package mw

import (
	"database/sql"
	"net/http"
)

// Session loads the request's session.
func Session(db *sql.DB) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			var id int64
			db.QueryRowContext(r.Context(), "SELECT id FROM web_sessions WHERE token = $1", r.Header.Get("Cookie")).Scan(&id)
			next.ServeHTTP(w, r)
		})
	}
}
