package driver

import (
	"fmt"
	"maps"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// Routes registered on go-pkgz/routegroup bundles (testdata/routegroup,
// a stub), a ServeMux-style router known by its shape: the prefixes of
// the Mount calls of main and of the endpoint, which registers through
// an interface's RegisterRoutes, join the pattern's path ({id...}
// kept), and the pattern names the method. The middleware With takes
// from an interface's method (e.auth.LoggedIn("admin")) runs its
// implementation's query on the route it is on, under the middleware's
// name, and not on the route without it; the implementation is no
// handler of its own.
func TestRouteGroup(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{}, "-C", "testdata/routegroup", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	got := map[string][]string{}
	for _, r := range rep.Routes {
		qs := []string{}
		for _, q := range r.Queries {
			qs = append(qs, fmt.Sprintf("%s %s:%d", q.From, q.File, q.Line))
		}
		got[r.Method+" "+r.Pattern+" "+r.Handler] = qs
	}
	want := map[string][]string{
		"GET /api/v1/peer/all api.PeerEndpoint.handleAll": {"handler store/store.go:15"},
		"GET /api/v1/peer/by-id/{id...} api.Authenticator.LoggedIn → api.PeerEndpoint.handleByID": {
			"api.Authenticator.LoggedIn store/store.go:11", "handler store/store.go:20"},
	}
	if !maps.EqualFunc(got, want, slices.Equal[[]string]) {
		t.Errorf("routes:\n got %v\nwant %v", got, want)
	}
}
