package driver

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// A converter querying under an ent edge test (if w.Edges.Contract !=
// nil, if w.Edges.Project == nil) runs, from a loop over a query's
// rows, the queries the edges that query loaded let run: the contract's
// versions only where the query asked for the contract, the project only
// where it did not ask for it. A local taking the loaded edge or a query
// of its own (workflows := c.Edges.Workflows; if workflows == nil {
// workflows = ...All(ctx) }) has what either loaded.
func TestEntEdgeGuards(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/entedges", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	got := checkLines(rep, queryinloop.Analyzer.Name)
	want := []string{
		"main.go:126", // helper: scoped() may load anything
		"main.go:134", // get: no edge loaded, the project's query
		"main.go:79",  // withContracts
		"main.go:95",  // plain: the project's query
		"main.go:107", // maybe: the contract, when asked for
		"main.go:154", // references' own loop: its callers' edges are theirs
		"main.go:173", // contractsBare: the runs' count
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		for _, f := range rep.Findings {
			t.Logf("%s:%d: %s", f.File, f.Line, f.Message)
		}
		t.Errorf("queryinloop findings:\n got %q\nwant %q", got, want)
	}
	for _, f := range rep.Findings {
		switch f.Line {
		case 79, 107:
			if !strings.Contains(f.Message, "contract_versions") || strings.Contains(f.Message, "projects") {
				t.Errorf("main.go:%d: %s: want the contract's versions alone", f.Line, f.Message)
			}
		case 173:
			if !strings.Contains(f.Message, "runs") || strings.Contains(f.Message, "contract_versions") {
				t.Errorf("main.go:%d: %s: want the runs' count alone", f.Line, f.Message)
			}
		case 95, 134:
			if strings.Contains(f.Message, "contract_versions") || !strings.Contains(f.Message, "projects") {
				t.Errorf("main.go:%d: %s: want the project's query alone", f.Line, f.Message)
			}
		}
	}
}
