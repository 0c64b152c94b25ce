package nethttp

import (
	"net/http"
	"time"
)

// Branches registers a variable that each branch sets to the same
// handler, wrapped in a middleware or not, and wraps again after: the
// handler serves, whichever branch ran.
func (h *H) Branches(mux *http.ServeMux, logging, timeout bool, cache Cacher) {
	base := http.HandlerFunc(h.get)
	var srv http.Handler
	if logging {
		srv = logged(base)
	} else {
		srv = base
	}
	if timeout {
		srv = http.TimeoutHandler(srv, time.Second, "")
	}
	mux.Handle("GET /branches", srv) // want `route GET /branches \[GET /branches\] -> nethttp.\(\*H\).get: 2$`

	// Two handlers, one per branch: which serves is the run's choice.
	var either http.Handler
	if logging {
		either = base
	} else {
		either = http.HandlerFunc(h.list)
	}
	mux.Handle("GET /either", either) // want `route GET /either \[GET /either\] -> either: 0$`

	// A handler a call makes, wrapped by a cache's middleware in a
	// branch: it serves either way. Two different calls: unresolved.
	made := h.auth(h.get)
	if cache != nil {
		made = cache.Wrap("me")(made)
	}
	mux.Handle("GET /made", made) // want `route GET /made \[GET /made\] -> nethttp.\(\*H\).get: 2$`
	// The renderer errorPage calls is the program graph's to follow.
	page := h.errorPage(h.render)
	if cache != nil {
		page = cache.Wrap("page")(page)
	}
	mux.Handle("GET /page", page) // want `route GET /page \[GET /page\] -> nethttp.\(\*H\).errorPage: 0$`
	two := h.auth(h.get)
	if logging {
		two = h.auth(h.list)
	}
	mux.Handle("GET /two", two) // want `route GET /two \[GET /two\] -> two: 0$`
}

// Cacher wraps handlers in a cache.
type Cacher interface {
	Wrap(name string) func(http.Handler) http.Handler
}

// errorPage adapts a page renderer that may fail.
func (h *H) errorPage(f func(w http.ResponseWriter, r *http.Request, id int64) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := f(w, r, 1); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
}

func (h *H) render(w http.ResponseWriter, r *http.Request, id int64) error {
	var name string
	return h.db.QueryRowContext(r.Context(), "SELECT name FROM pages WHERE id = $1", id).Scan(&name)
}
