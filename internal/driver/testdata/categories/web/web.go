// Package web has one finding of each kind of handlerquery.
package web

import (
	"context"
	"database/sql"
	"net/http"
)

type H struct{ db *sql.DB }

func (h *H) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /users/{id}", h.user)
	mux.HandleFunc("GET /report", h.report)
}

func (h *H) name(ctx context.Context, id string) string {
	var name string
	h.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name
}

// user reads the same row twice (duplicate), once without the request's
// context (context).
func (h *H) user(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	first := h.name(r.Context(), id)
	again := h.name(r.Context(), id)
	h.name(context.Background(), id)
	w.Write([]byte(first + again))
}

// report runs more queries than a budget of 2 (budget).
func (h *H) report(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	h.db.QueryRowContext(ctx, "SELECT count(*) FROM users")
	h.db.QueryRowContext(ctx, "SELECT count(*) FROM orders")
	h.db.QueryRowContext(ctx, "SELECT count(*) FROM products")
}
