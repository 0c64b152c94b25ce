package driver

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/internal/report"
)

// testdata/fmtroute (see its README.txt): each call of a router helper
// that builds "METHOD /group/path" with fmt.Sprintf, the group joined only
// when set, is a route with that pattern, running its handler's queries
// through the business layer's storer interface, and those of a
// middleware of the service's own shape passed to the call.
func TestFmtRoute(t *testing.T) {
	t.Parallel()
	_, got := routeQueryLines(t, "testdata/fmtroute", func(q report.RouteQuery) string {
		return fmt.Sprintf("%s:%d %s %s", q.File, q.Line, q.PerRequest, q.From)
	})
	want := map[string][]string{
		"GET /v1/users":           {"userdb/userdb.go:15 once handler"},
		"GET /v1/users/{user_id}": {"userdb/userdb.go:33 once mid.AuthorizeUser"},
		"DELETE /users/{user_id}": {"userdb/userdb.go:33 once mid.AuthorizeUser", "userdb/userdb.go:38 once handler"},
	}
	if len(got) != len(want) {
		t.Errorf("routes %q, want those of %q", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
	for route, w := range want {
		if !slices.Equal(got[route], w) {
			t.Errorf("%s runs\n\t%s\nwant\n\t%s", route, strings.Join(got[route], "\n\t"), strings.Join(w, "\n\t"))
		}
	}
}
