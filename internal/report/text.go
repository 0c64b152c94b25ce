package report

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// WriteRankedText writes the report for a reader deciding what to fix
// first: what the ranking is based on and what fixing the top findings
// buys; every finding, best ranked first, in one layout; then every route
// with the queries its traffic causes, and the indexes to add. A finding's
// first line is vet's "file:line:col: message (check)", the form editors'
// quickfix parsers and terminals read as a place; its rank, severity,
// score and the traffic of the routes reaching it go on the indented line
// below. Without a traffic profile the sections are the same, ranked by
// severity and loop depth.
func WriteRankedText(w io.Writer, r *Report, opts Options) error {
	bw := bufio.NewWriter(w)
	if len(r.Findings) == 0 {
		fmt.Fprintf(bw, "sqlheat: no findings\n")
	} else {
		fmt.Fprintf(bw, "sqlheat: %s, %s\n", plural(len(r.Findings), "finding"), rankedBy(r))
	}
	if n := r.Stats.PackageErrors; n > 0 {
		fmt.Fprintf(bw, "Not analyzed: %s that %s not compile or import one that does not.\n", plural(n, "package"), map[bool]string{true: "does", false: "do"}[n == 1])
	}
	if s := fixingBuys(r, min(opts.top(), len(r.Findings))); s != "" {
		fmt.Fprintf(bw, "%s\n", s)
	}
	if len(r.Findings) > 0 {
		fmt.Fprintln(bw)
	}
	for _, f := range r.Findings {
		writeTextFinding(bw, r, f)
	}
	if len(r.Routes) > 0 {
		if hasRates(r) {
			fmt.Fprintf(bw, "\nRoutes by queries per minute\n")
		} else {
			fmt.Fprintf(bw, "\nRoutes\n")
		}
		for _, i := range routesByHeat(r) {
			rt := r.Routes[i]
			fmt.Fprintf(bw, "  %s", routeSummary(r, rt))
			if len(rt.Findings) > 0 {
				var refs []string
				for _, fi := range rt.Findings {
					if fi >= 0 && fi < len(r.Findings) {
						refs = append(refs, fmt.Sprintf("#%d", r.Findings[fi].Rank))
					}
				}
				fmt.Fprintf(bw, "; findings %s", strings.Join(refs, " "))
			}
			fmt.Fprintln(bw)
		}
	}
	if len(r.Indexes) > 0 {
		fmt.Fprintf(bw, "\nIndexes to add\n")
		for _, g := range r.Indexes {
			var refs []string
			for _, fi := range g.Findings {
				refs = append(refs, fmt.Sprintf("#%d", r.Findings[fi].Rank))
			}
			fmt.Fprintf(bw, "  %s -- %s (findings %s)\n", g.Statement, plural(len(g.Findings), "query"), strings.Join(refs, " "))
		}
		for _, note := range r.IndexNotes() {
			fmt.Fprintf(bw, "  Note: %s.\n", note)
		}
	}
	writeLiveText(bw, r)
	return bw.Flush()
}

// textIndent indents the lines under a finding's.
const textIndent = "    "

// writeTextFinding writes one finding: vet's line, then its rank,
// severity, score, routes, how often it runs and what fixing it removes
// on the indented line below, and its fix, its suggestion and a live
// database's evidence when it has them, each on an indented line of its
// own.
func writeTextFinding(w io.Writer, r *Report, f Finding) {
	fmt.Fprintf(w, "%s:%d:%d: %s (%s)\n", f.File, f.Line, f.Column, oneLine(f.Message), f.Check)
	score := "score " + formatNum(f.Score)
	if f.ScoreBasis == BasisDBTime {
		score += " (database time)"
	}
	details := []string{fmt.Sprintf("#%d", f.Rank), f.Severity, score}
	if routes := findingRoutes(r, f, 3); routes != "" {
		details = append(details, routes)
	}
	if m := multiplicityText(f.Multiplicity); m != "" {
		details = append(details, m)
	}
	if f.SavesPerMin > 0 {
		details = append(details, "fix removes ≥ "+formatNum(f.SavesPerMin)+" queries/min")
	}
	fmt.Fprintf(w, "%s%s\n", textIndent, strings.Join(details, " · "))
	if f.Fix != "" {
		fmt.Fprintf(w, "%sfix: %s\n", textIndent, oneLine(f.Fix))
	}
	if f.Suggestion != "" && !strings.Contains(f.Message+f.Fix, f.Suggestion) {
		fmt.Fprintf(w, "%ssuggestion: %s\n", textIndent, oneLine(f.Suggestion))
	}
	if f.Evidence != nil {
		fmt.Fprintf(w, "%s%s\n", textIndent, f.Evidence.Summary)
	}
}

// rankedBy says what the ranking is based on.
func rankedBy(r *Report) string {
	switch {
	case r.Traffic == nil && r.Stats.TrafficUnmatched > 0:
		return "ranked by severity and loop depth (no route of the traffic profile matched)"
	case r.Traffic == nil:
		return "ranked by severity and loop depth (no traffic profile)"
	}
	unit := "requests per minute"
	if r.Traffic.Relative {
		unit = "rates in % of requests"
	}
	if r.Traffic.Format == "pg_stat_statements" {
		unit = "database time"
	}
	return fmt.Sprintf("ranked by %s (%s)", r.Traffic.File, unit)
}

// fixingBuys is the sentence a team writes into its optimization goal:
// what fixing the top n findings removes of the queries per minute the
// profile implies, or "" when the report has no such figures.
func fixingBuys(r *Report, n int) string {
	t := r.Totals
	if t == nil || t.QueriesPerMin <= 0 || n <= 0 {
		return ""
	}
	which := "the top finding"
	if n > 1 {
		which = fmt.Sprintf("the top %d findings", n)
	}
	saves := r.SavesOfTop(n)
	if saves <= 0 {
		return fmt.Sprintf("Fixing %s removes no query: their fixes make queries cheaper or safer, not fewer (%s queries/min in all, counting one item per loop).",
			which, formatNum(t.QueriesPerMin))
	}
	return fmt.Sprintf("Fixing %s removes at least %s of the queries per minute this profile implies (%s of %s, counting one item per loop).",
		which, percent(saves, t.QueriesPerMin), formatNum(saves), formatNum(t.QueriesPerMin))
}

// percent shows part of whole as a percentage, rounded down so that "at
// least" stays true: "37%", "0.5%".
func percent(part, whole float64) string {
	p := min(100*part/whole, 100)
	if p >= 10 {
		return fmt.Sprintf("%d%%", int(math.Floor(p)))
	}
	return strconv.FormatFloat(math.Floor(p*10)/10, 'f', -1, 64) + "%"
}

// multiplicityText says how often a site runs per request.
func multiplicityText(m string) string {
	switch {
	case m == "", m == "once":
		return ""
	case m == "loop":
		return "once per loop item"
	case strings.HasPrefix(m, "loop"):
		return "once per item of nested loops (" + m + ")"
	}
	return m
}

// plural counts: "1 finding", "1,200 findings".
func plural(n int, noun string) string {
	return formatNum(float64(n)) + " " + pluralNoun(n, noun)
}

func pluralNoun(n int, noun string) string {
	switch {
	case n == 1:
		return noun
	case strings.HasSuffix(noun, "y") && !strings.HasSuffix(noun, "ay"):
		return noun[:len(noun)-1] + "ies" // query, queries
	}
	return noun + "s"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// splitAdvice splits a message into the problem and the advice, as the
// checks write them: "problem: advice", at the first ": " outside a quoted
// string (quoted SQL may hold one). A message without one is all problem.
func splitAdvice(msg string) (problem, advice string) {
	quoted := false
	for i := 0; i < len(msg); i++ {
		switch c := msg[i]; {
		case c == '\\' && quoted:
			i++ // an escaped character, a quote maybe
		case c == '"':
			quoted = !quoted
		case c == ':' && !quoted && strings.HasPrefix(msg[i+1:], " "):
			return msg[:i], strings.TrimSpace(msg[i+1:])
		}
	}
	return msg, ""
}
