package driver

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/internal/report"
)

// testdata/structh (see its README.txt): a route whose handler is a value
// of the module's own struct type, made by a factory setting a func-typed
// field its ServeHTTP calls, runs that ServeHTTP with the field bound to
// its own factory's function, not every factory's. A field set from the
// factory's parameter keeps the graph's answer; a struct serving with an
// embedded handler's ServeHTTP runs none of its fields.
func TestStructHandlerFactories(t *testing.T) {
	t.Parallel()
	_, got := routeQueryLines(t, "testdata/structh", func(q report.RouteQuery) string {
		return fmt.Sprintf("%s:%d %s %s", q.File, q.Line, q.PerRequest, q.From)
	})
	want := map[string][]string{
		"ANY /auth/callback": {"store/store.go:13 once handler"},
		"ANY /auth/login":    {"store/store.go:18 once handler"},
		"ANY /tokens":        {"store/store.go:22 once handler"},
		"ANY /wrapped":       {"store/store.go:27 once handler"},
		"ANY /plain":         nil,
	}
	for route, w := range want {
		if !slices.Equal(got[route], w) {
			t.Errorf("%s runs\n\t%s\nwant\n\t%s\n(routes: %q)", route, strings.Join(got[route], "\n\t"), strings.Join(w, "\n\t"), slices.Sorted(maps.Keys(got)))
		}
	}
}
