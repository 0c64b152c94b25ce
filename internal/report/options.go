package report

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Options tune the writers. The zero value suits a report whose module is
// the repository itself.
type Options struct {
	// PathPrefix is where the report's paths (relative to the module
	// root, or -C dir) are in the repository, slash-separated:
	// "services/api" for a module in a subdirectory, "" when the module is
	// the repository. SARIF, GitHub annotations and Markdown links need
	// paths relative to the repository root; `git rev-parse --show-prefix`
	// run in the module root prints it.
	PathPrefix string

	// LinkBase is the URL under which repository paths can be browsed,
	// such as "https://github.com/org/repo/blob/<commit>/"; when set,
	// Markdown and HTML link every location to its line.
	LinkBase string

	// Root is the module root the report's paths are relative to. The
	// HTML report reads the source lines around each finding from its
	// files, the module path from its go.mod and the commit from git;
	// "" leaves them out.
	Root string

	// Module and Commit name what was audited, in the HTML report's
	// header; when empty, they are read from Root.
	Module, Commit string

	// Top is how many findings the ranked text and the Markdown summary
	// show in full; 0 means DefaultTop.
	Top int

	// Rules describe the checks, for SARIF (see NewRule); a check not
	// listed gets a rule with its name alone.
	Rules []Rule
}

// DefaultTop is how many findings a summary shows in full by default.
const DefaultTop = 10

func (o Options) top() int {
	if o.Top > 0 {
		return o.Top
	}
	return DefaultTop
}

// Formats are the names Write accepts, as the -format flag spells them.
var Formats = []string{"text", "json", "sarif", "markdown", "github", "html"}

// Write writes the report in the named format. "text" is the ranked
// summary (WriteRankedText), ranked by traffic or, without a profile, by
// severity and loop depth.
func Write(w io.Writer, r *Report, format string, opts Options) error {
	switch format {
	case "", "text":
		return WriteRankedText(w, r, opts)
	case "json":
		return WriteJSON(w, r)
	case "sarif":
		return WriteSARIF(w, r, opts)
	case "markdown", "md":
		return WriteMarkdown(w, r, opts)
	case "github":
		return WriteGitHub(w, r, opts)
	case "html":
		return WriteHTML(w, r, opts)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// Rule describes a check for readers of SARIF: GitHub code scanning shows
// the title on every alert and the help under "Show more".
type Rule struct {
	ID      string // the check's name, the SARIF ruleId
	Title   string // one line: "Queries executed once per item of a loop (N+1)"
	Text    string // the explanation, plain text, paragraphs separated by blank lines
	HelpURI string // the check's documentation
	// Severity is the check's default severity ("high", "medium", "low"),
	// the rule's default level; "" leaves it out.
	Severity string
}

// NewRule describes a check from its analysis.Analyzer: Name, Doc (first
// line a lowercase title, as x/tools analyzers write it, "report queries
// executed once per item of a loop (N+1)"; the rest the explanation) and
// URL. The title loses its leading verb "report" and gains a capital, to
// read as the name of a problem rather than a command.
func NewRule(name, doc, url string) Rule {
	title, text, _ := strings.Cut(strings.TrimSpace(doc), "\n")
	title = strings.TrimPrefix(strings.TrimSpace(title), "report ")
	if r, size := utf8.DecodeRuneInString(title); size > 0 {
		title = string(unicode.ToUpper(r)) + title[size:]
	}
	return Rule{ID: name, Title: title, Text: strings.TrimSpace(text), HelpURI: url}
}

// rules returns the rules for the report: the caller's, then a bare one
// (its name and documentation link) for every other check that has
// findings. The checks describe themselves (package analyzer derives
// their rules from their declarations); the report only writes them.
func (o Options) rules(r *Report) []Rule {
	rules := slices.Clone(o.Rules)
	have := map[string]bool{}
	for _, x := range rules {
		have[x.ID] = true
	}
	var extra []string
	for _, f := range r.Findings {
		if !have[f.Check] {
			have[f.Check] = true
			extra = append(extra, f.Check)
		}
	}
	slices.Sort(extra)
	for _, id := range extra {
		rules = append(rules, Rule{ID: id})
	}
	for i := range rules {
		if rules[i].HelpURI == "" {
			rules[i].HelpURI = helpURI(rules[i].ID)
		}
		if rules[i].Title == "" {
			rules[i].Title = "sqlheat " + rules[i].ID
		}
	}
	return rules
}

// helpURI is the documentation of a check: its doc.go, which GitHub renders.
func helpURI(check string) string {
	return "https://github.com/sqlheat/sqlheat/blob/main/passes/" + url.PathEscape(check) + "/doc.go"
}

// repoPath is a report path relative to the repository root, slash-
// separated. Absolute paths (a file outside the module) stay absolute.
func (o Options) repoPath(file string) string {
	file = filepath.ToSlash(file)
	if filepath.IsAbs(filepath.FromSlash(file)) || strings.HasPrefix(file, "/") {
		return file
	}
	prefix := strings.Trim(filepath.ToSlash(o.PathPrefix), "/")
	if prefix == "" || prefix == "." {
		return path.Clean(file)
	}
	return path.Join(prefix, file)
}

// escapePath makes a slash-separated path a URI reference: "my dir/a.go"
// becomes "my%20dir/a.go".
func escapePath(p string) string { return (&url.URL{Path: p}).EscapedPath() }

// routeName is how a route is shown: "GET /orders/{id}", or the bare
// pattern for a route of any method.
func routeName(method, pattern string) string {
	switch strings.ToUpper(method) {
	case "", "*", "ANY":
		return pattern
	}
	if strings.HasPrefix(pattern, method+" ") {
		return pattern // the pattern names its method already
	}
	return method + " " + pattern
}

// hasRates reports whether r's routes have rates: it was ranked by a
// route profile, not by none or by pg_stat_statements, which measures
// statements.
func hasRates(r *Report) bool {
	return r.Traffic != nil && r.Traffic.Format != "pg_stat_statements"
}

// rateUnit is what route rates count in r.
func rateUnit(r *Report) string {
	if r.Traffic != nil && r.Traffic.Relative {
		return "% of requests"
	}
	return "req/min"
}

// rateText shows a rate with its unit: "1,200 req/min", "12.5% of requests".
func rateText(r *Report, rate float64) string {
	if unit := rateUnit(r); unit != "req/min" {
		return formatNum(rate) + unit
	}
	return formatNum(rate) + " req/min"
}

// perRequest shows a route's queries per request: "1 query", "3 queries",
// "(3 + 1 per item) queries". A route whose queries run in a loop issues at
// least one per item, however many the analysis could count.
func perRequest(q QueriesPerReq) string {
	if q.Loop {
		return fmt.Sprintf("(%d + %d per item) queries", q.Min, max(q.PerItem, 1))
	}
	if q.Min == 1 {
		return "1 query"
	}
	return fmt.Sprintf("%d queries", q.Min)
}

// routeSummary is one route's line: "GET /orders/{id}: 1,200 req/min ×
// (3 + 1 per item) queries = 4,800+ queries/min" (at one item per loop,
// and more with more items), or without rates
// "GET /orders/{id}: (3 + 1 per item) queries per request".
func routeSummary(r *Report, rt Route) string {
	if !hasRates(r) {
		return fmt.Sprintf("%s: %s per request", routeName(rt.Method, rt.Pattern), perRequest(rt.QueriesPerRequest))
	}
	s := fmt.Sprintf("%s: %s × %s", routeName(rt.Method, rt.Pattern), rateText(r, rt.Rate), perRequest(rt.QueriesPerRequest))
	if rateUnit(r) == "req/min" && rt.Rate > 0 && (rt.QueriesPerRequest.Min > 0 || rt.QueriesPerRequest.Loop) {
		s += " = " + formatNum(rt.QueriesPerMin())
		if rt.QueriesPerRequest.Loop {
			s += "+"
		}
		s += " queries/min"
	}
	return s
}

// routesByHeat returns the indexes of r.Routes, heaviest first: by the
// queries per minute their rates imply, then by rate, then by queries per
// request (all there is without rates), ties by name, so that summaries
// lead with what costs the database most.
func routesByHeat(r *Report) []int {
	idx := make([]int, len(r.Routes))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		ra, rb := r.Routes[a], r.Routes[b]
		if c := cmp.Compare(rb.QueriesPerMin(), ra.QueriesPerMin()); c != 0 {
			return c
		}
		if c := cmp.Compare(rb.Rate, ra.Rate); c != 0 {
			return c
		}
		if c := cmp.Compare(rb.QueriesPerRequest.AtOneItem(), ra.QueriesPerRequest.AtOneItem()); c != 0 {
			return c
		}
		return strings.Compare(routeName(ra.Method, ra.Pattern), routeName(rb.Method, rb.Pattern))
	})
	return idx
}

// findingRoutes shows the routes reaching f with their rates, hottest
// first, at most n of them: "GET /orders/{id} 1,200 req/min, ... (+2 more)".
func findingRoutes(r *Report, f Finding, n int) string {
	refs := slices.Clone(f.Routes)
	slices.SortStableFunc(refs, func(a, b RouteRef) int {
		switch {
		case a.Rate > b.Rate:
			return -1
		case a.Rate < b.Rate:
			return 1
		}
		return 0
	})
	var parts []string
	for i, ref := range refs {
		if i == n {
			parts = append(parts, fmt.Sprintf("+%d more", len(refs)-n))
			break
		}
		s := routeName(ref.Method, ref.Pattern)
		if hasRates(r) {
			s += " " + rateText(r, ref.Rate)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// formatNum shows a number for people: thousands separated, at most one
// decimal from 10 up and two below ("36,000", "12.5", "1.75", "0.03").
func formatNum(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	neg := v < 0
	v = math.Abs(v)
	var s string
	switch {
	case v >= 100 || v == math.Trunc(v):
		s = strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	case v >= 10:
		s = strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64) // half away from zero, as people round
	default:
		s = strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	}
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg && s != "0" {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

// shorten cuts s to at most n runes on one line, marking the cut with "…".
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return strings.TrimRight(string(runes[:n-1]), " ") + "…"
}
