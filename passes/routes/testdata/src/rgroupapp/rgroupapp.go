// Package rgroupapp registers its routes on go-pkgz/routegroup bundles:
// ServeMux patterns under the prefixes of Mount, the middlewares of Use
// and With, groups nested with Group and Route.
package rgroupapp

import (
	"database/sql"
	"net/http"

	"github.com/go-pkgz/routegroup"
)

type API struct{ db *sql.DB }

func (a *API) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.db.QueryRowContext(r.Context(), "SELECT user_id FROM sessions WHERE token = $1", r.Header.Get("Token"))
		next.ServeHTTP(w, r)
	})
}

// admin makes a middleware, as a method taking a scope.
func (a *API) admin(scope string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			a.db.QueryRowContext(r.Context(), "SELECT 1 FROM admins WHERE id = $1 AND scope = $2", 1, scope)
			next.ServeHTTP(w, r)
		})
	}
}

// handleList returns the handler closure.
func (a *API) handleList() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		a.db.QueryContext(r.Context(), "SELECT id FROM peers")
	}
}

func (a *API) get(w http.ResponseWriter, r *http.Request) {
	a.db.QueryRowContext(r.Context(), "SELECT id FROM peers WHERE id = $1", r.PathValue("id"))
}

func (a *API) Server() http.Handler {
	root := routegroup.New(http.NewServeMux())
	root.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {}) // want `route GET /health \[GET /health\] -> func literal in rgroupapp.\(\*API\).Server: 0$`
	api := root.Mount("/api")
	api.Use(a.auth)
	a.peers(api)
	api.Route(func(g *routegroup.Bundle) {
		g.Use(a.admin("users"))
		g.HandleFunc("DELETE /users/{id}", a.get) // want `route DELETE /api/users/\{id\} \[DELETE /api/users/\{\}\] -> rgroupapp.\(\*API\).auth → rgroupapp.\(\*API\).admin → rgroupapp.\(\*API\).get: 3$`
	})
	v2 := api.Group().Mount("/v2")
	v2.Handle("/any", http.HandlerFunc(a.get)) // want `route /api/v2/any \[ANY /api/v2/any\] -> rgroupapp.\(\*API\).auth → rgroupapp.\(\*API\).get: 2$`
	return root
}

func (a *API) peers(g *routegroup.Bundle) {
	peers := g.Mount("/peer")
	peers.With(a.admin("peers")).HandleFunc("GET /by-interface/{id...}", a.handleList()) // want `route GET /api/peer/by-interface/\{id\.\.\.\} \[GET /api/peer/by-interface/\{\.\.\.\}\] -> rgroupapp.\(\*API\).auth → rgroupapp.\(\*API\).admin → rgroupapp.\(\*API\).handleList: 3$`
	peers.HandleFunc("GET /by-id/{id}", a.get)                                           // want `route GET /api/peer/by-id/\{id\} \[GET /api/peer/by-id/\{\}\] -> rgroupapp.\(\*API\).auth → rgroupapp.\(\*API\).get: 2$`
	// Not paths: no route serves them.
	peers.HandleFunc("GET by-name", a.get)
	peers.HandleFunc("peer:created", a.get)
}
