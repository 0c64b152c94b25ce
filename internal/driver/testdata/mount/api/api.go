// Package api registers its routes on the router it is given.
package api

import (
	"database/sql"
	"net/http"

	"github.com/go-chi/chi/v5"
)

type Handler struct{ DB *sql.DB }

// RegisterRoutes registers the handler's routes, behind a middleware, on
// r: the prefix r is mounted under is its caller's.
func (h *Handler) RegisterRoutes(r chi.Router) {
	r.Use(h.auth)
	r.Get("/summary", h.summary)
	r.Get("/items", h.items)
}

func (h *Handler) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var id int64
		h.DB.QueryRowContext(r.Context(), "SELECT id FROM sessions WHERE token = $1", r.Header.Get("X-Token")).Scan(&id)
		next.ServeHTTP(w, r)
	})
}

func (h *Handler) summary(w http.ResponseWriter, r *http.Request) {
	var n int64
	h.DB.QueryRowContext(r.Context(), "SELECT count(*) FROM items").Scan(&n)
}

func (h *Handler) items(w http.ResponseWriter, r *http.Request) {
	rows, _ := h.DB.QueryContext(r.Context(), "SELECT id, name FROM items")
	if rows != nil {
		rows.Close()
	}
}
