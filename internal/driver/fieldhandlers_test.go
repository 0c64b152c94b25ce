package driver

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/internal/report"
)

// testdata/fieldhandlers (see its README.txt): a route registering a
// handler-typed field (h.List) serves the closures a constructor stores
// into it, down to the store's queries, behind the middleware a
// package-level variable holds (set at start-up to what a constructor
// returns, with an error); a generated store method looping
// over its variadic parameter is reported where a route passes it a
// request's list, and left out where no code of the program calls it
// (directly, or through a forwarding function nothing calls).
func TestFieldHandlers(t *testing.T) {
	t.Parallel()
	rep, got := routeQueryLines(t, "testdata/fieldhandlers", func(q report.RouteQuery) string {
		return fmt.Sprintf("%s:%d %s", q.File, q.Line, q.PerRequest)
	})
	want := map[string][]string{
		"GET /users/":      {"store/store.go:29 once", "store/store.go:35 once"},
		"POST /users/tags": {"store/store.go:29 once", "store/store.go:42 loop"},
		"GET /fallback":    {"store/store.go:29 once"}, // the verifier's only: nothing sets Fallback
	}
	for route, w := range want {
		if !slices.Equal(got[route], w) {
			t.Errorf("%s runs\n\t%s\nwant\n\t%s", route, strings.Join(got[route], "\n\t"), strings.Join(w, "\n\t"))
		}
	}
	var findings []string
	for _, f := range rep.Findings {
		if f.Check == "queryinloop" {
			findings = append(findings, fmt.Sprintf("%s:%d %s", f.File, f.Line, f.Role))
		}
	}
	if w := []string{"store/store.go:42 route"}; !slices.Equal(findings, w) {
		t.Errorf("queryinloop findings %q, want %q", findings, w)
	}
}
