package driver

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// A fan-out over notifiers of which only the store runs SQL
// (testdata/typedfew, see program/typedfew.go): the store start-up
// makes once per configured name, read from a configuration file cobra's
// OnInitialize fills and a getter hands out only to be read, joined with
// a user's own notifiers built per row from the other kinds, notified in
// goroutines taking the element (Spawn), and the one store start-up
// appends joined with emails per row (Logged), the start-up functions run
// from a list of tasks the cobra command's RunE ranges over: silent, the
// store's query runs once. A store per row (SpawnRowed, a closure capturing the
// element; Rowed), an audit per row beside the start-up store reaching
// the query too (Audited), a store per item of the request (Each), the
// stores start-up makes per row of a table (Stored) or registers per row
// through a registration function (Registered), low as start-up's, a
// struct embedding a store per row (Wrapped),
// shapes read per row whose method runs a query, and units appended per
// row each overwritten in place by a square: reported.
func TestTypedFew(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/typedfew", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	var got []string
	for _, f := range rep.Findings {
		if f.Check == queryinloop.Analyzer.Name {
			got = append(got, fmt.Sprintf("%s:%d %s", f.File, f.Line, f.Severity))
		}
	}
	slices.Sort(got)
	want := []string{
		"notify/notify.go:170 medium", // SpawnRowed: a store per row
		"notify/notify.go:186 medium", // Rowed: a store per row
		"notify/notify.go:199 medium", // Audited: an audit per row
		"notify/notify.go:211 medium", // Each: a store per request item
		"notify/notify.go:250 medium", // Wrapped: a struct embedding a store per row
		"shapes/shapes.go:36 high",    // a square per row
		"shapes/shapes.go:53 high",    // a square per row written over a unit in place
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q;\nwant %q (stderr: %s)", got, want, stderr)
	}
	// Stored and Registered range over start-up's stores, one per row
	// start-up read (notify.go:223, 235): counted, not shown.
	if rep.Stats.StartBoundFindings != 2 {
		t.Errorf("stats.start_bound_findings = %d, want 2 (notify.go:223, 235)", rep.Stats.StartBoundFindings)
	}
}
