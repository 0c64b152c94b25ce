package driver

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/passes/queryinloop"
	"github.com/sqlheat/sqlheat/passes/selectstar"
)

// Migrations registered into the program's own registry from init
// functions (../program/testdata/ownmig) are migrations, though a reload
// job starts their runner too: the backfill's loop over the users is
// silent (a migration's loop runs once per deployment) and its SELECT *
// is the migration's, low, naming it; so is the loop of a migration an
// admin route runs again (program.Setup: the route re-runs set-up the
// migrations run). A plugin handler's loop (a registry filled the same
// way, with no DDL) and a per-request hook's (one filled per request)
// stay the route's.
func TestRegistryMigrations(t *testing.T) {
	t.Parallel()
	got := findingLines(t, []*analysis.Analyzer{queryinloop.Analyzer, selectstar.Analyzer}, "../program/testdata/ownmig")
	want := []string{
		`queryinloop hooks/hooks.go:35 route medium "INSERT into scratch runs once per item of r.URL.Query()[...]: n round trips instead of 1"`,
		`queryinloop plugin/plugin.go:28 route high "SELECT from users runs once per item of r.URL.Query()[...]: n round trips instead of 1"`,
		`selectstar migrations/002_backfill.go:15 migration low "SELECT * fetches every column of users, including ones added later (runs in migration migrations.backfill)"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n\t%q\nwant\n\t%q", got, want)
	}
}

// findingLines runs the analyzers standalone on the module in dir and
// gives its findings as "check file:line role severity message", sorted.
func findingLines(t *testing.T, as []*analysis.Analyzer, dir string) []string {
	t.Helper()
	rep, _, stderr := runJSON(t, as, "-C", dir, "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s %s:%d %s %s %q", f.Check, f.File, f.Line, f.Role, f.Severity, f.Message))
	}
	slices.Sort(got)
	return got
}

// checkLines are the report's findings of check as "file:line", sorted.
func checkLines(rep *report.Report, check string) []string {
	var got []string
	for _, f := range rep.Findings {
		if f.Check == check {
			got = append(got, fmt.Sprintf("%s:%d", f.File, f.Line))
		}
	}
	slices.Sort(got)
	return got
}
