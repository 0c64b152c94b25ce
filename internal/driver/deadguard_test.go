package driver

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// A loop's call that runs only under a guard no implementation in the
// module lets through (if len(p.Params()) > 0, where every Params
// answers nil; if uids == nil { continue } after a stub's nil, nil; a
// range over such a nil; an ok every implementation answers false) runs
// nothing: the finding is left out, and counted in
// stats.dead_branch_findings. One implementation answering a real
// value, a function answering nil on one path only, an interface with
// no implementation in the module, a result a deferred function may
// set, a field: the guard is undecided, and
// the finding stays.
func TestDeadBranchFindings(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/deadguard", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	got := checkLines(rep, queryinloop.Analyzer.Name)
	want := []string{
		"svc/svc.go:107", // Paths: Maybe answers a list for positive ids
		"svc/svc.go:116", // Unknown: no implementation of Remote in the module
		"svc/svc.go:125", // Field: not a call's result
		"svc/svc.go:134", // Deferred: a deferred function may set the result
		"svc/svc.go:30",  // Create's insert, outside the guard
		"svc/svc.go:98",  // Mixed: Fixed's Items answers its list
	}
	if !slices.Equal(got, want) {
		for _, f := range rep.Findings {
			t.Logf("%s:%d: %s", f.File, f.Line, f.Message)
		}
		t.Errorf("queryinloop findings:\n got %q\nwant %q", got, want)
	}
	// Left out, and counted: svc.go:28 (validate under the guard), :38
	// (its range over nil), :53 and :54 (after the continue), :67 (the
	// direct query under the guard), :75 (sync's query under it), :89
	// (an ok that is always false), :157 (through an interface, which
	// only the graph follows).
	if n := rep.Stats.DeadBranchFindings; n != 8 {
		t.Errorf("stats.dead_branch_findings = %d, want 8", n)
	}
	// What a request runs (routes[].queries) leaves the dead branches
	// out too: /create runs its insert only.
	perItem := map[string]int{}
	for _, r := range rep.Routes {
		perItem[r.Pattern] = len(r.Queries)
	}
	for pattern, n := range map[string]int{"/create": 1, "/reviewers": 0, "/direct": 0, "/deep": 0, "/found": 0, "/mixed": 1, "/paths": 1, "/viaiface": 0} {
		if perItem[pattern] != n {
			t.Errorf("route %s: %d queries, want %d", pattern, perItem[pattern], n)
		}
	}
}
