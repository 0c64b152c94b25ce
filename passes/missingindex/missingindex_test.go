package missingindex_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sqlheat/sqlheat/internal/testenv"
	"github.com/sqlheat/sqlheat/passes/missingindex"
)

// Package a takes its schema from migrations named in its .sqlheat.yaml;
// store and self from the DDL the program runs (a migrate package's
// embedded files and constants, and a package's own constant); sqlcapp
// from discovery under its go.mod (sqlc's schema, and the migrations).
func Test(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, missingindex.Analyzer, "a", "store", "self", "sqlcapp")
}
