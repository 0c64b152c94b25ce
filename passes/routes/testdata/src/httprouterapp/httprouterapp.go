// Package httprouterapp registers routes with julienschmidt/httprouter:
// method routes with Params, Handle, Handler and HandlerFunc, and the
// router wrapped in a middleware as an http.Handler.
package httprouterapp

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/julienschmidt/httprouter"
)

type H struct{ db *sql.DB }

func (h *H) getUser(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	h.db.QueryRowContext(r.Context(), "SELECT id FROM users WHERE id = $1", ps.ByName("id"))
}

func (h *H) export(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	h.db.QueryContext(context.TODO(), "SELECT id FROM users")
}

func (h *H) health(w http.ResponseWriter, r *http.Request) {}

// auth wraps one httprouter handler.
func (h *H) auth(next httprouter.Handle) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		h.db.QueryRowContext(r.Context(), "SELECT user_id FROM sessions WHERE token = $1", r.Header.Get("Token"))
		next(w, r, ps)
	}
}

func recoverer(next http.Handler) http.Handler { return next }

func (h *H) Routes() http.Handler {
	r := httprouter.New()
	r.GET("/users/:id", h.getUser)                           // want `route GET /users/:id \[GET /users/\{\}\] -> httprouterapp.recoverer → httprouterapp.\(\*H\).getUser: 1$`
	r.Handle("DELETE", "/users/:id", h.auth(h.getUser))      // want `route DELETE /users/:id \[DELETE /users/\{\}\] -> httprouterapp.recoverer → httprouterapp.\(\*H\).auth → httprouterapp.\(\*H\).getUser: 2$`
	r.POST("/export/*rest", h.export)                        // want `route POST /export/\*rest \[POST /export/\{\.\.\.\}\] -> httprouterapp.recoverer → httprouterapp.\(\*H\).export: 1 ctx background@httprouterapp.go:\d+$`
	r.HandlerFunc("GET", "/health", h.health)                // want `route GET /health \[GET /health\] -> httprouterapp.recoverer → httprouterapp.\(\*H\).health: 0$`
	r.Handler("GET", "/metrics", http.HandlerFunc(h.health)) // want `route GET /metrics \[GET /metrics\] -> httprouterapp.recoverer → httprouterapp.\(\*H\).health: 0$`
	// A closure called in place returns the handler.
	r.GET("/users/:id/feed", func() httprouter.Handle { // want `route GET /users/:id/feed \[GET /users/\{\}/feed\] -> httprouterapp.recoverer → func literal in httprouterapp.\(\*H\).Routes: 1$`
		return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
			h.getUser(w, r, ps)
		}
	}())
	return recoverer(r)
}
