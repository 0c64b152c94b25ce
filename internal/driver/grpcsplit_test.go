package driver

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// Two programs of one module talking gRPC (testdata/grpcsplit): the
// front end's generated client reaches the store program's
// implementation of the procedure, so GET /item shows the store's query
// once, GET /basket once per item — each marked remote, with the
// procedure that runs it in the store's process — and its loop is an
// N+1 whose fix is a procedure of the store's server. A procedure left to the generated
// Unimplemented...Server, and one of a service no program here serves,
// reach no query (GET /items).
func TestGRPCSplit(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/grpcsplit", "./...")
	var got []string
	for _, f := range rep.Findings {
		routes := findingRoutes(f)
		got = append(got, fmt.Sprintf("%s:%d [%s] fix: %s", f.File, f.Line, strings.Join(routes, ", "), f.Fix))
	}
	want := []string{"cmd/front/main.go:35 [GET /basket] fix: add a variant of storepb.StoreClient.GetItem (in store.(*Server).GetItem) that fetches the rows of all items in one query (WHERE id IN (...) with the keys of all items, or a JOIN) and call it once before the loop"}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q;\nwant %q (stderr: %s)", got, want, stderr)
	}
	var routes []string
	for _, r := range rep.Routes {
		var qs []string
		for _, q := range r.Queries {
			qs = append(qs, fmt.Sprintf("%s:%d %s %s", q.File, q.Line, q.PerRequest, q.Remote))
		}
		routes = append(routes, fmt.Sprintf("%s %s: %s", r.Method, r.Pattern, strings.Join(qs, "; ")))
	}
	slices.Sort(routes)
	wantRoutes := []string{
		"GET /basket: store/store.go:18 loop /store.v1.Store/GetItem",
		"GET /item: store/store.go:18 once /store.v1.Store/GetItem",
		"GET /items: ",
		"POST /store.v1.Store/GetItem: store/store.go:18 once ", // its own process
	}
	if !slices.Equal(routes, wantRoutes) {
		t.Errorf("routes %q;\nwant %q", routes, wantRoutes)
	}
}
