package report

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// Limits that keep a PR comment readable and under GitHub's 65,536
// characters for the largest reports; the SARIF and JSON reports have
// everything.
const (
	mdMoreFindings = 50  // findings listed, folded, after the top ones
	mdRoutes       = 50  // routes in the route table
	mdRouteQueries = 20  // queries listed per route
	mdProblems     = 20  // problems listed
	mdMessage      = 200 // runes of a finding's problem shown unfolded in a table cell
	mdSummary      = 100 // runes of a folded problem shown in its summary
)

var severities = []string{"high", "medium", "low"}

// WriteMarkdown writes a summary for a pull-request comment, in GitHub
// flavored Markdown: the counts per check and severity, the top findings
// (rank, severity, check, location linked to its line when opts.LinkBase
// is set, message and fix, routes and their traffic), the routes with
// their traffic and queries per request, the indexes to add, and what the
// run could not resolve.
func WriteMarkdown(w io.Writer, r *Report, opts Options) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "### sqlheat: %s\n\n", plural(len(r.Findings), "finding"))
	if len(r.Findings) == 0 {
		fmt.Fprintf(bw, "No findings.\n")
	} else {
		writeCounts(bw, r)
		top := min(opts.top(), len(r.Findings))
		fmt.Fprintf(bw, "\n%s\n", mdRankedBy(r))
		if s := fixingBuys(r, top); s != "" {
			fmt.Fprintf(bw, "\n**%s**\n", escapeMD(s))
		}
		fmt.Fprintf(bw, "\n#### Top findings\n\n")
		writeFindingTable(bw, r, opts, r.Findings[:top])
		if rest := r.Findings[top:]; len(rest) > 0 {
			shown := rest[:min(len(rest), mdMoreFindings)]
			fmt.Fprintf(bw, "\n<details><summary>%d more %s</summary>\n\n", len(rest), pluralNoun(len(rest), "finding"))
			writeFindingTable(bw, r, opts, shown)
			if len(shown) < len(rest) {
				fmt.Fprintf(bw, "\n…and %d more: see the SARIF or JSON report.\n", len(rest)-len(shown))
			}
			fmt.Fprintf(bw, "\n</details>\n")
		}
	}
	if len(r.Routes) > 0 {
		writeRouteTable(bw, r)
		writeRouteQueries(bw, r)
	}
	if len(r.Indexes) > 0 {
		writeIndexTable(bw, r)
	}
	writeLiveMarkdown(bw, r, opts)
	writeStats(bw, r)
	return bw.Flush()
}

// writeCounts writes the findings per check and severity, checks in the
// order of their first (best ranked) finding.
func writeCounts(w io.Writer, r *Report) {
	fmt.Fprintf(w, "| check | high | medium | low | total |\n| --- | --: | --: | --: | --: |\n")
	for _, c := range checkCounts(r) {
		name := "`" + escapeCode(c.Check) + "`"
		if c.All {
			name = "**all**"
		}
		fmt.Fprintf(w, "| %s |", name)
		for _, n := range c.N {
			fmt.Fprintf(w, " %d |", n)
		}
		fmt.Fprintf(w, " %d |\n", c.Total)
	}
}

// checkCount is one row of the findings per check and severity.
type checkCount struct {
	Check string
	All   bool  // the row of all checks
	N     []int // per severity of severities
	Total int   // findings of the check, of any severity
}

// checkCounts counts the findings per check and severity, checks in the
// order of their first (best ranked) finding, then all checks together
// when there are several.
func checkCounts(r *Report) []checkCount {
	var checks []string
	by := map[string]map[string]int{}
	for _, f := range r.Findings {
		if by[f.Check] == nil {
			by[f.Check] = map[string]int{}
			checks = append(checks, f.Check)
		}
		by[f.Check][f.Severity]++
	}
	all := checkCount{All: true, N: make([]int, len(severities))}
	var rows []checkCount
	for _, c := range checks {
		row := checkCount{Check: c}
		for i, s := range severities {
			row.N = append(row.N, by[c][s])
			all.N[i] += by[c][s]
		}
		for _, n := range by[c] {
			row.Total += n // a severity outside the three counts in the total
		}
		all.Total += row.Total
		rows = append(rows, row)
	}
	if len(checks) > 1 {
		rows = append(rows, all)
	}
	return rows
}

func mdRankedBy(r *Report) string {
	switch {
	case r.Traffic == nil:
		return "Ranked by severity × loop depth × routes reached (no traffic profile)."
	case r.Traffic.Format == "pg_stat_statements":
		return fmt.Sprintf("Ranked by database time (pg_stat_statements total_exec_time) from `%s`.", escapeCode(r.Traffic.File))
	case r.Traffic.Relative:
		return fmt.Sprintf("Ranked by traffic from `%s` (rates are %% of requests).", escapeCode(r.Traffic.File))
	}
	return fmt.Sprintf("Ranked by traffic from `%s` (requests per minute).", escapeCode(r.Traffic.File))
}

func writeFindingTable(w io.Writer, r *Report, opts Options, fs []Finding) {
	saves := r.Totals != nil
	fmt.Fprintf(w, "| # | score | severity | check | location | finding | routes |")
	if saves {
		fmt.Fprintf(w, " fix removes (queries/min) |")
	}
	fmt.Fprintf(w, "\n| --: | --: | --- | --- | --- | --- | --- |")
	if saves {
		fmt.Fprintf(w, " --: |")
	}
	fmt.Fprintln(w)
	for _, f := range fs {
		fmt.Fprintf(w, "| %d | %s | %s | `%s` | %s | %s | %s |",
			f.Rank, formatNum(f.Score), escapeCell(f.Severity), escapeCode(f.Check), mdLocation(opts, f.File, f.Line),
			mdFinding(f), escapeCell(findingRoutes(r, f, 3)))
		if saves {
			removes := "—"
			if f.SavesPerMin > 0 {
				removes = "≥ " + formatNum(f.SavesPerMin)
			}
			fmt.Fprintf(w, " %s |", removes)
		}
		fmt.Fprintln(w)
	}
}

// mdFinding is a finding for a table cell, never cut: its problem,
// folded into a <details> whose summary is its start when longer than
// mdMessage runes (quoted SQL, mostly), then its fix in full on a line of
// its own, with the statement it names as code. A suggestion the fix
// does not name follows as code, and a live database's evidence last.
func mdFinding(f Finding) string {
	problem, fix := f.problemAndFix()
	var s string
	if utf8.RuneCountInString(problem) <= mdMessage {
		s = escapeCell(problem)
	} else {
		s = "<details><summary>" + escapeCell(shorten(problem, mdSummary)) + "</summary>" + escapeCell(problem) + "</details>"
	}
	sug := oneLine(f.Suggestion)
	switch {
	case fix != "" && sug != "" && strings.Contains(fix, sug):
		before, after, _ := strings.Cut(fix, sug)
		s += "<br>**Fix:** " + escapeMD(before) + "`" + escapeCode(sug) + "`" + escapeMD(after)
	case fix != "":
		s += "<br>**Fix:** " + escapeMD(fix)
		if sug != "" && !strings.Contains(problem, sug) {
			s += "<br>`" + escapeCode(sug) + "`"
		}
	case sug != "" && !strings.Contains(problem, sug):
		s += "<br>**Fix:** `" + escapeCode(sug) + "`"
	}
	if f.Evidence != nil {
		s += "<br>_" + escapeCell(f.Evidence.Summary) + "_"
	}
	return s
}

// writeIndexTable writes the indexes to add, each with the findings it
// fixes, then what their statements need said once (IndexNotes).
func writeIndexTable(w io.Writer, r *Report) {
	fmt.Fprintf(w, "\n#### Indexes to add\n\n| statement | queries | findings |\n| --- | --: | --- |\n")
	for _, g := range r.Indexes {
		var refs []string
		for _, fi := range g.Findings {
			if fi >= 0 && fi < len(r.Findings) {
				refs = append(refs, fmt.Sprintf("#%d", r.Findings[fi].Rank))
			}
		}
		fmt.Fprintf(w, "| `%s` | %d | %s |\n", escapeCode(g.Statement), len(g.Findings), strings.Join(refs, ", "))
	}
	for _, note := range r.IndexNotes() {
		fmt.Fprintf(w, "\n%s.\n", escapeMD(note))
	}
}

// mdLocation is file:line, linked to the line when opts.LinkBase is set.
func mdLocation(opts Options, file string, line int) string {
	text := fmt.Sprintf("%s:%d", file, line)
	if opts.LinkBase == "" || strings.HasPrefix(opts.repoPath(file), "/") {
		return "`" + escapeCode(text) + "`"
	}
	base := opts.LinkBase
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	// Parentheses are legal in a URL path but would end a Markdown link.
	link := strings.NewReplacer("(", "%28", ")", "%29").Replace(base+escapePath(opts.repoPath(file))) + fmt.Sprintf("#L%d", line)
	return fmt.Sprintf("[`%s`](%s)", escapeCode(text), link)
}

func writeRouteTable(w io.Writer, r *Report) {
	unit := "req/min"
	if r.Traffic != nil && r.Traffic.Relative {
		unit = "% of requests"
	}
	fmt.Fprintf(w, "\n#### Routes\n\n| route | %s | queries/request | findings |\n| --- | --: | --- | --- |\n", unit)
	idx := routesByHeat(r)
	for _, i := range idx[:min(len(idx), mdRoutes)] {
		rt := r.Routes[i]
		rate := "—"
		if hasRates(r) {
			rate = formatNum(rt.Rate)
		}
		var refs []string
		for _, fi := range rt.Findings {
			if fi >= 0 && fi < len(r.Findings) {
				refs = append(refs, fmt.Sprintf("#%d", r.Findings[fi].Rank))
			}
		}
		fmt.Fprintf(w, "| `%s` | %s | %s | %s |\n", escapeCode(routeName(rt.Method, rt.Pattern)), rate,
			escapeCell(strings.TrimSuffix(strings.TrimSuffix(perRequest(rt.QueriesPerRequest), " queries"), " query")),
			strings.Join(refs, ", "))
	}
	if len(idx) > mdRoutes {
		fmt.Fprintf(w, "\n…and %d more routes.\n", len(idx)-mdRoutes)
	}
}

// writeRouteQueries lists, folded, what a request of each route runs
// (Route.Queries), for the routes of the table.
func writeRouteQueries(w io.Writer, r *Report) {
	idx := routesByHeat(r)
	idx = idx[:min(len(idx), mdRoutes)]
	if !slices.ContainsFunc(idx, func(i int) bool { return len(r.Routes[i].Queries) > 0 }) {
		return
	}
	fmt.Fprintf(w, "\n<details><summary>What each route runs</summary>\n")
	for _, i := range idx {
		rt := r.Routes[i]
		if len(rt.Queries) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n`%s`\n\n", escapeCode(routeName(rt.Method, rt.Pattern)))
		shown := rt.Queries[:min(len(rt.Queries), mdRouteQueries)]
		for _, q := range shown {
			from := ""
			if q.From != "handler" {
				from = fmt.Sprintf(", in `%s`", escapeCode(q.From))
			}
			if q.Remote != "" {
				from += fmt.Sprintf(", over gRPC `%s`", escapeCode(q.Remote))
			}
			fmt.Fprintf(w, "- `%s:%d` %s%s: %s\n", escapeCode(q.File), q.Line, q.PerRequest, from, escapeCell(shorten(q.SQL, mdMessage)))
		}
		if len(shown) < len(rt.Queries) {
			fmt.Fprintf(w, "- …and %d more\n", len(rt.Queries)-len(shown))
		}
	}
	fmt.Fprintf(w, "\n</details>\n")
}

func writeStats(w io.Writer, r *Report) {
	s := r.Stats
	fmt.Fprintf(w, "\n#### Coverage\n\n")
	fmt.Fprintf(w, "%s · %s · unresolved SQL: %d · unparsed SQL: %d · %s",
		plural(s.Packages, "package"), plural(s.QuerySites, "query site"), s.Unresolved, s.Unparsed, plural(s.Routes, "route"))
	if n := s.Partial; n > 0 {
		fmt.Fprintf(w, " · %s with parts known only at run time", plural(n, "query site"))
	}
	if r.Traffic != nil {
		fmt.Fprintf(w, " · unmatched traffic: %d", s.TrafficUnmatched)
	}
	if n := s.UnreachedFindings; n > 0 {
		fmt.Fprintf(w, " · %s in code no entry point reaches not shown (`-unreached` shows them)", plural(n, "finding"))
	}
	if n := s.UnreachedRoutes; n > 0 {
		fmt.Fprintf(w, " · %s registered by code no entry point reaches not listed (`-unreached` lists them)", plural(n, "route"))
	}
	if n := s.CacheFillFindings; n > 0 {
		fmt.Fprintf(w, " · %s in loops not shown: all they run fills a cache", plural(n, "call"))
	}
	if n := s.StartBoundFindings; n > 0 {
		fmt.Fprintf(w, " · %s not shown: the loop runs as often as start-up says (a list only start-up fills, once per process)", plural(n, "finding"))
	}
	if n := s.ErrorPathFindings; n > 0 {
		fmt.Fprintf(w, " · %s in loops not shown: what they run, they run only when a call before them failed", plural(n, "call"))
	}
	for _, lib := range slices.Sorted(maps.Keys(s.UnreadLibraries)) {
		fmt.Fprintf(w, " · %s importing `%s`, a SQL library sqlheat does not read: its queries are not analyzed", plural(s.UnreadLibraries[lib], "package"), lib)
	}
	if n := s.ChangedOnlyFindings; n > 0 {
		fmt.Fprintf(w, " · %s in loops not shown: what they run, they run only for a value that differs from its source", plural(n, "call"))
	}
	if n := s.PathGuarded; n > 0 {
		fmt.Fprintf(w, " · %s not counted on routes their path or method tests rule out", plural(n, "query"))
	}
	if n := s.DeadBranchFindings; n > 0 {
		fmt.Fprintf(w, " · %s in loops not shown: what they run is only in branches that never run", plural(n, "call"))
	}
	if n := s.ExcessLoopFindings; n > 0 {
		fmt.Fprintf(w, " · %s in loops not shown: the loop runs over the excess of a list past a limit", plural(n, "call"))
	}
	if e := s.ExcludedByTags; e != nil {
		fmt.Fprintf(w, " · **%s**", escapeMD(e.Hint()))
	}
	if s.PackageErrors > 0 {
		fmt.Fprintf(w, " · **not analyzed: %s** (errors below)", plural(s.PackageErrors, "package"))
	}
	fmt.Fprintln(w)
	if len(r.Errors) > 0 {
		fmt.Fprintf(w, "\n<details><summary>%s did not stop the run</summary>\n\n", plural(len(r.Errors), "problem"))
		for _, p := range r.Errors[:min(len(r.Errors), mdProblems)] {
			fmt.Fprintf(w, "- %s\n", escapeMD(oneLine(p.String())))
		}
		if len(r.Errors) > mdProblems {
			fmt.Fprintf(w, "- …and %d more\n", len(r.Errors)-mdProblems)
		}
		fmt.Fprintf(w, "\n</details>\n")
	}
}

// mdEscaper escapes what Markdown would otherwise read as formatting
// ("SELECT * FROM a, b.*" must not start emphasis), as HTML or as math.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "|", `\|`, "~", `\~`, "#", `\#`,
	"$", `\$`, // GitHub reads $...$ as math: "$1, id, $2" must stay SQL
)

// escapeMD makes text render literally in Markdown.
func escapeMD(s string) string { return mdEscaper.Replace(s) }

// escapeCell makes text render literally in a table cell, on one line.
func escapeCell(s string) string { return escapeMD(oneLine(s)) }

// escapeCode prepares text for a `code span` inside a table: only "|"
// needs escaping there (GitHub splits cells before it parses spans), and
// a backtick, which cannot appear inside a single-backtick span, becomes
// a look-alike.
func escapeCode(s string) string {
	return strings.NewReplacer("|", `\|`, "`", "ˋ").Replace(oneLine(s))
}
