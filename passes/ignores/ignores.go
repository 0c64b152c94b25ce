package ignores

import (
	_ "embed"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/check"
	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/guard"
	"github.com/sqlheat/sqlheat/internal/suppress"
	"github.com/sqlheat/sqlheat/passes/config"
	"github.com/sqlheat/sqlheat/passes/handlerquery"
	"github.com/sqlheat/sqlheat/passes/missingindex"
	"github.com/sqlheat/sqlheat/passes/queryinloop"
	"github.com/sqlheat/sqlheat/passes/selectstar"
)

//go:embed doc.go
var doc string

// Categories are the kinds of finding ignores reports: both are about a
// comment, not about what the service costs.
var Categories = finding.Categories{
	{Name: "malformed", Severity: finding.Low, Title: "suppressions without a reason or a known check"},
	{Name: "unused", Severity: finding.Low, Title: "suppressions that silence nothing, under -ignores.unused"},
}

// checks are the analyzers a directive may name.
var checks = []*analysis.Analyzer{handlerquery.Analyzer, missingindex.Analyzer, queryinloop.Analyzer, selectstar.Analyzer}

var Analyzer = &analysis.Analyzer{
	Name:       "ignores",
	Doc:        check.MustExtractDoc(doc, "ignores"),
	URL:        "https://github.com/sqlheat/sqlheat/blob/main/passes/ignores/doc.go",
	Requires:   append([]*analysis.Analyzer{config.Analyzer}, checks...),
	ResultType: check.ResultType,
	Run:        guard.Run(run),
}

func init() {
	// Read through config.Flag: each suite has its own copy of the flag.
	Analyzer.Flags.Bool("unused", false, "also report suppressions that silence nothing")
}

func run(pass *analysis.Pass) (any, error) {
	rep := check.NewReporter(pass, Categories, nil)
	cfg := config.For(pass)
	if !cfg.Enabled(pass.Analyzer.Name) {
		return rep.Result(), nil
	}
	unused := config.Flag[bool](pass, "unused")
	known := map[string]bool{}
	for _, c := range checks {
		known[c.Name] = true
	}
	// The checks' results (in a Suite, their analyzers are copies: they
	// are found by type).
	used := map[token.Pos]bool{}
	for _, r := range pass.ResultOf {
		if r, ok := r.(*check.Result); ok && r != nil {
			for _, p := range r.Suppressed {
				used[p] = true
			}
		}
	}
	for _, d := range suppress.Parse(pass.Fset, pass.Files, known) {
		switch {
		case d.Problem != "":
			diag := analysis.Diagnostic{Pos: d.Pos, Category: "malformed", Message: d.Problem}
			if d.Space > 0 {
				// "// sqlheat:ignore": the fix is to delete the space.
				at := d.Pos + token.Pos(len("//"))
				diag.SuggestedFixes = []analysis.SuggestedFix{{
					Message:   "Remove the space after //",
					TextEdits: []analysis.TextEdit{{Pos: at, End: at + token.Pos(d.Space)}},
				}}
			}
			rep.Report(check.Finding{Diagnostic: diag})
		case unused && !d.NoLint && !used[d.Pos] && anyEnabled(cfg, d.Checks):
			rep.Report(check.Finding{
				Diagnostic: analysis.Diagnostic{Pos: d.Pos, Category: "unused", Message: "this //sqlheat:ignore silences no finding"},
				Detail:     finding.Detail{Fix: "remove it, or it will hide the next real one on this line"},
			})
		}
	}
	return rep.Result(), nil
}

// anyEnabled reports whether a check the directive names is running: a
// suppression for a check switched off is not unused, only idle.
func anyEnabled(cfg *config.Config, names []string) bool {
	for _, n := range names {
		if n == "all" || n == "sqlheat" || cfg.Enabled(n) {
			return true
		}
	}
	return false
}
