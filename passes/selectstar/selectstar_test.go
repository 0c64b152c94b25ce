package selectstar_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sqlheat/sqlheat/internal/testenv"
	"github.com/sqlheat/sqlheat/passes/selectstar"
)

func Test(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	results := analysistest.Run(t, dir, selectstar.Analyzer, "a")
	testenv.ShortMessages(t, results)
	testenv.Fixes(t, dir, results)
}

// With the schema known (testdata/src/fix/.sqlheat.yaml), the star is
// replaced by the table's columns in table order; fix.go.golden is the
// file after every fix.
func TestFix(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	results := analysistest.RunWithSuggestedFixes(t, dir, selectstar.Analyzer, "fix")
	testenv.ShortMessages(t, results)
	testenv.Fixes(t, dir, results)
}

// SQL kept in .sql files is reported on the line of its star there
// (testenv.Run reads the -- want comments of .sql files): sqlc's queries,
// whose generated constants list the columns, and named queries, linked
// (dotsql) or not.
func TestSQLFiles(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	pkgs := []string{"sqlcbooks/...", "notes/..."}
	results := testenv.Run(t, dir, selectstar.Analyzer, pkgs...)
	testenv.ShortMessages(t, results)
	testenv.Fixes(t, dir, results, pkgs...)
}
