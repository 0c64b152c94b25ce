// Package mwvar registers handlers wrapped in a middleware held by a
// local variable: the maker's call is made once, and what it returned is
// applied to each handler at its registration.
package mwvar

import (
	"database/sql"
	"net/http"

	"mw"
)

type H struct {
	db     *sql.DB
	isDemo bool
	auth   func(http.Handler) http.Handler
}

func (h *H) me(w http.ResponseWriter, r *http.Request) {
	h.db.QueryRowContext(r.Context(), "SELECT name FROM users WHERE id = $1", 1)
}

func (h *H) remove(w http.ResponseWriter, r *http.Request) {
	h.db.ExecContext(r.Context(), "DELETE FROM users WHERE id = $1", 1)
}

// restrictedIn refuses every request in a demo.
func restrictedIn(db *sql.DB, demo bool) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			db.ExecContext(r.Context(), "INSERT INTO demo_log (path) VALUES ($1)", r.URL.Path)
			if demo {
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// byName is a handler maker, not a middleware: it takes no handler.
func byName(db *sql.DB) func(string) http.Handler {
	return func(name string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			db.QueryRowContext(r.Context(), "SELECT id FROM reports WHERE name = $1", name)
		})
	}
}

func (h *H) RegisterRoutes(mux *http.ServeMux) {
	requireAuth := mw.NewAuth(h.db).RequireAuth()
	restricted := restrictedIn(h.db, h.isDemo)
	mux.Handle("/api/user.me", requireAuth(http.HandlerFunc(h.me)))                     // want `route /api/user.me .* -> mw.\(\*AuthConfig\).RequireAuth → mwvar.\(\*H\).me: 2$`
	mux.Handle("/api/user.delete", requireAuth(restricted(http.HandlerFunc(h.remove)))) // want `route /api/user.delete .* -> mw.\(\*AuthConfig\).RequireAuth → mwvar.restrictedIn → mwvar.\(\*H\).remove: 3$`

	// A maker called where it is applied keeps working.
	mux.Handle("/api/direct", mw.NewAuth(h.db).RequireAuth()(http.HandlerFunc(h.me))) // want `route /api/direct .* -> mw.\(\*AuthConfig\).RequireAuth → mwvar.\(\*H\).me: 2$`
	mux.Handle("/api/local", restrictedIn(h.db, false)(http.HandlerFunc(h.me)))       // want `route /api/local .* -> mwvar.restrictedIn → mwvar.\(\*H\).me: 2$`

	// Not a middleware: what the variable holds takes a name, and makes
	// the handler; the call is not a handler wrapped.
	report := byName(h.db)
	mux.Handle("/api/report", report("daily")) // want `route /api/report .* -> report\("daily"\): 0$`

	// Written twice: which middleware runs is not known here, but the
	// handler it wraps is.
	guard := mw.NewAuth(h.db).RequireAuth()
	if h.isDemo {
		guard = restrictedIn(h.db, true)
	}
	mux.Handle("/api/guarded", guard(http.HandlerFunc(h.remove))) // want `route /api/guarded .* -> guard → mwvar.\(\*H\).remove: 1$`

	// A func-typed field holding a middleware: the graph gives what the
	// module stores into it.
	mux.Handle("/api/field", h.auth(http.HandlerFunc(h.me))) // want `route /api/field .* -> h.auth → mwvar.\(\*H\).me: 1$`
}
