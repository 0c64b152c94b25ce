// Package analyzer is the sqlheat suite: the list of checks every driver
// runs, and the severity of what they report.
//
// analysis.Diagnostic has no severity on purpose — a severity is a policy,
// and policies belong to the tool that ships the checks, not to the checks.
// This package is where sqlheat's policy lives, shared by the standalone
// driver, go vet and the golangci-lint plugin.
package analyzer

import (
	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/catalog"
	"github.com/sqlheat/sqlheat/passes/config"
	"github.com/sqlheat/sqlheat/passes/handlerquery"
	"github.com/sqlheat/sqlheat/passes/ignores"
	"github.com/sqlheat/sqlheat/passes/missingindex"
	"github.com/sqlheat/sqlheat/passes/queries"
	"github.com/sqlheat/sqlheat/passes/queryinloop"
	"github.com/sqlheat/sqlheat/passes/routes"
	"github.com/sqlheat/sqlheat/passes/selectstar"
)

// Analyzers returns the checks, in the order their reports are listed.
// Their foundation passes (settings, query sites) come along through
// Requires.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		queryinloop.Analyzer,
		selectstar.Analyzer,
		missingindex.Analyzer,
		handlerquery.Analyzer,
		ignores.Analyzer, // last: it reads the others' suppressions
	}
}

// Foundations are the result-only passes the checks build on; a driver
// that wants their results (the query sites, for stats; the routes, for
// the route inventory) runs them as roots.
func Foundations() []*analysis.Analyzer {
	return []*analysis.Analyzer{config.Analyzer, queries.Analyzer, routes.Analyzer, catalog.Analyzer}
}

// Severity ranks a finding's urgency.
type Severity int

const (
	Low Severity = iota + 1
	Medium
	High
)

func (s Severity) String() string {
	switch s {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	}
	return "none"
}

// ParseSeverity reads "low", "medium" or "high".
func ParseSeverity(s string) (Severity, bool) {
	switch s {
	case "low":
		return Low, true
	case "medium":
		return Medium, true
	case "high":
		return High, true
	}
	return 0, false
}

// Weight is the severity's factor in a finding's score.
func (s Severity) Weight() float64 {
	switch s {
	case High:
		return 3
	case Medium:
		return 2
	}
	return 1
}

// SeverityOf is the default severity of a finding of check, of the given
// diagnostic category (the kind of finding within the check).
func SeverityOf(check, category string) Severity {
	switch check {
	case "queryinloop":
		if category == "write" || category == "const" || category == "unknown" {
			return Medium
		}
		return High
	case "missingindex", "handlerquery":
		return Medium
	case "selectstar", "ignores":
		return Low
	}
	if category == "internal-error" {
		return High
	}
	return Medium
}
