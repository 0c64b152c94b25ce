package driver

import (
	"fmt"
	"slices"
	"testing"

	"github.com/sqlheat/sqlheat/analyzer"
)

// testdata/binaries builds two programs from shared packages: origin
// links the file backend, index the SQL one, each registered by its
// package's init behind one interface. A route only origin registers
// lists no SQL (its Stat cannot reach the SQL backend, which origin
// never links); index's does; a route of the shared server package,
// which both programs register, keeps what either links.
func TestRouteQueriesOfLinkedPackages(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/binaries", "./...")
	got := map[string][]string{}
	for _, r := range rep.Routes {
		var qs []string
		for _, q := range r.Queries {
			qs = append(qs, fmt.Sprintf("%s:%d", q.File, q.Line))
		}
		got[r.Method+" "+r.Pattern] = qs
	}
	want := map[string][]string{
		"GET /origin/health": nil,
		"GET /index/health":  {"backend/sqlstore/sqlstore.go:18"},
		"GET /blobs/{name}":  {"backend/sqlstore/sqlstore.go:18"},
		"POST /audit":        {"server/server.go:20"},
	}
	for k, w := range want {
		g, ok := got[k]
		if !ok {
			t.Errorf("no route %s (routes %v; stderr %s)", k, got, stderr)
			continue
		}
		if !slices.Equal(g, w) {
			t.Errorf("%s: queries %v, want %v", k, g, w)
		}
	}
}

// A loop of one program over an interface whose only SQL implementation
// another program links runs no SQL: origin's per-name Stat is silent
// (notary's client signed with a key store only the signer links),
// index's is reported.
func TestLoopsOverLinkedPackages(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/binaries", "./...")
	var got []string
	for _, f := range rep.Findings {
		if f.Check == "queryinloop" {
			got = append(got, fmt.Sprintf("%s:%d", f.File, f.Line))
		}
	}
	if want := []string{"cmd/index/main.go:20"}; !slices.Equal(got, want) {
		t.Errorf("queryinloop findings %v, want %v\nstderr: %s", got, want, stderr)
	}
}
