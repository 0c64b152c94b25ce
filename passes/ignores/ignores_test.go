package ignores_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sqlheat/sqlheat/internal/testenv"
	"github.com/sqlheat/sqlheat/passes/ignores"
)

func Test(t *testing.T) {
	if err := ignores.Analyzer.Flags.Set("unused", "true"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ignores.Analyzer.Flags.Set("unused", "false") })
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.RunWithSuggestedFixes(t, dir, ignores.Analyzer, "a")
}
