// Package wrapuser registers its routes through wraplib's wrapper: the
// Wraps facts of its methods make each call a route, under the wrapper's
// groups and with its middlewares.
package wrapuser

import (
	"database/sql"
	"net/http"

	"wraplib"
)

type H struct{ db *sql.DB }

func (h *H) list(w http.ResponseWriter, r *http.Request) error {
	h.db.QueryContext(r.Context(), "SELECT id FROM items")
	return nil
}

func (h *H) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.db.QueryRowContext(r.Context(), "SELECT user_id FROM sessions WHERE token = $1", r.Header.Get("Token"))
		next.ServeHTTP(w, r)
	})
}

func Routes(h *H) http.Handler {
	r := wraplib.New()
	r.GET("/items", h.list) // want `route GET /items \[GET /items\] -> wrapuser.\(\*H\).list: 1$`
	r.Prefix("/v1", func(r *wraplib.Router) {
		r.Use2(h.auth)
		r.Handle("PATCH", "/items", h.list) // want `route PATCH /v1/items \[PATCH /v1/items\] -> wrapuser.\(\*H\).auth → wrapuser.\(\*H\).list: 2$`
		r.Group(func(r *wraplib.Router) {
			r.GET("/more", h.list) // want `route GET /v1/more .* -> wrapuser.\(\*H\).auth → wrapuser.\(\*H\).list: 2$`
		})
	})
	r.With(h.auth).GET("/mine", h.list) // want `route GET /mine \[GET /mine\] -> wrapuser.\(\*H\).auth → wrapuser.\(\*H\).list: 2$`
	return r
}
