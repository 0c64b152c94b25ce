// Package made serves a table whose rows a helper makes from its
// arguments (route("/made", list(db), logged)), as readflow's routes
// do, and wraps each row's handler in the row's middlewares in place
// before registering it.
package made

import (
	"database/sql"
	"net/http"
)

type Middleware func(http.Handler) http.Handler

type Route struct {
	Path        string
	Handler     http.Handler
	Middlewares []Middleware
}

func route(path string, handler http.Handler, middlewares ...Middleware) Route {
	return Route{Path: path, Handler: handler, Middlewares: middlewares}
}

func routes(db *sql.DB) []Route {
	return []Route{
		route("GET /made", list(db), logged),
		route("/made/ping", http.HandlerFunc(ping)),
	}
}

func list(db *sql.DB) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		db.QueryContext(r.Context(), "SELECT id FROM made")
	})
}

func ping(w http.ResponseWriter, r *http.Request) {}

func logged(next http.Handler) http.Handler { return next }

func Serve(db *sql.DB) {
	mux := http.NewServeMux()
	for _, rt := range routes(db) {
		handler := rt.Handler
		for _, mw := range rt.Middlewares {
			handler = mw(handler)
		}
		mux.Handle(rt.Path, handler)
	}
	http.ListenAndServe(":8082", mux)
}
