package driver

import (
	"fmt"
	"go/token"
	"slices"

	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/passes/ignores"
)

// posKey is a place as "file:line:col", the file relative to the root.
func posKey(p token.Position, rel func(string) string) string {
	return fmt.Sprintf("%s:%d:%d", rel(p.Filename), p.Line, max(p.Column, 1))
}

// retractUnused drops the findings of the ignores check that call a
// comment unused when the comment silenced a finding the driver made:
// the pass could not know it would.
func retractUnused(rep *report.Report, used map[string]bool) {
	if len(used) == 0 {
		return
	}
	rep.Findings = slices.DeleteFunc(rep.Findings, func(f report.Finding) bool {
		return f.Check == ignores.Analyzer.Name && f.Kind == "unused" && used[fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)]
	})
}
