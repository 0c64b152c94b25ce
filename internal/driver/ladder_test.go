package driver

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/queryinloop"
	"github.com/sqlheat/sqlheat/passes/selectstar"
)

// A version ladder (testdata/ladder: `if current < 10 {...} if current <
// 13 {...}` with DDL below it) is a migration, though start-up and a
// set-up route both call it through an interface: its loops are silent
// and its SELECT * is the migration's, low, naming it. The same store
// calls made per item by a request stay the route's, and tests against
// rising constants that change no schema (size buckets) are no ladder.
func TestVersionLadder(t *testing.T) {
	t.Parallel()
	got := findingLines(t, []*analysis.Analyzer{queryinloop.Analyzer, selectstar.Analyzer}, "testdata/ladder")
	want := []string{
		`queryinloop cmd/ladder/main.go:21 route medium "store.Provider.SaveUser runs UPDATE users (store.go:60) once per item of config.DB.Users(): n round trips instead of 1"`,
		`queryinloop stats/stats.go:12 route medium "INSERT into buckets runs once per item of sizes: n round trips instead of 1"`,
		`selectstar store/store.go:31 migration low "SELECT * fetches every column of hotlinks, including ones added later (runs in migration store.SQL.Upgrade)"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n\t%q\nwant\n\t%q", got, want)
	}
}
