package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// CtxRequest is the context kind of a query that runs with the request's
// own context; the other kinds are the queries pass's (CtxBackground,
// CtxNone, CtxUnknown).
const CtxRequest = "request"

// Request is what one request of a route issues: the middlewares' queries,
// then the handler's.
type Request struct {
	Steps []*Step
	// Once is the number of queries issued once per request: in the
	// handler, on its heaviest path (branches of an if or switch count as
	// their costlier arm, a retry loop as one run); in a middleware, on its
	// cheapest path that goes on to the handler, since alternatives (an API
	// key, else a password) are paid one at a time. Loop says some are
	// issued per item.
	Once int
	Loop bool
}

// Step is one query a request issues, with the calls of this package that
// lead to it.
type Step struct {
	// Query is the query as the queries pass summarizes it (site, SQL,
	// fingerprint, kind); its Loop counts the per-item loops from the
	// route's handler down to the site, Via the calls beyond this package.
	Query queries.Query
	// Call is the call of this package that issues the query: the site
	// itself, or the call into the function (of another package, or not
	// followed) that reaches it. Chain is every call of this package from
	// the handler's body down to Call. Both are nil for a handler or
	// middleware in another package.
	Call  *ast.CallExpr
	Chain []*ast.CallExpr
	Body  *Handler // the handler or middleware whose request path it is on
	// Arms are the branches of if, switch and select statements around the
	// step: two steps in different arms of one statement never both run.
	Arms []Arm
	// Ctx is the context the query gets: CtxRequest, queries.CtxBackground,
	// queries.CtxNone or queries.CtxUnknown; CtxAt is the call of this
	// package that decides it (passes context.Background(), or calls the
	// context-less function).
	Ctx   string
	CtxAt *ast.CallExpr
	// Direct says Call is the query site itself (a database call, or a
	// call to a query wrapper, in this package).
	Direct bool
	Go     bool   // runs in a goroutine the request starts and waits for (one it does not wait for is not the request's)
	Over   string // what the innermost visible per-item loop iterates
	More   int    // further queries of the callee, beyond its summary's cap

	exit token.Pos // the step is in a block of the handler that returns, ending here
}

// Arm is one branch of a branching statement; Stmt numbers the statement.
type Arm struct{ Stmt, Branch int }

// Exclusive reports whether two steps can never both run on one request:
// they are in different arms of one if/switch, or one is in a block that
// returns from the handler before the other is reached.
func Exclusive(a, b *Step) bool {
	for _, x := range a.Arms {
		for _, y := range b.Arms {
			if x.Stmt == y.Stmt && x.Branch != y.Branch {
				return true
			}
		}
	}
	return returnsBefore(a, b) || returnsBefore(b, a)
}

func returnsBefore(a, b *Step) bool {
	return a.exit.IsValid() && a.Body == b.Body && len(b.Chain) > 0 && b.Chain[0].Pos() > a.exit
}

// maxInline bounds how deep calls to functions of this package are
// followed into their bodies (rather than summarized).
const maxInline = 6

// walker walks request paths: the body of a handler or middleware, and
// the functions of this package it calls, statement by statement, so that
// branches, early returns and the context passed down are seen.
type walker struct {
	a       *analyzer
	sites   map[*ast.CallExpr]*queries.Site
	calls   map[*ast.CallExpr]*queries.Call
	cache   map[any]*walked
	nextArm int
	acc     *[]*Step
}

type walked struct {
	steps []*Step
	cost  cost
	// min overrides cost.light for a middleware of another package, from
	// its fact.
	min    int
	hasMin bool
}

// cost counts the queries issued once per request along the paths of a
// body, in four classes: paths that fall through its end or returned,
// each having called the next handler (a middleware's wrapped handler)
// or not. A class keeps the fewest and most queries of its paths; loop
// says some query runs per item. The zero cost is one empty path.
type cost struct {
	set  bool
	p    [4]span
	loop bool
}

// The classes; withNext is a bit, so class|withNext has called next.
const (
	fell     = 0
	withNext = 1
	returned = 2
)

type span struct {
	ok       bool
	min, max int
}

func (s span) union(t span) span {
	switch {
	case !s.ok:
		return t
	case !t.ok:
		return s
	}
	return span{true, min(s.min, t.min), max(s.max, t.max)}
}

func (c cost) norm() cost {
	if !c.set {
		c.set, c.p[fell] = true, span{ok: true}
	}
	return c
}

// queriesCost is one path issuing n queries.
func queriesCost(n int) cost {
	c := cost{}.norm()
	c.p[fell] = span{true, n, n}
	return c
}

func classCost(class int) cost {
	c := cost{set: true}
	c.p[class] = span{ok: true}
	return c
}

// then runs d after c: c's returned paths end there, its others go on.
func (c cost) then(d cost) cost {
	c, d = c.norm(), d.norm()
	r := cost{set: true, loop: c.loop || d.loop}
	r.p[returned], r.p[returned|withNext] = c.p[returned], c.p[returned|withNext]
	for _, from := range []int{fell, fell | withNext} {
		x := c.p[from]
		if !x.ok {
			continue
		}
		for k, y := range d.p {
			if y.ok {
				r.p[k|from] = r.p[k|from].union(span{true, x.min + y.min, x.max + y.max})
			}
		}
	}
	return r
}

// or is either c or d.
func (c cost) or(d cost) cost {
	c, d = c.norm(), d.norm()
	r := cost{set: true, loop: c.loop || d.loop}
	for k := range r.p {
		r.p[k] = c.p[k].union(d.p[k])
	}
	return r
}

// resume turns returns into fall-through: a function followed from a
// call returns to its caller, which goes on.
func (c cost) resume() cost {
	c = c.norm()
	for _, k := range []int{fell, fell | withNext} {
		c.p[k] = c.p[k].union(c.p[k|returned])
		c.p[k|returned] = span{}
	}
	return c
}

// heavy is the most queries of any path.
func (c cost) heavy() int {
	m := 0
	for _, s := range c.norm().p {
		if s.ok {
			m = max(m, s.max)
		}
	}
	return m
}

// light is the fewest queries of a path that calls the next handler.
func (c cost) light() (int, bool) {
	c = c.norm()
	s := c.p[fell|withNext].union(c.p[returned|withNext])
	return s.min, s.ok
}

// frame is a function being walked: the handler's body at the top, then
// each function of this package followed from a call.
type frame struct {
	parent *frame
	call   *ast.CallExpr      // the call that entered this function
	params map[*types.Var]int // this function's parameters, by index
	top    map[*types.Var]bool
	chain  []*ast.CallExpr
	arms   []Arm
	loops  int    // per-item loops around call, from the top
	over   string // the innermost of them
	goStmt bool
	inLit  bool // in a callback run in place: its returns are its own
	exit   token.Pos
	depth  int
	fn     *types.Func
	body   *Handler
}

func (f *frame) with(arm Arm) *frame {
	g := *f
	g.arms = append(append([]Arm(nil), f.arms...), arm)
	return &g
}

func newWalker(a *analyzer) *walker {
	w := &walker{
		a:     a,
		sites: map[*ast.CallExpr]*queries.Site{},
		calls: map[*ast.CallExpr]*queries.Call{},
		cache: map[any]*walked{},
	}
	if a.q != nil {
		for _, s := range a.q.Sites {
			w.sites[s.Call] = s
		}
		for _, c := range a.q.Calls {
			w.calls[c.Call] = c
		}
	}
	return w
}

// request sums the route's bodies: middlewares, outermost first, then the
// handler.
func (a *analyzer) request(r *Route) *Request {
	req := &Request{}
	for i, h := range append(append([]*Handler(nil), r.Middlewares...), r.Handler) {
		b := a.w.body(h)
		req.Steps = append(req.Steps, b.steps...)
		req.Once += b.once(i < len(r.Middlewares))
		req.Loop = req.Loop || b.cost.loop
	}
	return req
}

// once is what a body adds to a request: a middleware its cheapest path
// to the handler, when it calls one visibly; otherwise its heaviest.
func (b *walked) once(middleware bool) int {
	if middleware {
		if b.hasMin {
			return b.min
		}
		if n, ok := b.cost.light(); ok {
			return n
		}
	}
	return b.cost.heavy()
}

// body walks one handler or middleware once; routes sharing it share the
// result.
func (w *walker) body(h *Handler) *walked {
	if h == nil {
		return &walked{}
	}
	node, ft, body := h.body()
	var k any = h
	switch {
	case node != nil:
		k = node
	case h.Func != nil:
		k = h.Func
	}
	if r, ok := w.cache[k]; ok {
		return r
	}
	r := &walked{}
	w.cache[k] = r // a handler reaching itself counts once
	switch {
	case node != nil:
		top := map[*types.Var]bool{}
		for _, field := range ft.Params.List {
			for _, name := range field.Names {
				if v, ok := w.a.pass.TypesInfo.Defs[name].(*types.Var); ok {
					top[v] = true
				}
			}
		}
		saved := w.acc
		w.acc = &r.steps
		r.cost = w.block(body.List, &frame{top: top, body: h, fn: h.Func})
		w.acc = saved
	case h.Fact != nil:
		r.steps, _ = external(h, h.Fact.Queries, h.Fact.More)
		r.cost = queriesCost(h.Fact.Once) // its heaviest path, not every query it has
		r.cost.loop = h.Fact.Loop
		r.min, r.hasMin = h.Fact.Min, h.Fact.HasMin
	case h.Func != nil && (h.Any || httpapi.IsHandlerSig(h.Func.Type().(*types.Signature)) || httpapi.IsControllerMethod(h.Func)):
		if sum := w.a.q.Summary(h.Func); sum != nil {
			r.steps, r.cost = external(h, sum.Queries, sum.More)
			if k, ok := w.costOf(h.Func); ok {
				loop := r.cost.loop || k.Loop
				r.cost = queriesCost(k.Once)
				r.cost.loop = loop
			}
		}
	}
	return r
}

// external turns the summary of a handler in another package into steps:
// its queries are counted, but its code is checked where it lives.
func external(h *Handler, qs []queries.Query, more int) ([]*Step, cost) {
	var steps []*Step
	var c cost
	for _, q := range qs {
		ctx := q.Ctx
		if ctx == queries.CtxParam {
			ctx = CtxRequest // a handler's parameters are the request
		}
		steps = append(steps, &Step{Query: q, Body: h, Ctx: ctx})
		c = c.then(count(q))
	}
	c = c.then(queriesCost(more))
	if len(steps) > 0 {
		steps[len(steps)-1].More = more
	}
	return steps, c
}

func count(q queries.Query) cost {
	if q.Loop > 0 {
		return cost{loop: true}
	}
	return queriesCost(1)
}

// block walks a statement list. `if cond { ...; return }` followed by more
// statements is a branch whose other arm is the rest of the list: a query
// in the early return and one after it never both run.
func (w *walker) block(list []ast.Stmt, f *frame) cost {
	var c cost
	for i, s := range list {
		if ifs, ok := s.(*ast.IfStmt); ok && ifs.Else == nil && i+1 < len(list) && terminates(ifs.Body.List, false) {
			c = c.then(w.nodes(f, ifs.Init, ifs.Cond))
			id := w.arm()
			x := w.block(ifs.Body.List, w.exiting(f.with(Arm{id, 0}), ifs.Body))
			y := w.block(list[i+1:], f.with(Arm{id, 1}))
			return c.then(x.or(y))
		}
		c = c.then(w.stmt(s, f))
	}
	return c
}

// exiting marks the steps of a block that returns from the handler.
func (w *walker) exiting(f *frame, b *ast.BlockStmt) *frame {
	if f.parent == nil && !f.inLit && terminates(b.List, true) {
		g := *f
		g.exit = b.End()
		return &g
	}
	return f
}

func (w *walker) arm() int { w.nextArm++; return w.nextArm }

func (w *walker) stmt(s ast.Stmt, f *frame) cost {
	switch s := s.(type) {
	case *ast.BlockStmt:
		return w.block(s.List, w.exiting(f, s))
	case *ast.LabeledStmt:
		return w.stmt(s.Stmt, f)
	case *ast.IfStmt:
		c := w.nodes(f, s.Init, s.Cond)
		id := w.arm()
		x := w.block(s.Body.List, w.exiting(f.with(Arm{id, 0}), s.Body))
		var y cost
		if s.Else != nil {
			y = w.stmt(s.Else, f.with(Arm{id, 1}))
		}
		return c.then(x.or(y))
	case *ast.SwitchStmt:
		return w.nodes(f, s.Init, s.Tag).then(w.clauses(s.Body, f))
	case *ast.TypeSwitchStmt:
		return w.nodes(f, s.Init, s.Assign).then(w.clauses(s.Body, f))
	case *ast.SelectStmt:
		return w.clauses(s.Body, f)
	case *ast.ForStmt:
		// Per-item multiplicity comes from the queries pass's loops.
		return w.nodes(f, s.Init, s.Cond, s.Post).then(w.block(s.Body.List, f))
	case *ast.RangeStmt:
		return w.nodes(f, s.X).then(w.block(s.Body.List, f))
	case *ast.GoStmt:
		if !w.a.waited(s) {
			// A goroutine the request does not wait for runs beside it:
			// what the statement evaluates now (the function value, its
			// arguments) is the request's, the goroutine's queries are
			// not.
			return w.nodes(f, append([]ast.Node{s.Call.Fun}, exprs(s.Call.Args)...)...)
		}
		g := *f
		g.goStmt = true
		return w.nodes(&g, s.Call)
	case *ast.ReturnStmt:
		return w.nodes(f, s).then(classCost(returned))
	case *ast.ExprStmt:
		if terminates([]ast.Stmt{s}, true) { // panic, os.Exit
			return w.nodes(f, s).then(classCost(returned))
		}
	}
	return w.nodes(f, s)
}

// clauses walks the cases of a switch or select as exclusive arms.
func (w *walker) clauses(body *ast.BlockStmt, f *frame) cost {
	id := w.arm()
	var c cost
	c = cost{set: true} // no path yet: each clause adds its own
	hasDefault := false
	for k, cl := range body.List {
		g := f.with(Arm{id, k})
		var x cost
		switch cl := cl.(type) {
		case *ast.CaseClause:
			hasDefault = hasDefault || cl.List == nil
			for _, e := range cl.List {
				x = x.then(w.nodes(g, e))
			}
			x = x.then(w.block(cl.Body, w.exitingList(g, cl.Body, cl.End())))
		case *ast.CommClause:
			hasDefault = true // a select blocks until one runs
			x = w.nodes(g, cl.Comm).then(w.block(cl.Body, w.exitingList(g, cl.Body, cl.End())))
		}
		c = c.or(x)
	}
	if !hasDefault {
		c = c.or(cost{}) // no case matches: nothing runs
	}
	return c
}

func (w *walker) exitingList(f *frame, list []ast.Stmt, end token.Pos) *frame {
	if f.parent == nil && !f.inLit && terminates(list, true) {
		g := *f
		g.exit = end
		return &g
	}
	return f
}

// nodes walks expressions and simple statements for the calls in them.
func (w *walker) nodes(f *frame, ns ...ast.Node) cost {
	var c cost
	for _, n := range ns {
		if n == nil {
			continue
		}
		ast.Inspect(n, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.FuncLit:
				return false // a closure runs when it is called, not here
			case *ast.CallExpr:
				c = c.then(w.call(x, f))
				return false
			}
			return true
		})
	}
	return c
}

// call walks the receiver chain and arguments of a call (they run first),
// callbacks run in place, then the call itself.
func (w *walker) call(call *ast.CallExpr, f *frame) cost {
	info := w.a.pass.TypesInfo
	var c cost
	if w.isNext(call, f) {
		return w.nodes(f, call.Fun).then(w.nodes(f, exprs(call.Args)...)).then(classCost(fell | withNext))
	}
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		c = c.then(w.inPlace(lit, f)) // func() { ... }()
	} else {
		c = c.then(w.nodes(f, call.Fun))
	}
	conversion := false
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		conversion = true
	}
	callee, _ := typeutil.Callee(info, call).(*types.Func)
	_, later := queries.StartsLater(callee)
	for _, arg := range call.Args {
		if lit, ok := ast.Unparen(arg).(*ast.FuncLit); ok {
			// A callback (a transaction's body) runs during the call; a
			// handler passed on does not run on this request, nor does
			// a function a timer or a scheduler runs later, on its own.
			sig, _ := info.TypeOf(lit).(*types.Signature)
			if !conversion && !later && !httpapi.IsHandlerSig(sig) && !httpapi.IsMiddlewareSig(sig) {
				c = c.then(w.inPlace(lit, f))
			}
			continue
		}
		c = c.then(w.nodes(f, arg))
	}
	return c.then(w.issue(call, f))
}

func (w *walker) inPlace(lit *ast.FuncLit, f *frame) cost {
	g := *f
	g.inLit = true
	return w.block(lit.Body.List, &g).resume()
}

// isNext reports whether a call of a middleware's body runs the handler
// it wraps: next(w, r), next.ServeHTTP(w, r), echo's next(c), gin's
// c.Next(). next is a handler-typed parameter of the function that made
// the closure, or of a helper it is handed to.
func (w *walker) isNext(call *ast.CallExpr, f *frame) bool {
	top := f
	for top.parent != nil {
		top = top.parent // a helper the closure hands next to: serve(w, r, next)
	}
	info := w.a.pass.TypesInfo
	fun := ast.Unparen(call.Fun)
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		if fn, ok := info.Uses[sel.Sel].(*types.Func); ok && httpapi.IsNext(fn) {
			return true
		}
		if sel.Sel.Name != "ServeHTTP" {
			return false
		}
		fun = ast.Unparen(sel.X)
	}
	id, ok := fun.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && httpapi.IsHandlerType(v.Type()) && w.a.isParam(v) && !top.top[v]
}

func exprs(es []ast.Expr) []ast.Node {
	out := make([]ast.Node, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// issue records what the call itself sends: a query site, or the queries
// of the function it calls — followed into its body when it is in this
// package, so that its branches and the context it passes are seen.
func (w *walker) issue(call *ast.CallExpr, f *frame) cost {
	if s := w.sites[call]; s != nil {
		q := s.Entry
		if !q.Once { // a cache fill runs once, in whatever loop
			q.Loop = min(q.Loop+f.loops, maxLoop)
		}
		st := w.step(call, f, q, innermost(s.Loops, f.over))
		st.Direct = true
		return count(st.Query)
	}
	qc := w.calls[call]
	if qc == nil {
		return cost{}
	}
	fn, _ := typeutil.Callee(w.a.pass.TypesInfo, call).(*types.Func)
	if fn != nil {
		fn = fn.Origin()
	}
	if d := w.a.decls[fn]; d != nil && f.depth < maxInline && !f.entered(fn) {
		g := &frame{
			parent: f,
			call:   call,
			fn:     fn,
			params: params(fn),
			chain:  append(append([]*ast.CallExpr(nil), f.chain...), call),
			arms:   f.arms,
			loops:  f.loops + perItem(qc.Loops),
			over:   innermost(qc.Loops, f.over),
			goStmt: f.goStmt,
			inLit:  f.inLit,
			exit:   f.exit,
			depth:  f.depth + 1,
			body:   f.body,
		}
		return w.block(d.Body.List, g).resume()
	}
	var c cost
	var last *Step
	for _, q := range qc.Summary.Queries {
		if !q.Once {
			q.Loop = min(q.Loop+perItem(qc.Loops)+f.loops, maxLoop)
		}
		last = w.step(call, f, q, innermost(qc.Loops, f.over))
		c = c.then(count(last.Query))
	}
	if last != nil {
		last.More = qc.Summary.More
	}
	c = c.then(queriesCost(qc.Summary.More))
	if k, ok := w.costOf(fn); ok {
		// The callee's heaviest path, not every query it can issue; per
		// item when the call itself repeats per item.
		if perItem(qc.Loops)+f.loops > 0 && !fillsOnly(qc.Summary) {
			c = cost{loop: k.Once > 0 || k.Loop}
		} else {
			c = queriesCost(k.Once)
			c.loop = k.Loop
		}
	}
	return c
}

// fillsOnly says whether every query a summary lists fills a cache (see
// queries.Query.Once): a call of its function per item runs each once,
// as a cache fill the function runs itself does (see issue).
func fillsOnly(s *queries.IssuesQueries) bool {
	return s != nil && len(s.Queries) > 0 && s.More == 0 && !slices.ContainsFunc(s.Queries, func(q queries.Query) bool { return !q.Once })
}

// costOf is the Cost fact of a function of another package.
func (w *walker) costOf(fn *types.Func) (Cost, bool) {
	var k Cost
	if fn == nil || fn.Pkg() == w.a.pass.Pkg {
		return k, false
	}
	ok := w.a.pass.ImportObjectFact(fn.Origin(), &k)
	return k, ok
}

// maxLoop is the queries pass's cap on recorded loop nesting.
const maxLoop = 3

func (f *frame) entered(fn *types.Func) bool {
	for ; f != nil; f = f.parent {
		if f.fn == fn {
			return true
		}
	}
	return false
}

// step records a query issued by call.
func (w *walker) step(call *ast.CallExpr, f *frame, q queries.Query, over string) *Step {
	st := &Step{
		Query: q,
		Call:  call,
		Chain: append(append([]*ast.CallExpr(nil), f.chain...), call),
		Body:  f.body,
		Arms:  f.arms,
		Go:    f.goStmt,
		Over:  over,
		exit:  f.exit,
	}
	st.Ctx, st.CtxAt = q.Ctx, call
	if q.Ctx == queries.CtxParam {
		// Relative to the function holding the call: follow what it passes.
		st.Ctx = queries.CtxUnknown
		if arg := queries.ContextArg(w.a.pass.TypesInfo, call); arg != nil {
			st.Ctx, st.CtxAt = w.ctx(f, arg, call)
		}
	}
	*w.acc = append(*w.acc, st)
	return st
}

// ctx classifies a context expression in frame f: the handler's own
// parameters are the request; a parameter of a function followed from a
// call is what that call passed, classified in the caller. The call
// returned is where the kind is decided.
func (w *walker) ctx(f *frame, e ast.Expr, at *ast.CallExpr) (string, *ast.CallExpr) {
	origin := at
	kind := queries.ContextOf(w.a.pass.TypesInfo, e, func(v *types.Var) (string, bool) {
		for fr := f; fr != nil; fr = fr.parent {
			if fr.parent == nil {
				if fr.top[v] {
					return CtxRequest, true
				}
				break
			}
			if i, ok := fr.params[v]; ok {
				if i >= len(fr.call.Args) {
					return queries.CtxUnknown, true
				}
				k, o := w.ctx(fr.parent, fr.call.Args[i], fr.call)
				origin = o
				return k, true
			}
		}
		if w.a.isParam(v) {
			return queries.CtxUnknown, true // a callback's or an outer function's
		}
		return "", false
	}, func(v *types.Var) []ast.Expr { return w.a.writes[v] })
	return kind, origin
}

func params(fn *types.Func) map[*types.Var]int {
	sig := fn.Type().(*types.Signature)
	m := map[*types.Var]int{}
	for i := 0; i < sig.Params().Len(); i++ {
		m[sig.Params().At(i)] = i
	}
	return m
}

func perItem(loops []*queries.Loop) int {
	n := 0
	for _, l := range loops {
		if l.Kind.PerItem() {
			n++
		}
	}
	return n
}

// innermost names the innermost per-item loop, or keeps the outer name.
func innermost(loops []*queries.Loop, outer string) string {
	for i := len(loops) - 1; i >= 0; i-- {
		if loops[i].Kind.PerItem() {
			return loops[i].Over
		}
	}
	return outer
}

// terminates reports whether a statement list ends by leaving: a return or
// panic (and, unless leave is set, also break, continue or goto, which
// skip the rest of a loop body).
func terminates(list []ast.Stmt, leave bool) bool {
	if len(list) == 0 {
		return false
	}
	switch s := list[len(list)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return !leave && s.Tok != token.FALLTHROUGH
	case *ast.ExprStmt:
		if call, ok := s.X.(*ast.CallExpr); ok {
			switch fun := ast.Unparen(call.Fun).(type) {
			case *ast.Ident:
				return fun.Name == "panic"
			case *ast.SelectorExpr:
				if x, ok := fun.X.(*ast.Ident); ok {
					switch x.Name + "." + fun.Sel.Name {
					case "os.Exit", "log.Fatal", "log.Fatalf", "log.Fatalln", "log.Panic", "log.Panicf":
						return true
					}
				}
			}
		}
	}
	return false
}
