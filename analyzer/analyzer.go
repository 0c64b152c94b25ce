// Package analyzer is the sqlheat suite: the checks every driver runs,
// with what each declares about itself.
//
// analysis.Diagnostic has no severity on purpose — a severity is a policy,
// and policies belong to the tool that ships the checks, not to the
// analysis framework. sqlheat's policy is declared by each check, once,
// next to its Analyzer (its doc.go and its finding.Categories); this
// package gathers the declarations for the standalone driver, go vet and
// the golangci-lint plugin, and derives from them what users read about
// the checks: severities, SARIF rules, help, and the README's table.
package analyzer

import (
	"flag"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/report"
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

// Check is one check of the suite and the kinds of finding it declares.
type Check struct {
	Analyzer   *analysis.Analyzer
	Categories finding.Categories
}

// Checks returns the suite's checks, in the order their reports are
// listed.
func Checks() []Check {
	return []Check{
		{queryinloop.Analyzer, queryinloop.Categories},
		{selectstar.Analyzer, selectstar.Categories},
		{missingindex.Analyzer, missingindex.Categories},
		{handlerquery.Analyzer, handlerquery.Categories},
		{ignores.Analyzer, ignores.Categories}, // last: it reads the others' suppressions
	}
}

// Analyzers returns the checks' analyzers. Their foundation passes
// (settings, query sites) come along through Requires.
func Analyzers() []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, c := range Checks() {
		out = append(out, c.Analyzer)
	}
	return out
}

// Foundations are the result-only passes the checks build on; a driver
// that wants their results (the query sites, for stats; the routes, for
// the route inventory) runs them as roots.
func Foundations() []*analysis.Analyzer {
	return []*analysis.Analyzer{config.Analyzer, queries.Analyzer, routes.Analyzer, catalog.Analyzer}
}

// Lookup returns the declaration of the check called name.
func Lookup(name string) (Check, bool) {
	for _, c := range Checks() {
		if c.Analyzer.Name == name {
			return c, true
		}
	}
	return Check{}, false
}

// Severity is the severity of a finding of check, of the given category
// (its diagnostic's) and confidence: what the check declares for the
// category, one level lower for a "possible" finding (one the analysis is
// not sure happens, such as a call through an interface that some
// implementation makes a query). A category no check declares — an
// analyzer outside the suite — is medium.
func Severity(check, category, confidence string) finding.Severity {
	c, _ := Lookup(check)
	sev := c.Categories.Severity(category)
	if sev == 0 {
		sev = finding.Medium
	}
	if confidence == "possible" {
		sev = sev.Lower()
	}
	return sev
}

// Rule describes a check for SARIF: its documentation and its default
// severity, the highest it declares.
func (c Check) Rule() report.Rule {
	r := report.NewRule(c.Analyzer.Name, c.Analyzer.Doc, c.Analyzer.URL)
	if sev := c.Categories.Max(); sev > 0 {
		r.Severity = sev.String()
	}
	return r
}

// Table is the README's table of checks, in Markdown: each check's name,
// what it reports (its doc's summary line) and its severities.
func Table() string {
	var b strings.Builder
	b.WriteString("| check | reports | severity |\n| --- | --- | --- |\n")
	for _, c := range Checks() {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", c.Analyzer.Name, summary(c.Analyzer.Doc), c.Categories.Summary())
	}
	return b.String()
}

// Usage is the list of checks for the standalone command's -h.
func Usage() string {
	var b strings.Builder
	for _, c := range Checks() {
		fmt.Fprintf(&b, "  %-13s %s\n  %13s severity: %s\n", c.Analyzer.Name, summary(c.Analyzer.Doc), "", c.Categories.Summary())
	}
	return b.String()
}

// Summary is what the check reports, in one lowercase line: the first
// line of its doc without the leading verb.
func (c Check) Summary() string { return summary(c.Analyzer.Doc) }

// Explain is everything a check declares about itself, for sqlheat help
// <check> and -explain (as staticcheck's -explain): what it reports, its
// severities, its flags, why it matters and when it is silent (its
// doc.go), and where its documentation is online.
func (c Check) Explain() string {
	a := c.Analyzer
	var b strings.Builder
	_, text, _ := strings.Cut(a.Doc, "\n\n")
	fmt.Fprintf(&b, "%s: %s\n", a.Name, c.Summary())
	if sev := c.Categories.Summary(); sev != "" {
		fmt.Fprintf(&b, "\nSeverity: %s\n", sev)
	}
	var flags strings.Builder
	fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
	a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, a.Name+"."+f.Name, f.Usage) })
	fs.SetOutput(&flags)
	fs.PrintDefaults()
	if flags.Len() > 0 {
		fmt.Fprintf(&b, "\nFlags:\n%s", flags.String())
	}
	if text = strings.TrimSpace(text); text != "" {
		fmt.Fprintf(&b, "\n%s\n", text)
	}
	if a.URL != "" {
		fmt.Fprintf(&b, "\nOnline documentation: %s\n", a.URL)
	}
	return b.String()
}

// summary is the first line of an analyzer's Doc without its leading
// verb: "queries executed once per item of a loop (N+1)".
func summary(doc string) string {
	first, _, _ := strings.Cut(doc, "\n")
	return strings.TrimPrefix(strings.TrimSpace(first), "report ")
}
