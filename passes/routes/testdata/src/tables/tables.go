// Package tables registers its routes from tables: a slice, array or map
// literal of patterns and handlers, ranged over, each row registered by
// the same call in the loop's body. Each row is a route, at the row.
package tables

import (
	"database/sql"
	"net/http"

	"github.com/go-chi/chi/v5"
)

type H struct{ db *sql.DB }

func (h *H) list(w http.ResponseWriter, r *http.Request) {
	h.db.QueryContext(r.Context(), "SELECT id FROM items")
}

func (h *H) get(w http.ResponseWriter, r *http.Request) {
	h.db.QueryRowContext(r.Context(), "SELECT id FROM items WHERE id = $1", chi.URLParam(r, "id"))
}

func (h *H) stats(w http.ResponseWriter, r *http.Request) {
	h.db.QueryRowContext(r.Context(), "SELECT count(*) FROM items")
	h.db.QueryRowContext(r.Context(), "SELECT count(*) FROM users")
}

type route struct {
	path    string
	handler http.HandlerFunc
}

func (h *H) Router() http.Handler {
	r := chi.NewRouter()
	// Positional rows of an anonymous struct, the method in the table too.
	for _, rt := range []struct {
		method, path string
		h            http.HandlerFunc
	}{
		{"GET", "/items", h.list},        // want `route GET /items \[GET /items\] -> tables.\(\*H\).list: 1$`
		{"GET", "/items/{id}", h.get},    // want `route GET /items/\{id\} \[GET /items/\{\}\] -> tables.\(\*H\).get: 1$`
		{"DELETE", "/items/{id}", h.get}, // want `route DELETE /items/\{id\} \[DELETE /items/\{\}\] -> tables.\(\*H\).get: 1$`
	} {
		r.Method(rt.method, rt.path, rt.h)
	}
	// A map literal: pattern to handler.
	for path, hf := range map[string]http.HandlerFunc{
		"/stats": h.stats, // want `route GET /stats \[GET /stats\] -> tables.\(\*H\).stats: 2$`
	} {
		r.Get(path, hf)
	}
	// Keyed rows, pointers to them, the table in a variable assigned once.
	routes := []*route{
		{path: "/a", handler: h.list}, // want `route POST /a \[POST /a\] -> tables.\(\*H\).list: 1$`
		{handler: h.get, path: "/b"},  // want `route POST /b \[POST /b\] -> tables.\(\*H\).get: 1$`
	}
	for _, rt := range routes {
		r.Post(rt.path, rt.handler)
	}
	// Patterns alone: one handler under each.
	for _, p := range []string{"/health", "/healthz"} { // want `route GET /health \[GET /health\] -> tables.\(\*H\).list: 1$` `route GET /healthz \[GET /healthz\] -> tables.\(\*H\).list: 1$`
		r.Get(p, h.list)
	}
	// A table another function builds: its rows are not seen here, and
	// the route says so (the driver reads them: program/tables.go).
	for _, rt := range h.table() {
		r.Put(rt.path, rt.handler) // want `route PUT … \[PUT …\] -> rt.handler: 0$`
	}
	// A table appended to after its literal: the literal's rows are not
	// all it holds.
	more := []route{{path: "/c", handler: h.list}}
	more = append(more, route{path: "/d", handler: h.get})
	for _, rt := range more {
		r.Patch(rt.path, rt.handler) // want `route PATCH … \[PATCH …\] -> rt.handler: 0$`
	}
	return r
}

func (h *H) table() []route {
	return []route{{path: "/e", handler: h.list}}
}
