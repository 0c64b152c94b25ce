// Package api registers the route tables its handler sets return.
package api

import (
	"database/sql"
	"net/http"

	"github.com/gorilla/mux"
)

// Description is one row of a route table.
type Description struct {
	Path    string
	Method  string
	Handler http.HandlerFunc
	Name    string
}

// Handlers is a set of routes: each package's returns its own table.
type Handlers interface {
	GetAll() []*Description
}

// Legacy sets build their tables as they go.
type Legacy interface {
	Routes() []*Description
}

// Middleware wraps every route of the router.
type Middleware interface {
	Middleware(next http.Handler) http.Handler
}

// Auth looks the request's session up.
type Auth struct{ DB *sql.DB }

func (a *Auth) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.DB.QueryRowContext(r.Context(), "SELECT user_id FROM sessions WHERE token = $1", r.Header.Get("Token"))
		next.ServeHTTP(w, r)
	})
}

// NewRouter registers each set's rows, under the prefix too.
func NewRouter(prefix string, sets []Handlers, legacy []Legacy, mws []Middleware) http.Handler {
	r := mux.NewRouter()
	for _, m := range mws {
		r.Use(m.Middleware)
	}
	for _, set := range sets {
		for _, d := range set.GetAll() {
			r.HandleFunc(d.Path, d.Handler).Methods(d.Method, "OPTIONS")
			r.HandleFunc(prefix+d.Path, d.Handler).Methods(d.Method, "OPTIONS")
		}
	}
	for _, set := range legacy {
		rows := set.Routes()
		for _, d := range rows {
			r.HandleFunc(d.Path, d.Handler).Methods(d.Method)
		}
	}
	return r
}
