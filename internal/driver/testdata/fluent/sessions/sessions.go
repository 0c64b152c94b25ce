// Package sessions puts lookups into the request's context for the
// handlers to call when they need them.
package sessions

import (
	"context"
	"database/sql"
	"net/http"
)

type accountKey int
type auditKey int

// Middleware stores the account lookup, and an audit writer under
// another key, and a string-keyed lookup nobody's key type names.
func Middleware(db *sql.DB) func(http.Handler) http.Handler {
	return func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			lookup := func() int {
				var id int
				db.QueryRowContext(r.Context(), "SELECT account_id FROM sessions WHERE token = $1", r.Header.Get("Cookie")).Scan(&id)
				return id
			}
			audit := func() int {
				db.ExecContext(r.Context(), "INSERT INTO audit (path) VALUES ($1)", r.URL.Path)
				return 0
			}
			anyone := func() int {
				db.QueryRowContext(r.Context(), "SELECT id FROM anyone")
				return 0
			}
			ctx := context.WithValue(r.Context(), accountKey(0), lookup)
			ctx = context.WithValue(ctx, auditKey(0), audit)
			ctx = context.WithValue(ctx, "anyone", anyone)
			h.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

// AccountID runs the lookup the middleware stored.
func AccountID(r *http.Request) int {
	if fn, ok := r.Context().Value(accountKey(0)).(func() int); ok {
		return fn()
	}
	return 0
}

// Anyone runs what a string key holds: any package's.
func Anyone(r *http.Request) int {
	if fn, ok := r.Context().Value("anyone").(func() int); ok {
		return fn()
	}
	return 0
}
