// Package nethttp registers routes on net/http's ServeMux in every form the
// routes pass follows.
package nethttp

import (
	"context"
	"database/sql"
	"net/http"
)

type H struct{ db *sql.DB }

func (h *H) list(w http.ResponseWriter, r *http.Request) {
	h.db.QueryContext(r.Context(), "SELECT id FROM items")
}

func (h *H) get(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	h.db.QueryRowContext(ctx, "SELECT id FROM items WHERE id = $1", 1)
	h.db.QueryRowContext(ctx, "SELECT name FROM tags WHERE item_id = $1", 1)
}

// search takes one of two paths: its heaviest issues two queries.
func (h *H) search(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("q") == "" {
		h.db.QueryContext(r.Context(), "SELECT id FROM items")
		return
	}
	h.db.QueryContext(r.Context(), "SELECT id FROM items WHERE name LIKE $1", "%")
	h.db.QueryContext(r.Context(), "SELECT count(*) FROM items WHERE name LIKE $1", "%")
}

// each issues a query per item.
func (h *H) each(w http.ResponseWriter, r *http.Request) {
	for _, id := range r.URL.Query()["id"] {
		h.db.QueryRowContext(r.Context(), "SELECT name FROM items WHERE id = $1", id)
	}
}

// auth runs a query before every request it wraps.
func (h *H) auth(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.db.QueryRowContext(r.Context(), "SELECT user_id FROM sessions WHERE token = $1", r.Header.Get("Token"))
		next(w, r)
	})
}

// logged wraps without queries.
func logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { next.ServeHTTP(w, r) })
}

// feed is built by a constructor: the closure it returns serves.
func (h *H) feed() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h.db.QueryContext(context.Background(), "SELECT id FROM feed")
	}
}

type statusHandler struct{ db *sql.DB }

func (s *statusHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.db.QueryRow("SELECT 1")
}

func (h *H) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /items", h.list)                                       // want `route GET /items \[GET /items\] -> nethttp.\(\*H\).list: 1$`
	mux.HandleFunc("GET /items/{id}", h.get)                                   // want `route GET /items/\{id\} \[GET /items/\{\}\] -> nethttp.\(\*H\).get: 2$`
	mux.HandleFunc("/search", h.search)                                        // want `route /search \[ANY /search\] -> nethttp.\(\*H\).search: 2$`
	mux.Handle("POST /each", http.HandlerFunc(h.each))                         // want `route POST /each \[POST /each\] -> nethttp.\(\*H\).each: 0\+loop$`
	mux.Handle("GET /me", h.auth(h.get))                                       // want `route GET /me \[GET /me\] -> nethttp.\(\*H\).auth → nethttp.\(\*H\).get: 3$`
	mux.Handle("GET /logged/me", logged(h.auth(h.list)))                       // want `route GET /logged/me .* -> nethttp.logged → nethttp.\(\*H\).auth → nethttp.\(\*H\).list: 2$`
	mux.Handle("GET /feed", h.feed())                                          // want `route GET /feed .* -> nethttp.\(\*H\).feed: 1 ctx background@nethttp.go:\d+$`
	mux.Handle("example.com/status", &statusHandler{})                        // want `route example.com/status \[ANY example.com/status\] -> nethttp.\(\*statusHandler\).ServeHTTP: 1 ctx none@nethttp.go:\d+$`
	mux.HandleFunc("GET /inline/{name}", func(w http.ResponseWriter, r *http.Request) { // want `route GET /inline/\{name\} .* -> func literal in nethttp.\(\*H\).Routes: 1$`
		h.db.ExecContext(r.Context(), "DELETE FROM items WHERE name = $1", r.PathValue("name"))
	})
	http.HandleFunc("/default", h.list) // want `route /default \[ANY /default\] -> nethttp.\(\*H\).list: 1$`
	for _, p := range []string{"/a", "/b"} {
		mux.HandleFunc(p, h.list) // want `route … \[ANY …\] -> nethttp.\(\*H\).list: 1$`
	}
}

// orphan has a handler's signature and no registration here: it is a
// route named by its function.
func orphan(w http.ResponseWriter, r *http.Request) { // want `route nethttp.orphan \[ANY nethttp.orphan\] -> nethttp.orphan: 0$`
}

// helper is called by a handler: part of its request, not a route.
func helper(w http.ResponseWriter, r *http.Request) {}

func (h *H) delegate(w http.ResponseWriter, r *http.Request) { // want `route nethttp.\(\*H\).delegate .*: 0$`
	helper(w, r)
}
