// Package chiapp registers routes with chi: method routes, Route and Group
// closures, With, Use, Mount, and routers passed to functions.
package chiapp

import (
	"database/sql"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

type H struct{ db *sql.DB }

func (h *H) list(w http.ResponseWriter, r *http.Request) {
	h.db.QueryContext(r.Context(), "SELECT id FROM items")
}

func (h *H) get(w http.ResponseWriter, r *http.Request) {
	h.db.QueryRowContext(r.Context(), "SELECT id FROM items WHERE id = $1", chi.URLParam(r, "id"))
}

// auth is a chi middleware that looks the session up on every request.
func (h *H) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.db.QueryRowContext(r.Context(), "SELECT user_id FROM sessions WHERE token = $1", r.Header.Get("Token"))
		next.ServeHTTP(w, r)
	})
}

func logger(next http.Handler) http.Handler { return next }

func (h *H) Router() http.Handler {
	r := chi.NewRouter()
	r.Use(logger)
	r.Get("/health", func(w http.ResponseWriter, r *http.Request) {}) // want `route GET /health \[GET /health\] -> chiapp.logger → func literal in chiapp.\(\*H\).Router: 0$`
	r.Route("/v1", func(r chi.Router) {
		r.Get("/items", h.list)     // want `route GET /v1/items \[GET /v1/items\] -> chiapp.logger → chiapp.\(\*H\).list: 1$`
		r.Get("/items/{id}", h.get) // want `route GET /v1/items/\{id\} \[GET /v1/items/\{\}\] -> chiapp.logger → chiapp.\(\*H\).get: 1$`
		r.Group(func(r chi.Router) {
			r.Use(h.auth)
			r.Post("/items", h.list)                                  // want `route POST /v1/items \[POST /v1/items\] -> chiapp.logger → chiapp.\(\*H\).auth → chiapp.\(\*H\).list: 2$`
			r.Method("PATCH", "/items/{id}", http.HandlerFunc(h.get)) // want `route PATCH /v1/items/\{id\} .* -> chiapp.logger → chiapp.\(\*H\).auth → chiapp.\(\*H\).get: 2$`
		})
		r.With(h.auth).Delete("/items/{id}", h.get) // want `route DELETE /v1/items/\{id\} .* -> chiapp.logger → chiapp.\(\*H\).auth → chiapp.\(\*H\).get: 2$`
	})
	r.Route("/v2", h.v2)
	r.Mount("/admin", h.admin())
	r.Mount("/ui", h.ui())
	r.Mount("/static", http.FileServer(http.Dir("."))) // want `route /static/\* \[ANY /static/\{\.\.\.\}\] -> chiapp.logger → http.FileServer: 0$`
	h.public(r)
	return r
}

// v2 is given to Route: its router is under /v2.
func (h *H) v2(r chi.Router) {
	r.Get("/items", h.list) // want `route GET /v2/items .* -> chiapp.logger → chiapp.\(\*H\).list: 1$`
}

// admin builds a router that Router mounts under /admin.
func (h *H) admin() http.Handler {
	r := chi.NewRouter()
	r.Use(h.auth)
	r.Get("/users", h.list) // want `route GET /admin/users .* -> chiapp.logger → chiapp.\(\*H\).auth → chiapp.\(\*H\).list: 2$`
	return r
}

// public is called with the root router.
func (h *H) public(r chi.Router) {
	r.HandleFunc("/about", h.list) // want `route /about \[ANY /about\] -> chiapp.logger → chiapp.\(\*H\).list: 1$`
}

// Mounted is exported and called by no one here: the prefix of its router
// cannot be known, and the pattern says so.
func (h *H) Mounted(r chi.Router) {
	r.Get("/items/{id}", h.get) // want `route GET …/items/\{id\} \[GET …/items/\{\}\] -> chiapp.\(\*H\).get: 1$`
}

func needsAuth(r *http.Request) bool { return r.URL.Path != "/ui/login" }

// ui runs auth unless the path is the login page (chi's Maybe), and a
// timeout chi makes without the module's code.
func (h *H) ui() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.Maybe(h.auth, needsAuth))
	r.Use(middleware.Timeout(time.Second))
	r.Get("/items", h.list) // want `route GET /ui/items .* -> chiapp.logger → chiapp.\(\*H\).auth → middleware.Timeout → chiapp.\(\*H\).list: 2$`
	return r
}
