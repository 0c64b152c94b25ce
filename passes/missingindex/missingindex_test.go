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
	pkgs := []string{"a", "store", "self", "sqlcapp", "builders", "goqubuilders"}
	results := analysistest.Run(t, dir, missingindex.Analyzer, pkgs...)
	testenv.ShortMessages(t, results)
	testenv.Fixes(t, dir, results, pkgs...)
}

// Packages without SQL schema: gormapp's tables are what its
// AutoMigrate makes of its models' tags, and gormapi sees them as the
// DDL of a package it imports; xormapp's are what xorm's Sync makes of
// its beans' tags, and xormrepo's, which no source declares, those its
// beans' tags declare.
func TestORMModels(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	results := analysistest.Run(t, dir, missingindex.Analyzer, "gormapp", "gormapi", "xormapp", "xormrepo", "gormv1app", "entapp")
	testenv.ShortMessages(t, results)
	testenv.Fixes(t, dir, results)
}

// SQL kept in .sql files is reported on the first line of its statement
// there (testenv.Run reads the -- want comments of .sql files): sqlc's
// queries (sqlc.json, macros), generated or not yet, and named queries
// (goyesql), linked or not; -- sqlheat:ignore in a block silences it.
func TestSQLFiles(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	pkgs := []string{"sqlcshop/...", "notes/..."}
	results := testenv.Run(t, dir, missingindex.Analyzer, pkgs...)
	testenv.ShortMessages(t, results)
	testenv.Fixes(t, dir, results, pkgs...)
}
