package driver

import "testing"

// testdata/mwvar (see its README.txt): a handler wrapped at its
// registration in a middleware a local variable holds (requireAuth :=
// middleware.NewAuth(repo).RequireAuth()) runs the closure the maker
// returned, then the handler, under the route's path, and the handler is
// no path-less entry of its own. A variable written twice leaves its
// middleware unknown but not the handler it wraps; one holding a maker of
// handlers from a name is no middleware.
func TestMiddlewareVariable(t *testing.T) {
	t.Parallel()
	rep, got := routeQueryLines(t, "testdata/mwvar", siteFromLine)
	want := map[string][]string{
		"ANY /api/user.me":     {"repo/repo.go:13 once middleware.(*AuthConfig).RequireAuth", "repo/repo.go:17 once handler"},
		"ANY /api/user.delete": {"repo/repo.go:13 once middleware.(*AuthConfig).RequireAuth", "repo/repo.go:21 once handler"},
		"ANY /api/guarded":     {"repo/repo.go:21 once handler"},
		"ANY /api/report":      nil,
	}
	wantRoutes(t, got, want, true)
	for _, r := range rep.Routes {
		if r.Pattern == "/api/user.delete" && r.Handler != "middleware.RestrictedInDemo → middleware.(*AuthConfig).RequireAuth → api.(*UserHandler).remove" {
			t.Errorf("/api/user.delete is served by %q, want the two middlewares, outermost first, then the handler", r.Handler)
		}
	}
}
