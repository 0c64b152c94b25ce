package nethttp

import (
	"net/http"
	"time"
)

// Branches registers a variable that each branch sets to the same
// handler, wrapped in a middleware or not, and wraps again after: the
// handler serves, whichever branch ran.
func (h *H) Branches(mux *http.ServeMux, logging, timeout bool) {
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
}
