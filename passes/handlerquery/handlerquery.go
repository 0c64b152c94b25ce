package handlerquery

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/check"
	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/guard"
	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/internal/srcpos"
	"github.com/sqlheat/sqlheat/passes/config"
	"github.com/sqlheat/sqlheat/passes/queries"
	"github.com/sqlheat/sqlheat/passes/routes"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:       "handlerquery",
	Doc:        check.MustExtractDoc(doc, "handlerquery"),
	URL:        "https://github.com/sqlheat/sqlheat/blob/main/passes/handlerquery/doc.go",
	Requires:   []*analysis.Analyzer{routes.Analyzer, config.Analyzer},
	ResultType: check.ResultType,
	Run:        guard.Run(run),
}

// Categories of the findings, for severity and the JSON "kind".
const (
	catDuplicate = "duplicate"
	catContext   = "context"
	catBudget    = "budget"
)

// Categories are the kinds of finding handlerquery reports. Each costs a
// route round trips or a held connection on every request, which its
// traffic, not its kind, makes urgent.
var Categories = finding.Categories{
	{Name: catDuplicate, Severity: finding.Medium, Title: "statements repeated in one request"},
	{Name: catContext, Severity: finding.Medium, Title: "queries without the request's context"},
	{Name: catBudget, Severity: finding.Medium, Title: "routes over the query budget"},
}

func run(pass *analysis.Pass) (any, error) {
	rep := check.NewReporter(pass, Categories, nil)
	res := routes.For(pass)
	cfg := config.For(pass)
	if res == nil || !cfg.Enabled(pass.Analyzer.Name) {
		return rep.Result(), nil
	}
	c := &checker{pass: pass, budget: cfg.Budget, found: map[key]*report{}}
	for _, r := range res.Routes {
		c.duplicates(r)
		c.contexts(r)
		c.overBudget(r)
	}
	c.flush(rep)
	return rep.Result(), nil
}

type checker struct {
	pass   *analysis.Pass
	budget int
	found  map[key]*report
	order  []key
}

// A finding is one cause: a place, or a function of another package that
// takes no context however it is called. The routes that share it (a
// middleware wraps several, a store function serves several handlers)
// are named together, and reported once, at its first place.
type key struct {
	group string
	cat   string
}

type report struct {
	routes  []*routes.Route
	places  []token.Pos
	callees []string // for a package-wide finding: the functions that take no context
	// message says, in one line, what the route does and what it costs
	// (named by route); detail.Fix what to do about it.
	message func(route string) string
	related []analysis.RelatedInformation
	detail  finding.Detail
}

// add records a finding of a route at pos; group says which findings are
// one ("" for the place itself).
func (c *checker) add(group string, pos token.Pos, cat string, r *routes.Route, rep *report) {
	if group == "" {
		group = fmt.Sprint(pos)
	}
	k := key{group, cat}
	if old, ok := c.found[k]; ok {
		old.callees = appendNew(old.callees, rep.callees...)
		old.routes = append(old.routes, r)
		if !slices.Contains(old.places, pos) {
			old.places = append(old.places, pos)
		}
		return
	}
	rep.routes = []*routes.Route{r}
	rep.places = []token.Pos{pos}
	c.found[k] = rep
	c.order = append(c.order, k)
}

func appendNew(list []string, more ...string) []string {
	for _, m := range more {
		if !slices.Contains(list, m) {
			list = append(list, m)
		}
	}
	return list
}

// flush reports each finding once, at its first place, naming its first
// route and how many more share it; its other places are related.
func (c *checker) flush(rep *check.Reporter) {
	// In source order across files (see srcpos): the place a finding
	// shared by several files is reported at is the same on every run.
	before := func(a, b token.Pos) int { return srcpos.Compare(c.pass.Fset, a, b) }
	for _, k := range c.order {
		slices.SortFunc(c.found[k].places, before)
	}
	sort.SliceStable(c.order, func(i, j int) bool { return before(c.found[c.order[i]].places[0], c.found[c.order[j]].places[0]) < 0 })
	for _, k := range c.order {
		f := c.found[k]
		name := routeName(f.routes[0])
		if n := len(uniqueRoutes(f.routes)) - 1; n > 0 {
			name += fmt.Sprintf(" (and %d more %s)", n, plural(n, "route", "routes"))
		}
		pos := f.places[0]
		related := f.related
		for _, p := range f.places[1:] {
			related = append(related, analysis.RelatedInformation{Pos: p, Message: "also called here"})
		}
		d := f.detail
		if n := len(f.callees); n > 1 {
			// A package whose functions take no context at all, or run
			// their queries with context.Background(), is one design
			// decision, not a finding per function.
			d.Fix = fmt.Sprintf("%s; the same holds for %d more %s of %s that this package's handlers call (%s)",
				d.Fix, n-1, plural(n-1, "function", "functions"), pkgOf(f.callees[0]), strings.Join(firstN(f.callees[1:], 3), ", "))
		}
		rep.Report(check.Finding{
			Diagnostic: analysis.Diagnostic{Pos: pos, Category: k.cat, Message: f.message(name), Related: related},
			Detail:     d,
		})
	}
}

// routeName names a route in messages: "GET /orders/{id}", or "handler
// api.(*H).list" for one no registration here reaches.
func routeName(r *routes.Route) string {
	if !r.Registered {
		return "handler " + r.Pattern
	}
	return r.String()
}

func uniqueRoutes(rs []*routes.Route) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rs {
		if s := r.String(); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// local reports whether a step's code is in this package: the rest is
// checked in the package where it is.
func local(st *routes.Step) bool { return st.Call != nil && len(st.Chain) > 0 }

// duplicates reports a read issued twice, with the same arguments, on one
// request path: not in a loop, not in exclusive branches.
func (c *checker) duplicates(r *routes.Route) {
	steps := r.Request.Steps
	done := map[*routes.Step]bool{}
	for i, a := range steps {
		if done[a] || !candidate(a) {
			continue
		}
		var again []*routes.Step
		for _, b := range steps[i+1:] {
			if done[b] || !candidate(b) || stmtKey(a) != stmtKey(b) || routes.Exclusive(a, b) {
				continue
			}
			x, y := diverge(a, b)
			if x == nil || !c.sameCallee(x, y) || !c.sameArgs(x, y) {
				continue
			}
			again = append(again, b)
			done[b] = true
		}
		if len(again) == 0 {
			continue
		}
		first, _ := diverge(a, again[0])
		var related []analysis.RelatedInformation
		lines := []string{fmt.Sprint(c.line(first.Pos()))}
		for _, b := range again {
			_, y := diverge(a, b)
			related = append(related, analysis.RelatedInformation{Pos: y.Pos(), Message: "issued again here"})
			lines = append(lines, fmt.Sprint(c.line(y.Pos())))
		}
		times := "twice"
		if n := len(again) + 1; n > 2 {
			times = fmt.Sprintf("%d times", n)
		}
		// What runs twice: the function called, or, for two calls of
		// the query itself, the query the line shows.
		what := "runs the same query"
		if callee := c.via(a, first); callee != "" {
			what = "calls " + callee
		}
		d := c.detail(a, first)
		for _, b := range again {
			d.Sites = append(d.Sites, siteOf(b)...)
		}
		d.Fix = "reuse the first result: each repeat is one more round trip on every request"
		c.add("", first.Pos(), catDuplicate, r, &report{
			message: func(route string) string {
				return fmt.Sprintf("%s %s %s per request with the same arguments (lines %s)", route, what, times, and(lines))
			},
			related: related,
			detail:  d,
		})
	}
}

// candidate is a step that can be a duplicate: a read of this package's
// code, outside loops and goroutines, whose statement is known.
func candidate(st *routes.Step) bool {
	return local(st) && st.Query.Loop == 0 && !st.Go && st.Query.Kind == "read" && stmtKey(st) != ""
}

// stmtKey identifies a statement: its fingerprint, or its text when it did
// not parse.
func stmtKey(st *routes.Step) string {
	if st.Query.Fingerprint != "" {
		return "fp:" + st.Query.Fingerprint
	}
	if st.Query.SQL != "" {
		return "sql:" + st.Query.SQL
	}
	return ""
}

// diverge returns the first calls at which two steps' chains differ: the
// two places in one function where the request takes the two paths.
func diverge(a, b *routes.Step) (*ast.CallExpr, *ast.CallExpr) {
	for i := 0; i < len(a.Chain) && i < len(b.Chain); i++ {
		if a.Chain[i] != b.Chain[i] {
			return a.Chain[i], b.Chain[i]
		}
	}
	return nil, nil // one call reaching the query twice: its branches are not visible
}

// sameCallee reports whether two calls call the same function. Two
// different functions given the same arguments may well query different
// rows (loadBuyer(order), loadSeller(order)): only the same function
// with the same arguments is known to repeat itself.
func (c *checker) sameCallee(x, y *ast.CallExpr) bool {
	fx, _ := typeutil.Callee(c.pass.TypesInfo, x).(*types.Func)
	fy, _ := typeutil.Callee(c.pass.TypesInfo, y).(*types.Func)
	return fx != nil && fy != nil && fx.Origin() == fy.Origin()
}

// sameArgs reports whether two calls pass the same receiver and
// arguments (contexts and requests aside), with no variable among them
// reassigned in between: the same statement with other arguments fetches
// other rows, and a builder chain with another WithOffset another page.
func (c *checker) sameArgs(x, y *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	parts := func(call *ast.CallExpr) []ast.Expr {
		out := []ast.Expr{call.Fun}
		for _, a := range call.Args {
			if !httpapi.CarriesRequest(info.TypeOf(a)) {
				out = append(out, a)
			}
		}
		return out
	}
	text := func(es []ast.Expr) string {
		var b strings.Builder
		for _, e := range es {
			b.WriteString(types.ExprString(e))
			b.WriteByte(0)
		}
		return b.String()
	}
	px := parts(x)
	if text(px) != text(parts(y)) {
		return false
	}
	// Same text: do the variables still hold the same values?
	vars := map[types.Object]bool{}
	for _, a := range px {
		ast.Inspect(a, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok {
					vars[v] = true
				}
			}
			return true
		})
	}
	from, to := x.End(), y.Pos()
	if from > to {
		from, to = y.End(), x.Pos()
	}
	written := false
	for _, f := range c.pass.Files {
		if f.Pos() > from || to > f.End() {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if written || n == nil || n.End() < from || n.Pos() > to {
				return false
			}
			var lhs []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				lhs = n.Lhs
			case *ast.IncDecStmt:
				lhs = []ast.Expr{n.X}
			case *ast.UnaryExpr:
				if n.Op == token.AND { // &id handed to a function may change it
					lhs = []ast.Expr{n.X}
				}
			}
			if n.Pos() >= from && n.End() <= to {
				for _, l := range lhs {
					if id, ok := ast.Unparen(l).(*ast.Ident); ok && vars[info.ObjectOf(id)] {
						written = true
					}
				}
			}
			return true
		})
	}
	return !written
}

// contexts reports the queries of the route's code that do not get the
// request's context.
func (c *checker) contexts(r *routes.Route) {
	for _, st := range r.Request.Steps {
		if !local(st) || st.Go || st.CtxAt == nil {
			continue
		}
		switch st.Ctx {
		case queries.CtxBackground, queries.CtxNone:
		default:
			continue
		}
		msg, fix, group := c.ctxMessage(st)
		rep := &report{message: msg, detail: c.detail(st, st.CtxAt)}
		rep.detail.Fix = fix
		if strings.HasPrefix(group, "package ") {
			rep.callees = []string{calleeName(c.pass.TypesInfo, st.CtxAt)}
		}
		c.add(group, st.CtxAt.Pos(), catContext, r, rep)
	}
}

// ctxMessage words a context finding and its fix, and groups it: a
// function of another package that ignores the context however it is
// called is one finding, wherever the package calls it. What each costs
// is the same: the client cannot cancel the query, which keeps running,
// holding a connection, after the client has gone.
func (c *checker) ctxMessage(st *routes.Step) (msg func(string) string, fix, group string) {
	info := c.pass.TypesInfo
	at := st.CtxAt
	site := siteName(st.Query)
	direct := st.Direct && at == st.Call
	callee := calleeName(info, at)
	if fn, ok := typeutil.Callee(info, at).(*types.Func); ok && !direct && at == st.Call && fn.Pkg() != c.pass.Pkg {
		switch {
		case st.Ctx == queries.CtxNone:
			// One finding per package called: a store that never takes
			// a context is fixed once, by threading ctx through it.
			group = "package " + fn.Pkg().Path()
		case st.Query.Ctx == queries.CtxBackground:
			// Likewise a store that runs every query with
			// context.Background(): one decision, fixed once.
			group = "package background " + fn.Pkg().Path()
		}
	}
	switch {
	case st.Ctx == queries.CtxNone && direct:
		return func(route string) string {
			return fmt.Sprintf("%s runs a query with %s, which takes no context: the client cannot cancel it", route, callee)
		}, "use its Context form, with r.Context()", group
	case st.Ctx == queries.CtxNone:
		return func(route string) string {
			return fmt.Sprintf("%s calls %s, whose query the client cannot cancel", route, callee)
		}, fmt.Sprintf("give %s a ctx parameter, run %s with the Context form, and pass r.Context()", callee, site), group
	case !direct && at == st.Call && st.Query.Ctx == queries.CtxBackground:
		return func(route string) string {
			return fmt.Sprintf("%s calls %s, whose query the client cannot cancel", route, callee)
		}, fmt.Sprintf("pass the ctx parameter of %s through to %s, which runs with context.Background()", callee, site), group
	}
	arg := ctxText(info, at)
	if arg == "" {
		arg = "a background context"
	}
	if id, ok := ast.Unparen(queries.ContextArg(info, at)).(*ast.Ident); ok && group == "" {
		if v, ok := info.Uses[id].(*types.Var); ok {
			// One context of the function's own, handed to each of its
			// queries (ctx, cancel := context.WithTimeout(context.Background(),
			// d)): one finding, at its first query.
			group = fmt.Sprint("context ", v.Pos())
		}
	}
	return func(route string) string {
		return fmt.Sprintf("%s passes %s to %s: the client cannot cancel its query", route, arg, callee)
	}, fmt.Sprintf("pass r.Context() instead of %s, so that %s stops with the request", arg, site), group
}

// siteName names a query and its place, for a fix: `the query "SELECT
// …" (store.go:12)`, `query GetOrder (query.sql:1)` for one kept in a
// .sql file, or `the query at store.go:12` when its text is not known.
func siteName(q queries.Query) string {
	if q.Name != "" {
		return fmt.Sprintf("query %s (%s)", q.Name, q.Source)
	}
	if q.SQL == "" {
		return "the query at " + q.Site
	}
	return fmt.Sprintf("the query %q (%s)", q.SQL, q.Site)
}

// ctxText prints the context argument of a call.
func ctxText(info *types.Info, call *ast.CallExpr) string {
	if arg := queries.ContextArg(info, call); arg != nil {
		return types.ExprString(arg)
	}
	return ""
}

// overBudget reports a route whose heaviest path issues more queries per
// request than the budget. A handler of another package is counted where
// it lives; here only if the middlewares seen here push it over.
func (c *checker) overBudget(r *routes.Route) {
	req := r.Request
	if c.budget <= 0 || req.Once <= c.budget {
		return
	}
	if r.Handler.Lit == nil && r.Handler.Decl == nil {
		// What the middlewares seen here add: the rest of the count is
		// the handler's heaviest path, which runs a statement its facts
		// list once as many times as that path calls it.
		mws := 0
		for _, st := range req.Steps {
			own := st.Body == r.Handler || st.Body != nil && r.Handler.Func != nil && st.Body.Func == r.Handler.Func
			if !own && st.Query.Loop == 0 {
				mws += 1 + st.More
			}
		}
		if req.Once-mws > c.budget {
			return // reported at the handler, in its package
		}
	}
	var related []analysis.RelatedInformation
	seen := map[token.Pos]bool{}
	for _, st := range req.Steps {
		if !local(st) || seen[st.Chain[0].Pos()] {
			continue
		}
		seen[st.Chain[0].Pos()] = true
		if len(related) == maxRelated {
			break
		}
		related = append(related, analysis.RelatedInformation{Pos: st.Chain[0].Pos(), Message: sqlName(st.Query)})
	}
	summary := Summary(req)
	budget := c.budget
	c.add("", r.Pos, catBudget, r, &report{
		message: func(route string) string {
			return fmt.Sprintf("%s %s, over the budget of %d", route, summary, budget)
		},
		related: related,
		detail: finding.Detail{
			Multiplicity: "once",
			Fix:          "batch the lookups, or cache what does not change per request (its queries are the related places)",
		},
	})
}

// maxRelated bounds the related locations of a budget finding.
const maxRelated = 12

// Summary says what one request issues: "issues 4 queries per request + 1
// per order".
func Summary(req *routes.Request) string {
	s := fmt.Sprintf("issues %d %s per request", req.Once, plural(req.Once, "query", "queries"))
	if !req.Loop {
		return s
	}
	n, over := 0, ""
	for _, st := range req.Steps {
		if st.Query.Loop > 0 {
			n++
			if over == "" {
				over = st.Over
			} else if st.Over != over {
				over = "item"
			}
		}
	}
	if over == "" {
		over = "item"
	}
	return fmt.Sprintf("%s + %d per %s", s, n, singular(over))
}

// singular names one item of what a loop iterates: "orders" -> "order".
func singular(over string) string {
	if i := strings.LastIndexByte(over, '.'); i >= 0 {
		over = over[i+1:]
	}
	lower := strings.ToLower(over)
	switch {
	case len(over) > 4 && strings.HasSuffix(lower, "ies"):
		return over[:len(over)-3] + matchCase(over[len(over)-3:], "y") // identities -> identity
	case strings.HasSuffix(lower, "sses"), strings.HasSuffix(lower, "xes"),
		strings.HasSuffix(lower, "ches"), strings.HasSuffix(lower, "shes"):
		return over[:len(over)-2] // addresses -> address, boxes -> box
	case strings.HasSuffix(lower, "ss"), strings.HasSuffix(lower, "us"), len(over) < 2:
		return over // a class, a status: not a plural
	case strings.HasSuffix(lower, "s"):
		return over[:len(over)-1]
	}
	return over
}

// matchCase writes s in the case of like's first letter.
func matchCase(like, s string) string {
	if like != "" && like[0] >= 'A' && like[0] <= 'Z' {
		return strings.ToUpper(s)
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// detail is the structured side of a finding about a step.
func (c *checker) detail(st *routes.Step, at *ast.CallExpr) finding.Detail {
	d := finding.Detail{
		SQL:          st.Query.SQL,
		Fingerprint:  st.Query.Fingerprint,
		Multiplicity: "once",
	}
	if name := calleeName(c.pass.TypesInfo, at); name != "" {
		d.Via = append([]string{name}, st.Query.Via...)
	}
	d.Sites = siteOf(st)
	return d
}

// siteOf is the query call of a step when this package holds it.
func siteOf(st *routes.Step) []token.Pos {
	if st.Direct && st.Call != nil {
		return []token.Pos{st.Call.Pos()}
	}
	return nil
}

// via names the function a call goes through to the step's query, for
// messages; "" when the call is the query itself.
func (c *checker) via(st *routes.Step, at *ast.CallExpr) string {
	if st.Direct && at == st.Call {
		return "" // the query itself: nothing in between
	}
	return calleeName(c.pass.TypesInfo, at)
}

func (c *checker) line(pos token.Pos) int { return c.pass.Fset.Position(pos).Line }

// calleeName prints the function a call calls: store.(*Store).GetOrder.
func calleeName(info *types.Info, call *ast.CallExpr) string {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return ""
	}
	return queries.FuncName(fn)
}

// sqlName names a query for messages: its abbreviated SQL, or "a query".
func sqlName(q queries.Query) string {
	if q.Name != "" {
		return fmt.Sprintf("query %s (%s)", q.Name, q.Source) // kept in a .sql file
	}
	if q.SQL != "" {
		return fmt.Sprintf("%q", q.SQL)
	}
	return "a query"
}

// pkgOf is the package part of a printed function name (store.(*S).F).
func pkgOf(name string) string {
	if i := strings.IndexAny(name, ".("); i > 0 {
		return name[:i]
	}
	return name
}

// and joins a list as a sentence does: "29 and 35", "29, 35 and 40".
func and(list []string) string {
	if len(list) < 2 {
		return strings.Join(list, "")
	}
	return strings.Join(list[:len(list)-1], ", ") + " and " + list[len(list)-1]
}

func firstN(list []string, n int) []string {
	if len(list) <= n {
		return list
	}
	return append(append([]string(nil), list[:n]...), "…")
}
