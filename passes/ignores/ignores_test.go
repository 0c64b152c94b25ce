package ignores_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sqlheat/sqlheat/internal/testenv"
	"github.com/sqlheat/sqlheat/passes/config"
	"github.com/sqlheat/sqlheat/passes/ignores"
)

func Test(t *testing.T) {
	t.Parallel()
	// A suite of the test's own: its -ignores.unused is no one else's.
	a := config.Suite(config.Host{}, ignores.Analyzer)[0]
	if err := a.Flags.Set("unused", "true"); err != nil {
		t.Fatal(err)
	}
	dir := testenv.Tree(t, analysistest.TestData())
	testenv.ShortMessages(t, analysistest.RunWithSuggestedFixes(t, dir, a, "a"))
}
