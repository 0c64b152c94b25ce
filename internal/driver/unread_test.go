package driver

import (
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/analyzer"
)

// testdata/unreadlib reads its users through gocraft/dbr, a query
// builder sqlheat does not read: the run finds no query site, and says
// why instead of looking clean — stats.unread_libraries names the
// library with the packages importing it (store and the command), and
// the text report writes it on standard error.
func TestUnreadLibrary(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/unreadlib", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	if got := rep.Stats.UnreadLibraries["github.com/gocraft/dbr"]; got != 2 || len(rep.Stats.UnreadLibraries) != 1 {
		t.Errorf("stats.unread_libraries = %v, want github.com/gocraft/dbr: 2", rep.Stats.UnreadLibraries)
	}
	if rep.Stats.QuerySites != 0 {
		t.Errorf("stats.query_sites = %d, want 0 (dbr's calls are not read)", rep.Stats.QuerySites)
	}
	_, _, text := runText(t, "-C", "testdata/unreadlib", "./...")
	if want := "2 packages import github.com/gocraft/dbr, a SQL library sqlheat does not read"; !strings.Contains(text, want) {
		t.Errorf("standard error lacks %q:\n%s", want, text)
	}
	// A module using only what sqlheat reads names none.
	rep, _, _ = runJSON(t, analyzer.Analyzers(), "-C", "testdata/failpath", "./...")
	if len(rep.Stats.UnreadLibraries) != 0 {
		t.Errorf("failpath: stats.unread_libraries = %v, want none", rep.Stats.UnreadLibraries)
	}
}
