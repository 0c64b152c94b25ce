// Package chi4app registers routes with chi v4 (github.com/go-chi/chi,
// no /v4 suffix), whose API is v5's.
package chi4app

import (
	"database/sql"
	"net/http"

	"github.com/go-chi/chi"
)

type H struct{ db *sql.DB }

func (h *H) get(w http.ResponseWriter, r *http.Request) {
	h.db.QueryRowContext(r.Context(), "SELECT id FROM items WHERE id = $1", chi.URLParam(r, "id"))
}

func (h *H) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.db.QueryRowContext(r.Context(), "SELECT user_id FROM sessions WHERE token = $1", r.Header.Get("Token"))
		next.ServeHTTP(w, r)
	})
}

func (h *H) Router() http.Handler {
	r := chi.NewRouter()
	r.Route("/v1", func(r chi.Router) {
		r.Use(h.auth)
		r.Get("/items/{id}", h.get) // want `route GET /v1/items/\{id\} \[GET /v1/items/\{\}\] -> chi4app.\(\*H\).auth → chi4app.\(\*H\).get: 2$`
	})
	r.With(h.auth).Method("DELETE", "/items/{id}", http.HandlerFunc(h.get)) // want `route DELETE /items/\{id\} .* -> chi4app.\(\*H\).auth → chi4app.\(\*H\).get: 2$`
	r.Mount("/admin", h.admin())
	return r
}

func (h *H) admin() http.Handler {
	r := chi.NewRouter()
	r.Get("/items/{id}", h.get) // want `route GET /admin/items/\{id\} .* -> chi4app.\(\*H\).get: 1$`
	return r
}
