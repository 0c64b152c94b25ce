// Package mw is a middleware package: what its constructors' closures
// issue per request travels to the packages that use them as a fact.
package mw

import (
	"database/sql"
	"net/http"
)

// Auth looks the session up on every request.
func Auth(db *sql.DB) func(http.Handler) http.Handler { // want Auth:`serves\(read SELECT user_id FROM sessions WHERE token = \$1 @mw.go:\d+\)`
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			db.QueryRowContext(r.Context(), "SELECT user_id FROM sessions WHERE token = $1", r.Header.Get("Token"))
			next.ServeHTTP(w, r)
		})
	}
}

// Audit wraps a handler directly.
func Audit(db *sql.DB, next http.Handler) http.Handler { // want Audit:`serves\(write INSERT INTO audit \(path\) VALUES \(\$1\) @mw.go:\d+\)`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
		db.ExecContext(r.Context(), "INSERT INTO audit (path) VALUES ($1)", r.URL.Path)
	})
}

// Logger issues nothing: no fact.
func Logger(next http.Handler) http.Handler { return next }

// Stats is a handler of this package that no registration here reaches.
func Stats(db *sql.DB) http.HandlerFunc { // want Stats:`serves\(read SELECT count\(\*\) FROM users @mw.go:\d+\)`
	return func(w http.ResponseWriter, r *http.Request) {
		db.QueryRowContext(r.Context(), "SELECT count(*) FROM users")
	}
}

// NewAPI returns a router wrapped in a middleware: registering it mounts
// the routes this package lists, not a route of its own.
func NewAPI(db *sql.DB) http.Handler { // want NewAPI:`servesRouter`
	mux := http.NewServeMux()
	mux.Handle("GET /api/users", Stats(db))
	return Logger(mux)
}

// AuthConfig makes an auth middleware per use (notifuse's
// middleware.NewAuthMiddleware(secret).RequireAuth()).
type AuthConfig struct{ db *sql.DB }

func NewAuth(db *sql.DB) *AuthConfig { return &AuthConfig{db: db} }

// RequireAuth returns the middleware: its closure checks the key on every
// request.
func (c *AuthConfig) RequireAuth() func(http.Handler) http.Handler { // want RequireAuth:`serves\(read SELECT user_id FROM api_keys WHERE key = \$1 @mw.go:\d+\)`
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			c.db.QueryRowContext(r.Context(), "SELECT user_id FROM api_keys WHERE key = $1", r.Header.Get("Key"))
			next.ServeHTTP(w, r)
		})
	}
}
