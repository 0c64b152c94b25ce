// Package api calls the store from another package: facts carry the
// store's queries and its wrapper across the package boundary.
package api // want `stats: 2 sites, 0 unresolved, 0 unparsed, 0 orm`

import (
	"context"
	"database/sql"
	"net/http"

	"store"
)

type Handler struct {
	S  *store.Store
	DB *sql.DB
}

// List issues one query per user through the store: Loop depth 1 in facts.
func (h *Handler) List(ctx context.Context, ids []int64) { // want `issuesQueries\(read×1 SELECT id, name, email FROM users WHERE id = \$1 @store.go:\d+ via store.\(\*Store\).User\)`
	for _, id := range ids {
		h.S.User(ctx, id) // want `call store.\(\*Store\).User in data loop`
	}
}

// Nested multiplies: ItemsPerUser already loops.
func (h *Handler) Nested(ctx context.Context, groups [][]int64) { // want `issuesQueries\(read×2 SELECT id FROM items WHERE user_id = \$1 .*\)`
	for _, g := range groups {
		h.S.ItemsPerUser(ctx, g) // want `call store.\(\*Store\).ItemsPerUser in data loop`
	}
}

// Cross uses a constant of another package in its SQL.
func (h *Handler) Cross(ctx context.Context) error { // want `issuesQueries\(.*\)`
	_, err := h.DB.QueryContext(ctx, "SELECT "+store.Columns+" FROM users") // want `site query read "SELECT id, name, email FROM users"`
	return err
}

// Wrapped passes constant SQL to the store's exported wrapper: the call is
// the site, with the SQL resolved here.
func (h *Handler) Wrapped(ctx context.Context) { // want `issuesQueries\(read SELECT id FROM orders WHERE paid @api.go:\d+ via store.\(\*Store\).Query\)`
	h.S.Query(ctx, "SELECT id FROM orders WHERE paid") // want `site query read "SELECT id FROM orders WHERE paid"`
}

// Register passes a handler closure to a router: it does not run here, so
// Register issues no query (no fact).
func (h *Handler) Register(mux *http.ServeMux) {
	mux.HandleFunc("/users", func(w http.ResponseWriter, r *http.Request) {
		h.S.User(r.Context(), 1) // want `call store.\(\*Store\).User`
	})
}
