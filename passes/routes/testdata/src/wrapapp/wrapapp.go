// Package wrapapp registers its routes through a router type of its own
// that holds a chi router and forwards to it, adapting handlers and
// middlewares of the service's own types (func(w, r) error) into
// http.HandlerFunc and chi middlewares: a registration wrapper. Each call
// of its Get, Post... is a route, under the prefixes of the wrapper's
// Route groups, with the middlewares of its Use and With, running the
// function passed.
package wrapapp

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/go-chi/chi/v5"
)

type apiHandler func(w http.ResponseWriter, r *http.Request) error

type mwHandler func(w http.ResponseWriter, r *http.Request) (context.Context, error)

// adapt is the wrapper's plumbing for every route's handler.
func adapt(fn apiHandler) http.HandlerFunc { return fn.serve }

func (h apiHandler) serve(w http.ResponseWriter, r *http.Request) {
	if err := h(w, r); err != nil {
		w.WriteHeader(http.StatusInternalServerError)
	}
}

func chain(fn mwHandler) func(http.Handler) http.Handler { return fn.wrap }

func (m mwHandler) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, err := m(w, r)
		if err != nil {
			return
		}
		if ctx != nil {
			r = r.WithContext(ctx)
		}
		next.ServeHTTP(w, r)
	})
}

type router struct {
	mux chi.Router
}

func newRouter() *router { return &router{chi.NewRouter()} }

func (r *router) Route(pattern string, fn func(*router)) {
	r.mux.Route(pattern, func(c chi.Router) {
		fn(&router{c})
	})
}

func (r *router) Get(pattern string, fn apiHandler)    { r.mux.Get(pattern, adapt(fn)) }
func (r *router) Post(pattern string, fn apiHandler)   { r.mux.Post(pattern, adapt(fn)) }
func (r *router) Delete(pattern string, fn apiHandler) { r.mux.Delete(pattern, fn.serve) }
func (r *router) Put(pattern string, fn http.HandlerFunc) {
	r.mux.Put(pattern, fn) // a handler passed as it is
}

// stdHandler is a handler type of its own that is an http.Handler: its
// ServeHTTP is the plumbing of the routes of Patch, no route.
type stdHandler func(w http.ResponseWriter, r *http.Request) error

func (h stdHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) { _ = h(w, r) }

func (r *router) Patch(pattern string, fn stdHandler) { r.mux.Method(http.MethodPatch, pattern, fn) }

func (r *router) With(fn mwHandler) *router {
	c := r.mux.With(chain(fn))
	return &router{c}
}

func (r *router) Use(fn mwHandler) { r.mux.Use(chain(fn)) }

// UseStd takes a chi middleware as it is.
func (r *router) UseStd(fn func(http.Handler) http.Handler) { r.mux.Use(fn) }

func (r *router) ServeHTTP(w http.ResponseWriter, req *http.Request) { r.mux.ServeHTTP(w, req) }

type API struct {
	db      *sql.DB
	handler http.Handler
}

func (a *API) health(w http.ResponseWriter, r *http.Request) error { return nil }

func (a *API) userGet(w http.ResponseWriter, r *http.Request) error {
	a.db.QueryRowContext(r.Context(), "SELECT name FROM users WHERE id = $1", 1)
	return nil
}

func (a *API) userUpdate(w http.ResponseWriter, r *http.Request) error {
	a.db.ExecContext(r.Context(), "UPDATE users SET name = $1 WHERE id = $2", "x", 1)
	return nil
}

func (a *API) factorDelete(w http.ResponseWriter, r *http.Request) error {
	a.db.ExecContext(r.Context(), "DELETE FROM factors WHERE id = $1", 1)
	return nil
}

func (a *API) token(w http.ResponseWriter, r *http.Request) {
	a.db.QueryRowContext(r.Context(), "SELECT id FROM tokens WHERE value = $1", "t")
}

// requireAuth looks the session up on every request it guards.
func (a *API) requireAuth(w http.ResponseWriter, r *http.Request) (context.Context, error) {
	a.db.QueryRowContext(r.Context(), "SELECT user_id FROM sessions WHERE token = $1", r.Header.Get("Token"))
	return r.Context(), nil
}

func (a *API) loadFactor(w http.ResponseWriter, r *http.Request) (context.Context, error) {
	a.db.QueryRowContext(r.Context(), "SELECT id FROM factors WHERE id = $1", chi.URLParam(r, "factor_id"))
	return nil, nil
}

func (a *API) limit(w http.ResponseWriter, r *http.Request) (context.Context, error) { return nil, nil }

func recoverer(next http.Handler) http.Handler { return next }

func NewAPI(db *sql.DB) *API {
	api := &API{db: db}
	r := newRouter()
	r.UseStd(recoverer)
	r.Get("/health", api.health) // want `route GET /health \[GET /health\] -> wrapapp.recoverer → wrapapp.\(\*API\).health: 0$`
	r.Route("/user", func(r *router) {
		r.Use(api.requireAuth)
		r.Get("/", api.userGet)                     // want `route GET /user/ \[GET /user/\{\.\.\.\}\] -> wrapapp.recoverer → wrapapp.\(\*API\).requireAuth → wrapapp.\(\*API\).userGet: 2$`
		r.With(api.limit).Put("/", api.token)       // want `route PUT /user/ \[PUT /user/\{\.\.\.\}\] -> wrapapp.recoverer → wrapapp.\(\*API\).requireAuth → wrapapp.\(\*API\).limit → wrapapp.\(\*API\).token: 2$`
		r.With(api.limit).Post("/", api.userUpdate) // want `route POST /user/ \[POST /user/\{\.\.\.\}\] -> wrapapp.recoverer → wrapapp.\(\*API\).requireAuth → wrapapp.\(\*API\).limit → wrapapp.\(\*API\).userUpdate: 2$`
	})
	r.With(api.requireAuth).Route("/factors", func(r *router) {
		r.Route("/{factor_id}", func(r *router) {
			r.Use(api.loadFactor)
			r.Delete("/", api.factorDelete) // want `route DELETE /factors/\{factor_id\}/ \[DELETE /factors/\{\}/\{\.\.\.\}\] -> wrapapp.recoverer → wrapapp.\(\*API\).requireAuth → wrapapp.\(\*API\).loadFactor → wrapapp.\(\*API\).factorDelete: 3$`
		})
	})
	r.Patch("/user", api.userUpdate) // want `route PATCH /user \[PATCH /user\] -> wrapapp.recoverer → wrapapp.\(\*API\).userUpdate: 1$`
	admin := r.With(api.requireAuth)
	admin.Post("/admin/users", func(w http.ResponseWriter, r *http.Request) error { // want `route POST /admin/users \[POST /admin/users\] -> wrapapp.recoverer → wrapapp.\(\*API\).requireAuth → func literal in wrapapp.NewAPI: 2$`
		return api.userUpdate(w, r)
	})
	api.handler = r
	return api
}
