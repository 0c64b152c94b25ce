package report

import (
	"bufio"
	"bytes"
	"context"
	"embed"
	"fmt"
	"html/template"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/modfile"

	"github.com/sqlheat/sqlheat/internal/finding"
)

// The HTML report is one file that opens from disk or as a CI artifact:
// its styles and script are inline, and it names no URL but the -link-base
// links to the code.
//
//go:embed html/report.html
var htmlFiles embed.FS

// htmlTemplate is parsed on first use: the vet tool's processes, one per
// package, never write HTML.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.ParseFS(htmlFiles, "html/report.html"))
})

// The page's style and script, ours and constant: the template inserts
// them unescaped.
var (
	//go:embed html/report.css
	htmlCSS string
	//go:embed html/report.js
	htmlJS string
)

// Limits that keep the page quick to open on a large service; JSON has
// everything.
const (
	htmlContext    = 3       // source lines shown before and after a finding
	htmlSpan       = 14      // lines between a finding and a related place shown in one excerpt
	htmlMaxSource  = 4 << 20 // bytes of a source file read for excerpts
	htmlSourceRead = 400     // findings given a source excerpt
)

// WriteHTML writes the report as one self-contained HTML page, for people
// deciding what to fix first: a header with what was audited, the ranking's
// basis and what fixing the top findings buys; the routes as a heat table
// (rate, queries per request, queries per minute) whose rows open their
// query lists; the findings, ranked and filterable, each with the source
// lines around it read from opts.Root, its chain, its fix and the live
// database's evidence; the queries per minute each fix removes; and one
// card per index to add.
func WriteHTML(w io.Writer, r *Report, opts Options) error {
	page := newHTMLPage(r, opts)
	// Rendered whole first: a template error leaves no half page behind.
	var buf bytes.Buffer
	if err := htmlTemplate().Execute(&buf, page); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// htmlPage is what the template shows, every figure already formatted:
// the template only lays it out.
type htmlPage struct {
	Title, Tool, Module, Commit string
	Ranked, Headline            string
	Profile                     bool
	ProfileNote, ScoreNote      string
	Figures                     []htmlFigure
	Severities                  []string
	Counts                      []checkCount

	RoutesNote, RateUnit string
	Rates                bool   // the routes have rates: the Rate and queries per minute columns
	QPMHead              string // the queries per minute column's header
	Cols                 int    // the route table's columns
	DefaultSort          string // the route table's initial order: qpm, qpr
	DefaultSortName      string
	Routes               []htmlRoute
	Findings             []htmlFinding
	CheckFilters         []htmlFilter
	SeverityFilters      []htmlFilter
	BuysNote             string
	Buys                 []htmlBuy
	Indexes              []htmlIndex
	IndexNotes           []string // said once for all the statements
	HaveSchema           bool
	Live                 *htmlLive
	Stats                []htmlStat
	Errors               []string
	ErrorsTitle          string
	TagsHint             string // excluded_by_tags' hint ("" without)
	CSS                  template.CSS
	JS                   template.JS
}

type htmlFigure struct {
	Label, Value, Note string
	Accent             bool
}

type htmlLoc struct{ Text, URL string }

type htmlRef struct {
	ID, Title, Severity, Check string
	Rank                       int
}

type htmlRoute struct {
	ID, Name, Method, MethodClass, Pattern, Handler string
	HandlerChain                                    []string // Handler's middlewares and handler, one by one
	Where                                           htmlLoc
	Rate, QPR, QPM                                  float64 // sort keys
	RateText, QPRText, QPMText                      string
	BarOnce, BarItem                                string // percent widths
	FindingsKey                                     string // sort key: count, then best rank
	Order                                           int
	Findings                                        []htmlRef
	Queries                                         []htmlQuery
	NoQueries                                       string
}

type htmlQuery struct {
	Loc                   htmlLoc
	SQL, PerRequest, From string
	MultClass             string
	Via                   []string
	Findings              []htmlRef
}

type htmlFinding struct {
	ID, Check, Kind, Severity   string
	Rank                        int
	Loc                         htmlLoc
	Function                    string
	Problem, Advice, Suggestion string
	Score, ScoreTitle, Saves    string
	Multiplicity                string
	Routes                      []htmlRouteRef
	SQL                         string
	OpenSQL                     bool
	Source                      *htmlSource
	SourceNote                  string
	Chain                       []htmlStep
	Evidence                    *htmlEvidence
}

type htmlRouteRef struct{ ID, Name, Rate string }

type htmlSource struct {
	File  string
	Lines []htmlLine
}

type htmlLine struct {
	N          int
	Text, Mark string // Mark: "hit" (the finding's line), "rel" (a related place)
}

type htmlStep struct {
	Kind, Label string // Kind: loop, call, via, query, related
	Loc         htmlLoc
}

type htmlEvidence struct {
	Summary, PlanNode, Table, Cost, IndexUsed, Drift string
	Verdict, VerdictClass                            string
}

type htmlLive struct {
	Database, Verdicts string
	Drift              []string
	Retracted          []htmlRetracted
}

type htmlRetracted struct {
	Loc              htmlLoc
	Message, Summary string
}

type htmlFilter struct {
	Name string
	N    int
}

type htmlBuy struct {
	ID, Check, Where, What, Saves, Cumulative, Bar string
	Rank                                           int
}

type htmlIndex struct {
	ID, Title, Statement, Traffic string
	Queries                       []htmlIndexQuery
	Evidence                      []*htmlEvidence
}

type htmlIndexQuery struct {
	htmlRef
	Loc                  htmlLoc
	SQL, Traffic, Routes string
}

type htmlStat struct{ Label, Value string }

func newHTMLPage(r *Report, opts Options) *htmlPage {
	p := &htmlPage{
		Tool:       strings.TrimSpace(r.Tool.Name + " " + r.Tool.Version),
		Module:     opts.Module,
		Commit:     opts.Commit,
		Profile:    r.Traffic != nil,
		Ranked:     rankedBy(r),
		Severities: severities,
		CSS:        template.CSS(htmlCSS),
		JS:         template.JS(htmlJS),
	}
	if p.Tool == "" {
		p.Tool = "sqlheat"
	}
	if opts.Root != "" {
		if p.Module == "" {
			p.Module = modulePath(opts.Root)
		}
		if p.Commit == "" {
			p.Commit = gitCommit(opts.Root)
		}
	}
	p.Title = "sqlheat report"
	if p.Module != "" {
		p.Title += ": " + p.Module
	}
	top := min(opts.top(), len(r.Findings))
	p.Headline = fixingBuys(r, top)
	p.ProfileNote, p.ScoreNote = profileNotes(r)
	p.figures(r, top)
	p.Counts = checkCounts(r)
	p.routes(r, opts)
	p.findings(r, opts)
	p.buys(r)
	p.indexes(r, opts)
	p.Live = liveView(r, opts)
	p.coverage(r)
	return p
}

// profileNotes say what the ranking rests on and what a score is.
func profileNotes(r *Report) (profile, score string) {
	switch {
	case r.Traffic == nil:
		profile = "No traffic profile was given, so nothing says which routes are hot: findings are ranked by severity, " +
			"loop depth and the number of routes that reach them, and no figure here is per minute. " +
			"Run with -traffic (requests per minute per route: JSON, YAML, CSV, Prometheus, an access log or pg_stat_statements) " +
			"to rank by what each finding costs."
		score = "A static score: severity weight (high 3, medium 2, low 1) × executions per request at the site " +
			"(10 per loop level) × routes that reach the finding. Scores compare findings with each other only."
	case r.Traffic.Format == "pg_stat_statements":
		profile = fmt.Sprintf("Ranked by database time measured by pg_stat_statements, from %s: each finding's statement is matched by its fingerprint.", r.Traffic.File)
		score = "Milliseconds of database time measured at the finding's statement (total_exec_time) × severity weight (high 3, medium 2, low 1). " +
			"Findings whose statement was not measured rank after the measured ones, by traffic or statically."
	default:
		unit := "requests per minute"
		if r.Traffic.Relative {
			unit = "each route's share of the requests counted (%)"
		}
		profile = fmt.Sprintf("Route rates come from %s (%s, %s). Routes the profile does not name count 0.", r.Traffic.File, r.Traffic.Format, unit)
		score = "Roughly the queries per minute a finding is responsible for: the sum, over the routes that reach it, of the route's rate × " +
			"executions per request at the site (10 per loop level) × severity weight (high 3, medium 2, low 1). " +
			"Findings no profiled route reaches rank after, by a static score."
	}
	return profile, score
}

func (p *htmlPage) figures(r *Report, top int) {
	p.Figures = append(p.Figures, htmlFigure{Label: "Routes", Value: formatNum(float64(len(r.Routes)))})
	if t := r.Totals; t != nil {
		p.Figures = append(p.Figures, htmlFigure{Label: "Queries per minute", Value: formatNum(t.QueriesPerMin), Note: "at one item per loop"})
	} else {
		p.Figures = append(p.Figures, htmlFigure{Label: "Query sites", Value: formatNum(float64(r.Stats.QuerySites))})
	}
	bySev := map[string]int{}
	for _, f := range r.Findings {
		bySev[f.Severity]++
	}
	var parts []string
	for _, s := range severities {
		if bySev[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", bySev[s], s))
		}
	}
	p.Figures = append(p.Figures, htmlFigure{Label: "Findings", Value: formatNum(float64(len(r.Findings))), Note: strings.Join(parts, " · ")})
	if t := r.Totals; t != nil && t.QueriesPerMin > 0 && top > 0 && r.SavesOfTop(top) > 0 {
		saves := r.SavesOfTop(top)
		p.Figures = append(p.Figures, htmlFigure{
			Label:  fmt.Sprintf("Fixing the top %d removes", top),
			Value:  "≥ " + percent(saves, t.QueriesPerMin),
			Note:   "≥ " + formatNum(saves) + " queries/min",
			Accent: true,
		})
	}
}

// routeID is the id of route i's <tbody>, for links to it.
func routeID(i int) string { return fmt.Sprintf("route-%d", i+1) }

func findingID(f Finding) string { return fmt.Sprintf("finding-%d", f.Rank) }

func (p *htmlPage) routes(r *Report, opts Options) {
	rates := hasRates(r)
	p.Rates, p.RateUnit, p.Cols = rates, rateUnit(r), 4
	p.QPMHead = "Queries/min"
	if rates {
		p.Cols = 6
		if p.RateUnit != "req/min" {
			p.QPMHead = "Queries (share)"
		}
	}
	p.DefaultSort, p.DefaultSortName = "qpr", "queries per request"
	if rates {
		p.DefaultSort, p.DefaultSortName = "qpm", "queries per minute"
	}
	switch {
	case len(r.Routes) == 0:
		p.RoutesNote = "No HTTP route was found."
	case rates && rateUnit(r) == "req/min":
		p.RoutesNote = "Each route's requests per minute × the queries one request runs, counting one item per loop (\"3 + 1/item\" is 4): " +
			"a route with loops runs more (+). The bar is scaled to the heaviest route; its striped part is the per-item queries. " +
			"Select a route to list its queries."
	case rates:
		p.RoutesNote = "Rates are shares of the requests counted, so queries per minute are shares too. Select a route to list its queries."
	default:
		p.RoutesNote = "Without a traffic profile there are no rates: routes are ordered by the queries one request runs, counting one item per loop. " +
			"Select a route to list its queries."
	}
	// Heat: queries per minute, or without rates, queries per request.
	heat := func(rt Route) (once, item float64) {
		q := rt.QueriesPerRequest
		once, item = float64(q.Min), float64(q.AtOneItem()-q.Min)
		if rates {
			once, item = once*rt.Rate, item*rt.Rate
		}
		return once, item
	}
	var hottest float64
	for _, rt := range r.Routes {
		once, item := heat(rt)
		hottest = max(hottest, once+item)
	}
	order := routesByHeat(r)
	for pos, i := range order {
		rt := r.Routes[i]
		q := rt.QueriesPerRequest
		hr := htmlRoute{
			ID:      routeID(i),
			Name:    routeName(rt.Method, rt.Pattern),
			Method:  rt.Method,
			Pattern: rt.Pattern,
			Handler: rt.Handler,
			Where:   linkLoc(opts, rt.File, rt.Line),
			// The driver shows middlewares and handler as "auth → me".
			HandlerChain: strings.Split(rt.Handler, " → "),
			Rate:         rt.Rate,
			QPR:          float64(q.AtOneItem()),
			QPRText:      perRequestShort(q),
			Order:        pos,
		}
		if m := strings.ToUpper(rt.Method); m == "" || m == "*" || m == "ANY" {
			hr.Method = "ANY"
		}
		hr.MethodClass = strings.ToLower(hr.Method)
		hr.RateText, hr.QPMText = "—", "—"
		if rates {
			hr.RateText = formatNum(rt.Rate)
			hr.QPM = rt.QueriesPerMin()
			hr.QPMText = formatNum(hr.QPM)
			if q.Loop && rt.Rate > 0 {
				hr.QPMText += "+"
			}
		}
		once, item := heat(rt)
		if hottest > 0 {
			hr.BarOnce = fmt.Sprintf("%.1f", 100*once/hottest)
			hr.BarItem = fmt.Sprintf("%.1f", 100*item/hottest)
		} else {
			hr.BarOnce, hr.BarItem = "0", "0"
		}
		best := len(r.Findings) + 1
		for _, fi := range rt.Findings {
			if fi >= 0 && fi < len(r.Findings) {
				f := r.Findings[fi]
				hr.Findings = append(hr.Findings, findingRef(f))
				best = min(best, f.Rank)
			}
		}
		// More findings sort higher, then the better ranked.
		hr.FindingsKey = fmt.Sprintf("%d.%06d", len(hr.Findings), 999999-min(best, 999999))
		for _, rq := range rt.Queries {
			hq := htmlQuery{
				Loc:        linkLoc(opts, rq.File, rq.Line),
				SQL:        rq.SQL,
				PerRequest: perRequestText(rq.PerRequest),
				MultClass:  "once",
				Via:        rq.Via,
				From:       rq.From,
			}
			if finding.LoopDepth(rq.PerRequest) > 0 {
				hq.MultClass = "loop"
			}
			for _, fi := range rt.Findings {
				if fi >= 0 && fi < len(r.Findings) && aboutQuery(r.Findings[fi], rq) {
					hq.Findings = append(hq.Findings, findingRef(r.Findings[fi]))
				}
			}
			hr.Queries = append(hr.Queries, hq)
		}
		if len(rt.Queries) == 0 {
			switch {
			case q.Min == 0 && !q.Loop:
				hr.NoQueries = "A request of this route runs no query."
			default:
				hr.NoQueries = "This report does not list the route's queries; its findings are linked above."
			}
		}
		p.Routes = append(p.Routes, hr)
	}
}

// perRequestShort is a route's queries per request in a table cell:
// "3", "3 + 1/item".
func perRequestShort(q QueriesPerReq) string {
	if q.Loop {
		return fmt.Sprintf("%d + %d/item", q.Min, max(q.PerItem, 1))
	}
	return fmt.Sprint(q.Min)
}

// perRequestText says how often a route's query runs per request.
func perRequestText(m string) string {
	switch d := finding.LoopDepth(m); {
	case d == 1:
		return "per item"
	case d > 1:
		return fmt.Sprintf("per item, %d loops deep", d)
	case m == "", m == "once":
		return "once"
	}
	return m
}

// aboutQuery reports whether finding f is about route query q: reported
// at it, listing it among its sites or related places, or about the same
// statement.
func aboutQuery(f Finding, q RouteQuery) bool {
	if f.File == q.File && f.Line == q.Line {
		return true
	}
	for _, s := range f.Sites {
		if s.File == q.File && s.Line == q.Line {
			return true
		}
	}
	for _, l := range f.Related {
		if l.File == q.File && l.Line == q.Line {
			return true
		}
	}
	return f.Fingerprint != "" && f.Fingerprint == q.Fingerprint
}

func findingRef(f Finding) htmlRef {
	problem, _ := f.problemAndFix()
	return htmlRef{ID: findingID(f), Title: shorten(problem, 160), Severity: f.Severity, Check: f.Check, Rank: f.Rank}
}

// linkLoc is file:line, linked to the line under opts.LinkBase when set.
func linkLoc(opts Options, file string, line int) htmlLoc {
	if file == "" {
		return htmlLoc{}
	}
	l := htmlLoc{Text: file}
	if line > 0 {
		l.Text = fmt.Sprintf("%s:%d", file, line)
	}
	if opts.LinkBase != "" && !strings.HasPrefix(opts.repoPath(file), "/") {
		base := opts.LinkBase
		if !strings.HasSuffix(base, "/") {
			base += "/"
		}
		l.URL = base + escapePath(opts.repoPath(file))
		if line > 0 {
			l.URL += fmt.Sprintf("#L%d", line)
		}
	}
	return l
}

func (p *htmlPage) findings(r *Report, opts Options) {
	src := newSourceCache(opts.Root)
	checks := map[string]int{}
	sevs := map[string]int{}
	for i, f := range r.Findings {
		if checks[f.Check] == 0 {
			p.CheckFilters = append(p.CheckFilters, htmlFilter{Name: f.Check})
		}
		checks[f.Check]++
		sevs[f.Severity]++
		msg := oneLine(f.Message)
		problem, advice := f.problemAndFix()
		hf := htmlFinding{
			ID:         findingID(f),
			Check:      f.Check,
			Kind:       f.Kind,
			Severity:   f.Severity,
			Rank:       f.Rank,
			Loc:        linkLoc(opts, f.File, f.Line),
			Function:   f.Function,
			Problem:    problem,
			Advice:     advice,
			Score:      formatNum(f.Score),
			ScoreTitle: scoreTitle(f.ScoreBasis),
			SQL:        f.SQL,
		}
		// A statement to run (CREATE INDEX) gets a box of its own, with a
		// copy button, even when the message names it too.
		if sug := strings.TrimSpace(f.Suggestion); sug != "" {
			hf.Suggestion = sug
			if strings.HasPrefix(sug, "CREATE INDEX") {
				if stmt, _, ok := strings.Cut(sug, ";"); ok {
					hf.Suggestion = stmt + ";"
				}
			}
		}
		if f.SavesPerMin > 0 {
			hf.Saves = formatNum(f.SavesPerMin)
		}
		if m := multiplicityText(f.Multiplicity); m != "" {
			hf.Multiplicity = m
		}
		for _, ref := range distinctRefs(f.Routes) {
			rr := htmlRouteRef{Name: routeName(ref.Method, ref.Pattern), ID: routeIDOf(r, ref)}
			if rr.ID == "" {
				rr.ID = "routes" // a route the report does not list: link to the table
			}
			if hasRates(r) {
				rr.Rate = rateText(r, ref.Rate)
			}
			hf.Routes = append(hf.Routes, rr)
		}
		if i < htmlSourceRead {
			hf.Source, hf.SourceNote = src.excerpt(f)
		}
		hf.Chain = chain(opts, f)
		// The SQL is open unless the message or the excerpt shows it.
		hf.OpenSQL = f.SQL != "" && !strings.Contains(msg, f.SQL) && hf.Source == nil
		hf.Evidence = evidenceView(f.Evidence)
		p.Findings = append(p.Findings, hf)
	}
	for i := range p.CheckFilters {
		p.CheckFilters[i].N = checks[p.CheckFilters[i].Name]
	}
	for _, s := range severities {
		if sevs[s] > 0 {
			p.SeverityFilters = append(p.SeverityFilters, htmlFilter{Name: s, N: sevs[s]})
		}
	}
	var other []string
	for s := range sevs {
		if !slices.Contains(severities, s) {
			other = append(other, s)
		}
	}
	slices.Sort(other)
	for _, s := range other {
		p.SeverityFilters = append(p.SeverityFilters, htmlFilter{Name: s, N: sevs[s]})
	}
}

// distinctRefs drops repeated routes, by how they are shown.
func distinctRefs(refs []RouteRef) []RouteRef {
	seen := map[string]bool{}
	var out []RouteRef
	for _, r := range refs {
		if k := routeName(r.Method, r.Pattern); !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	return out
}

// routeIDOf is the id of the report's route ref names, "" when the report
// does not list it.
func routeIDOf(r *Report, ref RouteRef) string {
	for i, rt := range r.Routes {
		if rt.Method == ref.Method && rt.Pattern == ref.Pattern {
			return routeID(i)
		}
	}
	return ""
}

func scoreTitle(basis string) string {
	switch basis {
	case BasisDBTime:
		return "database time (ms) × severity weight"
	case BasisTraffic:
		return "route rate × executions per request × severity weight"
	case BasisStatic:
		return "static: severity weight × loop multiplicity × routes reaching it"
	}
	return ""
}

// chain is the path from the loop to the query, as far as the finding
// tells it: its related places before the reported line (the loop), the
// reported call, the functions it goes through, the query sites, then the
// related places after it (the same query issued again).
func chain(opts Options, f Finding) []htmlStep {
	var before, after []htmlStep
	for _, l := range f.Related {
		st := htmlStep{Kind: "related", Label: l.Message, Loc: linkLoc(opts, l.File, l.Line)}
		if st.Label == "" {
			st.Label = "see"
		}
		if strings.HasPrefix(l.Message, "loop") {
			st.Kind = "loop"
		}
		if l.File == f.File && l.Line <= f.Line || st.Kind == "loop" {
			before = append(before, st)
		} else {
			after = append(after, st)
		}
	}
	if len(before)+len(after)+len(f.Via)+len(f.Sites) == 0 {
		return nil // the location alone: nothing to chain
	}
	steps := before
	here := htmlStep{Kind: "call", Label: "call", Loc: linkLoc(opts, f.File, f.Line)}
	if len(f.Via) == 0 && len(f.Sites) == 0 {
		here.Kind, here.Label = "query", "query"
	}
	steps = append(steps, here)
	for _, v := range f.Via {
		steps = append(steps, htmlStep{Kind: "via", Label: v})
	}
	for _, s := range f.Sites {
		if s.File == f.File && s.Line == f.Line {
			continue
		}
		steps = append(steps, htmlStep{Kind: "query", Label: "query", Loc: linkLoc(opts, s.File, s.Line)})
	}
	return append(steps, after...)
}

func evidenceView(e *Evidence) *htmlEvidence {
	if e == nil {
		return nil
	}
	v := &htmlEvidence{Summary: e.Summary, PlanNode: e.PlanNode, Verdict: e.Verdict, Drift: e.Drift}
	v.VerdictClass = strings.ToLower(e.Verdict)
	var table []string
	switch {
	case e.TableRows < 0:
		table = append(table, "never analyzed")
	case e.TableRows > 0:
		table = append(table, formatNum(float64(e.TableRows))+" rows")
	}
	if e.TableBytes > 0 {
		table = append(table, byteSize(e.TableBytes))
	}
	v.Table = strings.Join(table, ", ")
	// CostAfter is 0 when the index was not tried (no hypopg, or a
	// verdict reached without it).
	switch {
	case e.CostBefore > 0 && e.CostAfter > 0:
		v.Cost = fmt.Sprintf("%s → %s with the index", formatNum(e.CostBefore), formatNum(e.CostAfter))
		if e.CostAfter < e.CostBefore {
			v.Cost += fmt.Sprintf(" (−%s)", percent(e.CostBefore-e.CostAfter, e.CostBefore))
		}
		v.IndexUsed = "the planner does not use it"
		if e.IndexUsed {
			v.IndexUsed = "the planner uses it"
		}
	case e.CostBefore > 0:
		v.Cost = formatNum(e.CostBefore)
	}
	return v
}

// liveView is the live database's section: which database, the verdicts,
// what it has that the migrations lack, and the findings it retracted.
func liveView(r *Report, opts Options) *htmlLive {
	l := r.Live
	if l == nil {
		return nil
	}
	v := &htmlLive{Database: l.describe(), Verdicts: r.Verdicts(), Drift: l.Drift}
	for _, f := range l.Retracted {
		rf := htmlRetracted{Loc: linkLoc(opts, f.File, f.Line), Message: oneLine(f.Message)}
		if f.Evidence != nil {
			rf.Summary = f.Evidence.Summary
		}
		v.Retracted = append(v.Retracted, rf)
	}
	return v
}

// byteSize shows a size in bytes for people: "512 B", "8.2 MB", "1.4 GB".
func byteSize(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	v, exp := float64(n)/unit, 0
	for v >= unit && exp < 4 {
		v /= unit
		exp++
	}
	return formatNum(v) + " " + string("kMGTP"[exp]) + "B"
}

func (p *htmlPage) buys(r *Report) {
	t := r.Totals
	if t == nil || t.QueriesPerMin <= 0 {
		p.BuysNote = "These figures need a traffic profile of requests per minute per route (-traffic): " +
			"with one, each finding shows the queries per minute its fix removes."
		return
	}
	p.BuysNote = fmt.Sprintf("Queries per minute each fix removes, at least, out of the %s the profile implies. "+
		"Everything counts one item per loop: fixing an N+1 removes at least one query per request (a loop that repeats a query runs two items or more), "+
		"fixing a repeated statement removes the repeats; an index, a column list or a context makes queries cheaper or safer, not fewer, "+
		"and removes none. Findings about the same query count once in the cumulative share.", formatNum(t.QueriesPerMin))
	var sum float64
	for i, f := range r.Findings {
		if f.SavesPerMin <= 0 {
			continue
		}
		// The cumulative figure counts each query once, as SavesOfTop does.
		sum = r.SavesOfTop(i + 1)
		problem, _ := f.problemAndFix()
		p.Buys = append(p.Buys, htmlBuy{
			ID:         findingID(f),
			Rank:       f.Rank,
			Check:      f.Check,
			Where:      fmt.Sprintf("%s:%d", f.File, f.Line),
			What:       shorten(problem, 120),
			Saves:      "≥ " + formatNum(f.SavesPerMin),
			Cumulative: "≥ " + percent(sum, t.QueriesPerMin),
			Bar:        fmt.Sprintf("%.1f", min(100, 100*sum/t.QueriesPerMin)),
		})
	}
	if len(p.Buys) == 0 {
		p.BuysNote += " No finding's fix removes queries in this report."
	}
}

func (p *htmlPage) indexes(r *Report, opts Options) {
	p.HaveSchema = r.Stats.SchemaFiles > 0 || len(r.Indexes) > 0
	p.IndexNotes = r.IndexNotes()
	for n, g := range r.Indexes {
		hi := htmlIndex{ID: fmt.Sprintf("index-%d", n+1), Statement: g.Statement, Title: indexTitle(g.Statement)}
		var perMin float64
		for _, fi := range g.Findings {
			if fi < 0 || fi >= len(r.Findings) {
				continue
			}
			f := r.Findings[fi]
			q := htmlIndexQuery{htmlRef: findingRef(f), Loc: linkLoc(opts, f.File, f.Line), SQL: f.SQL, Routes: findingRoutes(r, f, 3)}
			if hasRates(r) && rateUnit(r) == "req/min" {
				// The queries per minute the index serves: every execution
				// of the statement, at one item per loop.
				var m float64
				for _, ref := range distinctRefs(f.Routes) {
					m += ref.Rate
				}
				perMin += m
				q.Traffic = formatNum(m) + " queries/min"
			}
			hi.Queries = append(hi.Queries, q)
			if ev := evidenceView(f.Evidence); ev != nil {
				hi.Evidence = append(hi.Evidence, ev)
			}
		}
		switch n := len(hi.Queries); {
		case hasRates(r) && rateUnit(r) == "req/min":
			hi.Traffic = fmt.Sprintf("%s, %s queries/min", plural(n, "query"), formatNum(perMin))
		default:
			hi.Traffic = plural(n, "query")
		}
		p.Indexes = append(p.Indexes, hi)
	}
}

// indexTitle names an index by its table and columns: "orders
// (customer_id)", from the statement sqlheat wrote; the statement itself
// when it is not of that shape.
func indexTitle(stmt string) string {
	_, rest, ok := strings.Cut(stmt, " ON ")
	if !ok {
		return shorten(stmt, 80)
	}
	return shorten(strings.TrimSuffix(strings.TrimSpace(rest), ";"), 80)
}

func (p *htmlPage) coverage(r *Report) {
	s := r.Stats
	add := func(label string, n int) {
		p.Stats = append(p.Stats, htmlStat{Label: label, Value: formatNum(float64(n))})
	}
	add("packages", s.Packages)
	add("query sites", s.QuerySites)
	add("SQL not resolved", s.Unresolved)
	add("SQL not parsed", s.Unparsed)
	if s.Partial > 0 {
		add("query sites with parts known only at run time", s.Partial)
	}
	add("routes", s.Routes)
	add("schema files", s.SchemaFiles)
	if s.SchemaSkipped > 0 {
		add("migrations for another database, not read", s.SchemaSkipped)
	}
	if s.UnknownTables > 0 {
		add("tables not in the schema", s.UnknownTables)
	}
	if r.Traffic != nil {
		add("unmatched traffic", s.TrafficUnmatched)
	}
	if s.BaselineHidden+s.BaselineStale > 0 {
		add("hidden by the baseline", s.BaselineHidden)
		add("stale baseline entries", s.BaselineStale)
	}
	if s.OldHidden > 0 {
		add("on unchanged lines", s.OldHidden)
	}
	if s.UnreachedFindings > 0 {
		add("in code no entry point reaches, not shown", s.UnreachedFindings)
	}
	if s.UnreachedRoutes > 0 {
		add("routes registered by code no entry point reaches, not listed", s.UnreachedRoutes)
	}
	if s.CacheFillFindings > 0 {
		add("in loops that only fill a cache, not shown", s.CacheFillFindings)
	}
	if s.StartBoundFindings > 0 {
		add("in loops that run as often as start-up says (a configured list, once per process), not shown", s.StartBoundFindings)
	}
	if s.ErrorPathFindings > 0 {
		add("in loops that run only when a call failed, not shown", s.ErrorPathFindings)
	}
	if s.ChangedOnlyFindings > 0 {
		add("in loops that write only what changed, not shown", s.ChangedOnlyFindings)
	}
	for _, lib := range slices.Sorted(maps.Keys(s.UnreadLibraries)) {
		add("packages importing "+lib+", a SQL library sqlheat does not read", s.UnreadLibraries[lib])
	}
	if s.PathGuarded > 0 {
		add("queries on routes their path or method tests rule out, not counted", s.PathGuarded)
	}
	if s.DeadBranchFindings > 0 {
		add("in loops, only in branches that never run, not shown", s.DeadBranchFindings)
	}
	if s.ExcessLoopFindings > 0 {
		add("in loops over the excess of a list past a limit, not shown", s.ExcessLoopFindings)
	}
	if e := s.ExcludedByTags; e != nil {
		add("files with database code left out by build tags", len(e.Files))
		p.TagsHint = e.Hint()
	}
	for _, e := range r.Errors {
		p.Errors = append(p.Errors, oneLine(e.String()))
	}
	p.ErrorsTitle = plural(len(r.Errors), "problem") + " did not stop the run"
}

// sourceCache reads the files findings are in, once each, relative to the
// module root.
type sourceCache struct {
	root  string
	files map[string][]string
	errs  map[string]string
}

func newSourceCache(root string) *sourceCache {
	return &sourceCache{root: root, files: map[string][]string{}, errs: map[string]string{}}
}

// lines returns the lines of file, or why they cannot be shown.
func (c *sourceCache) lines(file string) ([]string, string) {
	if ls, ok := c.files[file]; ok {
		return ls, c.errs[file]
	}
	path := filepath.FromSlash(file)
	if !filepath.IsAbs(path) {
		path = filepath.Join(c.root, path)
	}
	var ls []string
	why := ""
	if fi, err := os.Stat(path); err != nil {
		why = "source not available: " + file + " is not readable from " + c.root
	} else if fi.Size() > htmlMaxSource {
		why = "source not shown: " + file + " is too large"
	} else if f, err := os.Open(path); err != nil {
		why = "source not available: " + err.Error()
	} else {
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), htmlMaxSource)
		for sc.Scan() {
			ls = append(ls, strings.ReplaceAll(sc.Text(), "\t", "    "))
		}
		if err := sc.Err(); err != nil {
			ls, why = nil, "source not available: "+err.Error()
		}
		f.Close()
	}
	c.files[file], c.errs[file] = ls, why
	return ls, why
}

// excerpt is the lines around finding f: from htmlContext lines before the
// first of its line and its related places and sites in the same file
// (within htmlSpan lines), to htmlContext lines after the last.
func (c *sourceCache) excerpt(f Finding) (*htmlSource, string) {
	if c.root == "" || f.File == "" || f.Line <= 0 {
		return nil, ""
	}
	ls, why := c.lines(f.File)
	if why != "" {
		return nil, why
	}
	if f.Line > len(ls) {
		return nil, fmt.Sprintf("source not shown: %s has %d lines, the finding is at line %d", f.File, len(ls), f.Line)
	}
	first, last := f.Line, f.Line
	marks := map[int]string{f.Line: "hit"}
	near := func(file string, line int) {
		if file != f.File || line <= 0 || line > len(ls) || line < f.Line-htmlSpan || line > f.Line+htmlSpan {
			return
		}
		first, last = min(first, line), max(last, line)
		if marks[line] == "" {
			marks[line] = "rel"
		}
	}
	for _, l := range f.Related {
		near(l.File, l.Line)
	}
	for _, s := range f.Sites {
		near(s.File, s.Line)
	}
	first, last = max(1, first-htmlContext), min(len(ls), last+htmlContext)
	src := &htmlSource{File: f.File}
	for n := first; n <= last; n++ {
		src.Lines = append(src.Lines, htmlLine{N: n, Text: ls[n-1], Mark: marks[n]})
	}
	return src, ""
}

// modulePath reads the module path from root's go.mod, "" without one.
func modulePath(root string) string {
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return ""
	}
	return modfile.ModulePath(data)
}

// gitCommit names the commit root is checked out at, with "(modified)"
// when tracked files under root differ from it; "" outside git.
func gitCommit(root string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "git", "-C", root, "rev-parse", "--short=12", "HEAD").Output()
	if err != nil {
		return ""
	}
	commit := strings.TrimSpace(string(out))
	status, err := exec.CommandContext(ctx, "git", "-C", root, "status", "--porcelain", "--untracked-files=no", "--", ".").Output()
	if err == nil && len(bytes.TrimSpace(status)) > 0 {
		commit += " (modified)"
	}
	return commit
}
