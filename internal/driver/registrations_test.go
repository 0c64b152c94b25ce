package driver

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// A request's loop over the schemes plugin packages register from their
// init functions (../program/testdata/registrations), read through a
// getter of the registry's keys, directly or kept in a local, and one
// over the codecs main adds twice, run as many times as the code
// registers: silent. Registries filled per row, per request, per line of
// a file, in a loop over the environment, or handed out whole stay
// reported (those start-up fills low, as configuration). So does a
// registry's loop over the workers a container's value group collects,
// one per constructor providing one (workers.go:47), and stays one over
// a group a constructor adds a list to, or over what requests add. A
// getter joining the registered schemes with aliases start-up reads from
// the configuration is low (as many as configured); with what requests
// add, or a set of one default and what a channel gives, reported.
func TestRegistrations(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "../program/testdata/registrations", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s:%d %s", f.File, f.Line, f.Severity))
	}
	slices.Sort(got)
	// Those over what only start-up fills run as many times as start-up
	// says: not shown, counted (main.go:46, the schemes with the aliases
	// the configuration adds; reg.go:112, 131, 147: a file's lines read at
	// start-up, one per name the environment lists, handed out whole;
	// workers.go:55, a constructor's list). A table's rows start-up read
	// (reg.go:80) are as many as the table holds: data.
	want := []string{
		"cmd/registrations/main.go:49 medium", // the schemes with what requests remembered
		"cmd/registrations/main.go:52 medium", // a default with what a channel gives
		"reg/reg.go:80 medium",                // the rows of a table, read at start-up
		"reg/reg.go:93 medium",                // one per request
		"workers/workers.go:65 medium",        // one per request
	}
	if rep.Stats.StartBoundFindings != 5 {
		t.Errorf("stats.start_bound_findings = %d, want 5", rep.Stats.StartBoundFindings)
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q;\nwant %q (stderr: %s)", got, want, stderr)
	}
}
