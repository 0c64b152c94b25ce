package driver

import (
	"slices"
	"testing"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/internal/report"
)

// callContext is what each route of testdata/callctx runs (see its
// README.txt), by "METHOD /pattern"; and the report.
func callContext(t *testing.T) (map[string][]string, []string, *report.Report) {
	t.Helper()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/callctx", "./...")
	got, order := inventory(rep, func(r report.Route) string { return r.Method + " " + r.Pattern })
	if len(got) != 11 {
		t.Errorf("routes %v, want 11 routes (stderr: %s)", order, stderr)
	}
	return got, order, rep
}

// Every middleware of testdata/callctx's auth hands one helper (through
// another, which forwards the list) the checks it wants, each made by a
// constructor whose closure runs the further checks it was given, or a
// method value. A route runs its own middleware's checks: the admin
// check only behind RequireAdmin, the application's token only behind
// RequireApplication, neither behind RequireClient.
func TestRouteInventoryHandedChecks(t *testing.T) {
	t.Parallel()
	got, order, _ := callContext(t)
	checkRuns(t, got, map[string][]string{
		"GET /admin": {
			"store/store.go:16 auth.(*Auth).RequireAdmin once",
			"store/store.go:22 auth.(*Auth).RequireAdmin once",
			"store/store.go:28 auth.(*Auth).RequireAdmin once",
		},
		"GET /client": {
			"store/store.go:16 auth.(*Auth).RequireClient once",
			"store/store.go:22 auth.(*Auth).RequireClient once",
		},
		"POST /message": {
			"store/store.go:10 auth.(*Auth).RequireApplication once",
			"store/store.go:16 auth.(*Auth).RequireApplication once",
		},
	}, order)
}

// testdata/callctx's users.Notifier keeps the callbacks of each event in
// a field of its own, all of one type: a route that fires one event runs
// that event's callbacks, not the other's. A list whose element is
// written in place (n.renamed[0] = cb) may hold what no append names:
// the route firing it keeps every callback the graph gives, the one
// written in place included.
func TestRouteInventoryEventCallbacks(t *testing.T) {
	t.Parallel()
	got, order, _ := callContext(t)
	checkRuns(t, got, map[string][]string{
		"DELETE /user": {"store/store.go:33 handler once", "store/store.go:44 handler once"},
		"POST /user":   {"store/store.go:39 handler once", "store/store.go:49 handler once"},
	}, order)
	for _, want := range []string{"store/store.go:44 handler once", "store/store.go:72 handler once"} {
		if !slices.Contains(got["PUT /user"], want) {
			t.Errorf("PUT /user runs %v, want %s among them", got["PUT /user"], want)
		}
	}
}

// testdata/callctx's stats.Service resolves a filter's aliases (a query
// per project) only when it is given a filter, and pages only for a
// positive limit: the route passing nil runs no alias query, the one
// passing 0 nothing; those passing a filter, a limit, run them. The
// aliases' N+1 is the filtered route's alone. A helper that replaces a
// nil filter with a default before its guard resolves the default's
// aliases for the route passing nil.
func TestRouteInventoryConstantArgs(t *testing.T) {
	t.Parallel()
	got, order, rep := callContext(t)
	checkRuns(t, got, map[string][]string{
		"GET /badge":    {"store/store.go:55 handler once"},
		"GET /stats":    {"store/store.go:55 handler once", "store/store.go:61 handler loop"},
		"GET /defaults": {"store/store.go:61 handler loop"},
		"GET /total":    {},
		"GET /recent":   {"store/store.go:67 handler once"},
	}, order)
	n := 0
	for _, f := range rep.Findings {
		if f.Check != "queryinloop" {
			continue
		}
		n++
		routes := findingRoutes(f)
		want := []string{"GET /stats"}
		if f.Line != 33 {
			want = []string{"GET /defaults"} // Projects' call
		}
		if !slices.Equal(routes, want) {
			t.Errorf("%s:%d: routes %v, want %v", f.File, f.Line, routes, want)
		}
	}
	if n != 2 {
		t.Errorf("%d queryinloop findings, want the aliases' two", n)
	}
}
