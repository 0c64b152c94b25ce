package handlerquery

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/guard"
	"github.com/sqlheat/sqlheat/passes/config"
	"github.com/sqlheat/sqlheat/passes/queries"
	"github.com/sqlheat/sqlheat/passes/routes"
)

const Doc = `report routes that repeat a query, ignore the request's context, or exceed the query budget

For each HTTP route, the statements one request issues are counted through
its middlewares, its handler and every function called, in any package.
Reported: the same read issued twice with the same arguments on one request
path (reuse the first result); a query that runs with context.Background()
or an API without a context where the handler has r.Context() (it outlives
a cancelled request: pass r.Context() down); more queries per request than
the budget (-sqlheat.budget, default 10). Silent for branches of an if or
switch, different arguments, loops (see queryinloop), writes, goroutines,
contexts it cannot trace, and code that is not a request path.`

var Analyzer = &analysis.Analyzer{
	Name:       "handlerquery",
	Doc:        Doc,
	URL:        "https://github.com/sqlheat/sqlheat/blob/main/passes/handlerquery/doc.go",
	Requires:   []*analysis.Analyzer{routes.Analyzer, config.Analyzer},
	ResultType: finding.ResultType,
	Run:        guard.Run(run),
}

// Categories of the findings, for severity and the JSON "kind".
const (
	catDuplicate = "duplicate"
	catContext   = "context"
	catBudget    = "budget"
)

func run(pass *analysis.Pass) (any, error) {
	details := new(finding.Details)
	res, _ := pass.ResultOf[routes.Analyzer].(*routes.Result)
	cfg := config.For(pass)
	if res == nil || !cfg.Enabled(pass.Analyzer.Name) {
		return details, nil
	}
	c := &checker{pass: pass, budget: cfg.Budget, found: map[key]*report{}}
	for _, r := range res.Routes {
		c.duplicates(r)
		c.contexts(r)
		c.overBudget(r)
	}
	c.flush(details)
	return details, nil
}

type checker struct {
	pass   *analysis.Pass
	budget int
	found  map[key]*report
	order  []key
}

// A finding is one place and kind; the routes that share it (a middleware
// wraps several, a helper serves several handlers) are named together.
type key struct {
	pos token.Pos
	cat string
}

type report struct {
	routes  []*routes.Route
	message func(route string) string
	related []analysis.RelatedInformation
	detail  finding.Detail
}

func (c *checker) add(pos token.Pos, cat string, r *routes.Route, rep *report) {
	k := key{pos, cat}
	if old, ok := c.found[k]; ok {
		old.routes = append(old.routes, r)
		return
	}
	rep.routes = []*routes.Route{r}
	c.found[k] = rep
	c.order = append(c.order, k)
}

// flush reports each finding once, naming its first route and how many
// more share it.
func (c *checker) flush(details *finding.Details) {
	sort.SliceStable(c.order, func(i, j int) bool { return c.order[i].pos < c.order[j].pos })
	for _, k := range c.order {
		rep := c.found[k]
		name := routeName(rep.routes[0])
		if n := len(uniqueRoutes(rep.routes)) - 1; n > 0 {
			name += fmt.Sprintf(" (and %d more %s)", n, plural(n, "route", "routes"))
		}
		c.pass.Report(analysis.Diagnostic{Pos: k.pos, Category: k.cat, Message: rep.message(name), Related: rep.related})
		d := rep.detail
		d.Pos, d.Category = k.pos, k.cat
		details.Add(&d)
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
			if x == nil || !c.sameArgs(x, y) {
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
		for _, b := range again {
			_, y := diverge(a, b)
			related = append(related, analysis.RelatedInformation{Pos: y.Pos(), Message: "issued again here"})
		}
		times := "twice"
		if n := len(again) + 1; n > 2 {
			times = fmt.Sprintf("%d times", n)
		}
		q := a.Query
		at := c.line(again[0].Chain[0].Pos())
		via := c.via(a, first)
		c.add(first.Pos(), catDuplicate, r, &report{
			message: func(route string) string {
				return fmt.Sprintf("%s runs %s %s per request with the same arguments (here and at line %d%s): reuse the first result",
					route, sqlName(q), times, at, via)
			},
			related: related,
			detail:  c.detail(a, first),
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

// sameArgs reports whether two calls pass the same arguments (contexts
// and requests aside), with no variable among them reassigned in between:
// the same statement with other arguments fetches other rows.
func (c *checker) sameArgs(x, y *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	args := func(call *ast.CallExpr) []string {
		var out []string
		for _, a := range call.Args {
			if queries.CarriesRequest(info.TypeOf(a)) {
				continue
			}
			out = append(out, types.ExprString(a))
		}
		return out
	}
	ax, ay := args(x), args(y)
	if strings.Join(ax, "\x00") != strings.Join(ay, "\x00") {
		return false
	}
	// Same text: do the variables still hold the same values?
	vars := map[types.Object]bool{}
	for _, a := range x.Args {
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
		msg := c.ctxMessage(st)
		c.add(st.CtxAt.Pos(), catContext, r, &report{
			message: msg,
			detail:  c.detail(st, st.CtxAt),
		})
	}
}

func (c *checker) ctxMessage(st *routes.Step) func(string) string {
	info := c.pass.TypesInfo
	at := st.CtxAt
	site := sqlName(st.Query) + " (" + st.Query.Site + ")"
	direct := st.Direct && at == st.Call
	callee := calleeName(info, at)
	const why = "it keeps running, holding a connection, after the client cancels or times out"
	switch {
	case st.Ctx == queries.CtxNone && direct:
		return func(route string) string {
			return fmt.Sprintf("%s runs %s with %s, which takes no context: %s; use its Context form with r.Context()", route, site, callee, why)
		}
	case st.Ctx == queries.CtxNone:
		return func(route string) string {
			return fmt.Sprintf("%s calls %s, whose query %s takes no context: %s; give it a ctx parameter, use the query's Context form and pass r.Context()", route, callee, site, why)
		}
	case !direct && at == st.Call && st.Query.Ctx == queries.CtxBackground:
		return func(route string) string {
			return fmt.Sprintf("%s calls %s, whose query %s runs with context.Background() rather than its caller's context: %s; pass its ctx parameter through", route, callee, site, why)
		}
	}
	arg := ctxText(info, at)
	if arg == "" {
		arg = "a background context"
	}
	return func(route string) string {
		return fmt.Sprintf("%s passes %s to %s instead of the request's context: its query %s %s; pass r.Context()", route, arg, callee, site, strings.TrimPrefix(why, "it "))
	}
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
		own := 0
		for _, st := range req.Steps {
			if st.Body == r.Handler && st.Query.Loop == 0 {
				own += 1 + st.More
			}
		}
		if own > c.budget {
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
	c.add(r.Pos, catBudget, r, &report{
		message: func(route string) string {
			return fmt.Sprintf("%s %s, over the budget of %d (see Related): batch the lookups, or cache what does not change per request", route, summary, budget)
		},
		related: related,
		detail:  finding.Detail{Multiplicity: "once"},
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
	if strings.HasSuffix(over, "s") && len(over) > 1 {
		return strings.TrimSuffix(over, "s")
	}
	return over
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
	return d
}

// via names the function a call goes through, for messages.
func (c *checker) via(st *routes.Step, at *ast.CallExpr) string {
	if st.Direct && at == st.Call {
		return "" // the query itself: nothing in between
	}
	if name := calleeName(c.pass.TypesInfo, at); name != "" {
		return ", via " + name
	}
	return ""
}

func (c *checker) line(pos token.Pos) int { return c.pass.Fset.Position(pos).Line }

// calleeName prints the function a call calls: store.(*Store).GetOrder.
func calleeName(info *types.Info, call *ast.CallExpr) string {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return ""
	}
	return shortName(fn)
}

func shortName(fn *types.Func) string {
	sig, _ := fn.Type().(*types.Signature)
	pkg := ""
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Name() + "."
	}
	if sig == nil || sig.Recv() == nil {
		return pkg + fn.Name()
	}
	t := sig.Recv().Type()
	ptr := false
	if p, ok := t.(*types.Pointer); ok {
		t, ptr = p.Elem(), true
	}
	name := types.TypeString(t, func(*types.Package) string { return "" })
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = name[:i]
	}
	if ptr {
		return pkg + "(*" + name + ")." + fn.Name()
	}
	return pkg + name + "." + fn.Name()
}

// sqlName names a query for messages: its abbreviated SQL, or "a query".
func sqlName(q queries.Query) string {
	if q.SQL != "" {
		return fmt.Sprintf("%q", q.SQL)
	}
	return "a query"
}
