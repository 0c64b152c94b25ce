package nethttp

import (
	"net/http"
	"testing"
)

// NewTestServer takes a *testing.T: it runs in tests only, so the route
// it registers is not the service's, though its file is no _test.go.
func NewTestServer(t *testing.T, h *H) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /test-items", h.list) // silent: test code
	mux.HandleFunc("GET /test-feed", func(w http.ResponseWriter, r *http.Request) {
		t.Log("served") // silent: test code
	})
	return mux
}

// ServiceRoutes, beside it, takes no test value: its route is the
// service's.
func ServiceRoutes(mux *http.ServeMux, h *H) {
	mux.HandleFunc("GET /service-items", h.list) // want `route GET /service-items \[GET /service-items\] -> nethttp.\(\*H\).list: 1$`
}
