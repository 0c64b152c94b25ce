// Package ignores defines an Analyzer that checks sqlheat's suppression
// comments themselves.
//
// # Analyzer ignores
//
// ignores: report malformed and unused //sqlheat:ignore comments
//
// A suppression is a decision someone made about a finding; it stays
// trustworthy only if it says why and if it still silences something. The
// analyzer reports a //sqlheat:ignore without a reason (write
// `//sqlheat:ignore queryinloop -- at most 3 regions`), one naming a check
// that does not exist, and, with -ignores.unused (the standalone driver's
// -report-unused-ignores), one that no longer silences any finding — the
// code was fixed or moved, and the comment would hide the next real
// problem on that line.
//
// //nolint:sqlheat comments are honored by every check but not reported
// here: golangci-lint's nolintlint already checks them.
package ignores

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/guard"
	"github.com/sqlheat/sqlheat/internal/suppress"
	"github.com/sqlheat/sqlheat/passes/config"
	"github.com/sqlheat/sqlheat/passes/handlerquery"
	"github.com/sqlheat/sqlheat/passes/missingindex"
	"github.com/sqlheat/sqlheat/passes/queryinloop"
	"github.com/sqlheat/sqlheat/passes/selectstar"
)

const Doc = `report malformed and unused //sqlheat:ignore comments

A suppression must say why (//sqlheat:ignore <check> -- <reason>) and name
a real check; with -ignores.unused, one that silences nothing is reported
too, since it would hide the next real finding on its line.`

// checks are the analyzers a directive may name.
var checks = []*analysis.Analyzer{handlerquery.Analyzer, missingindex.Analyzer, queryinloop.Analyzer, selectstar.Analyzer}

var Analyzer = &analysis.Analyzer{
	Name:       "ignores",
	Doc:        Doc,
	URL:        "https://github.com/sqlheat/sqlheat/blob/main/passes/ignores/ignores.go",
	Requires:   append([]*analysis.Analyzer{config.Analyzer}, checks...),
	ResultType: finding.ResultType,
	Run:        guard.Run(run),
}

var flagUnused bool

func init() {
	Analyzer.Flags.BoolVar(&flagUnused, "unused", false, "also report suppressions that silence nothing")
}

func run(pass *analysis.Pass) (any, error) {
	details := new(finding.Details)
	cfg := config.For(pass)
	known := map[string]bool{}
	used := map[token.Pos]bool{}
	for _, c := range checks {
		known[c.Name] = true
		if d, ok := pass.ResultOf[c].(*finding.Details); ok && d != nil {
			for _, p := range d.Suppressed {
				used[p] = true
			}
		}
	}
	for _, d := range suppress.Parse(pass.Fset, pass.Files, known) {
		switch {
		case d.Problem != "":
			pass.Report(analysis.Diagnostic{Pos: d.Pos, Category: "malformed", Message: d.Problem})
		case flagUnused && !d.NoLint && !used[d.Pos] && anyEnabled(cfg, d.Checks):
			pass.Report(analysis.Diagnostic{Pos: d.Pos, Category: "unused",
				Message: "this //sqlheat:ignore silences no finding: remove it, or it will hide the next real one on this line"})
		}
	}
	return details, nil
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
