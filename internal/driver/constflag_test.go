package driver

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// A loop under a flag every call of its function passes the same
// constant (ownerDelete(o, false), where true would delete the domains
// one by one) never runs: the finding is left out and counted in
// stats.dead_branch_findings; so is an unexported method's. A function
// called with both values, one also taken as a value (a call the graph
// cannot see may pass anything), a method also called through an
// interface, or an exported function of an importable package (another
// module may call it) keeps its finding.
func TestConstantFlagFindings(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/constflag", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	got := checkLines(rep, queryinloop.Analyzer.Name)
	want := []string{
		"lib/lib.go:10", // exported from an importable package
		"main.go:115",   // store.sweep: also a method value
		"main.go:124",   // store.clean: also called through an interface
		"main.go:63",    // siteDelete: the purge passes true
		"main.go:81",    // tagAll: also a value
	}
	if !slices.Equal(got, want) {
		for _, f := range rep.Findings {
			t.Logf("%s:%d: %s", f.File, f.Line, f.Message)
		}
		t.Errorf("queryinloop findings:\n got %q\nwant %q", got, want)
	}
	if n := rep.Stats.DeadBranchFindings; n != 2 {
		t.Errorf("stats.dead_branch_findings = %d, want 2 (main.go:49, store.purge's :106)", n)
	}
	perRoute := map[string]int{}
	for _, r := range rep.Routes {
		perRoute[r.Pattern] = len(r.Queries)
	}
	// /owner/delete: the domains' SELECT and the owner's DELETE, not the
	// loop's DELETE.
	for pattern, n := range map[string]int{"/owner/delete": 2, "/owner/purge": 2, "/tags": 2} {
		if perRoute[pattern] != n {
			t.Errorf("route %s: %d queries, want %d", pattern, perRoute[pattern], n)
		}
	}
}
