package catalog_test

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sqlheat/sqlheat/internal/testenv"
	"github.com/sqlheat/sqlheat/passes/catalog"
)

// Package migrate embeds goose files and runs a DDL constant: it exports
// them as a fact, and package store, which imports it, sees the tables.
func TestGoEmbeddedDDL(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	results := analysistest.Run(t, dir, catalog.Analyzer, "migrate", "store")
	for _, r := range results {
		if r.Pass.Pkg.Path() != "store" {
			continue
		}
		res := r.Result.(*catalog.Result)
		tb := res.Catalog.Table("tickets")
		if tb == nil {
			t.Fatalf("store does not see tickets; files %v", res.Files())
		}
		if got := strings.Join(tb.ColumnNames(), ","); got != "id,queue,assignee_id,closed_at" {
			t.Errorf("tickets columns = %s", got)
		}
		var idx []string
		for _, ix := range tb.Indexes {
			idx = append(idx, ix.Name)
		}
		// 0003_queue_sqlite.sql is not read: its PostgreSQL twin is.
		if !slices.Equal(idx, []string{"tickets_pkey", "tickets_queue", "tickets_assignee_idx"}) {
			t.Errorf("tickets indexes = %v", idx)
		}
		if !slices.Equal(res.Unknown, []string{"audit", "public.people"}) {
			t.Errorf("unknown tables = %v", res.Unknown)
		}
		// The broken statement is a warning at its line; loading went on.
		w := res.Warnings()
		if len(w) != 1 || w[0].Line != 7 || !strings.HasSuffix(w[0].File, "0001_tables.sql") {
			t.Errorf("warnings = %v", w)
		}
		if len(res.Files()) != 4 {
			t.Errorf("files = %v", res.Files())
		}
		return
	}
	t.Fatal("no result for store")
}
