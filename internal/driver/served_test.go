package driver

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// A server serving a library's handler made from the module's functions
// (testdata/served, see routes/servers.go): the join server is one route
// taking every path, "/" (under its address where that is a constant),
// whose queries are those of the functions its config hands the library
// (through the module's wrapper holding the made handler in a field),
// once for the server however it is served (TLS or not). A server of
// the library's own handler (metrics), of a handler its caller gives
// (ServeWith), and of a router (web: its route is its registration) are
// no routes of their own.
func TestServedServers(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/served", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	got := routeLines(rep, fileLine)
	want := []string{
		"js/js.go:21 ANY / -> js.getHandler [store/store.go:10] [store/store.go:16]",
		"js/js.go:55 ANY localhost:8004/ -> js.getHandler [store/store.go:10] [store/store.go:16]",
		"web/web.go:12 GET /items -> func literal in web.Serve [store/store.go:21]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("routes:\n got %q\nwant %q", got, want)
	}
}
