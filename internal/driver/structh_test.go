package driver

import "testing"

// testdata/structh (see its README.txt): a route whose handler is a value
// of the module's own struct type, made by a factory setting a func-typed
// field its ServeHTTP calls, runs that ServeHTTP with the field bound to
// its own factory's function, not every factory's. A field set from the
// factory's parameter keeps the graph's answer; a struct serving with an
// embedded handler's ServeHTTP runs none of its fields.
func TestStructHandlerFactories(t *testing.T) {
	t.Parallel()
	_, got := routeQueryLines(t, "testdata/structh", siteFromLine)
	want := map[string][]string{
		"ANY /auth/callback": {"store/store.go:13 once handler"},
		"ANY /auth/login":    {"store/store.go:18 once handler"},
		"ANY /tokens":        {"store/store.go:22 once handler"},
		"ANY /wrapped":       {"store/store.go:27 once handler"},
		"ANY /plain":         nil,
	}
	wantRoutes(t, got, want, false)
}
