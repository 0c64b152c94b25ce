package program

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/sqlheat/sqlheat/passes/queries"
	"github.com/sqlheat/sqlheat/passes/routes"
)

// Many small services register one catch-all handler and dispatch
// inside it, on the request's method and path:
//
//	func (s *Server) handleInternal(w http.ResponseWriter, r *http.Request) error {
//		if r.Method == http.MethodGet && r.URL.Path == apiHealthPath {
//			return s.handleHealth(w, r)
//		} else if r.Method == http.MethodDelete && r.URL.Path == apiAccountPath {
//			return s.ensureUser(s.handleAccountDelete)(w, r)
//		} else if r.Method == http.MethodGet && topicPathRegex.MatchString(r.URL.Path) {
//			...
//		}
//		return errNotFound
//	}
//
// Read as one route, the catch-all ran every endpoint's queries at once.
// Such a dispatcher — the route's handler, or a function it calls with
// the request (or a closure of its own), a few calls down — is split into
// its endpoints: the first if/else-if chain or switch of its body whose
// arms test the request's path against a constant, in at least two arms,
// is a list of routes. An arm's conditions are read as a conjunction:
// r.Method == constant (or several ORed) gives the methods, and the path
// test the pattern — r.URL.Path == constant, strings.HasPrefix(r.URL.Path,
// constant) as the constant followed by "…", a package-level regexp with
// a constant pattern (regexp.MustCompile(`^/x$`).MatchString(r.URL.Path))
// as "re:" and its pattern; several ORed, one route each. Any other test
// in the arm (a setting, a header) is left as it is: the arm may run. Each
// derived route, registered at its arm, runs what the functions down to
// the dispatcher run besides the call on (the shared prelude: the visitor
// the request authenticates), and in the dispatcher, all but the other
// arms (and, when its own arm returns, what follows the chain). The
// catch-all route stays, with what no derived arm claims: arms testing
// other things (OPTIONS for any path), and the fall-through.
//
// A handler that only checks r.Method to reject others, a middleware's
// path guard (see pathguards.go) and a chain on headers have fewer than
// two arms testing the path, and are left alone.

// dispatchSplit is a route's dispatcher, when its handler has one.
type dispatchSplit struct {
	chain []*Func // the handler's function down to the dispatcher
	via   []*Call // via[i] is chain[i]'s call of chain[i+1]
	arms  []*dispatchArm
	// rest are the arms the method alone decides (OPTIONS for any path):
	// the catch-all's, as is the fall-through.
	rest []*dispatchArm
	end  token.Pos // the chain's end
	// bodies are those of every arm of the chain, derived or not (an
	// else, a default): a request runs one of them.
	bodies [][2]token.Pos
}

// dispatchArm is one arm of a dispatcher's chain.
type dispatchArm struct {
	methods []string
	paths   []string
	pos     token.Pos
	lo, hi  token.Pos // its body
	returns bool      // its body ends in a return
	handler string
	mws     []string
	// callAt is the arm's call of what a constructor made
	// (s.limitRequests(s.handleFile)(w, r)), madeAt that constructor's
	// call: the wrapper runs what this call passed it (see adapters.go).
	callAt, madeAt token.Pos
	// wraps are the constructors of the wrappers around leaf, the
	// handler, outermost first (see wrapperParts).
	wraps []*types.Func
	leaf  *types.Func
}

// callSet is a set of calls; a pointer to one keeps Part comparable.
type callSet struct{ calls map[*Call]bool }

func (s *callSet) has(c *Call) bool { return s != nil && s.calls[c] }

// derived is a route split off a dispatcher: which split and arm.
type derived struct {
	split *dispatchSplit
	arm   *dispatchArm
}

const maxDispatchDepth = 3

// Dispatched are the routes split off r's dispatcher (see above), none
// when its handler has none. RouteEntry gives each what its arm runs,
// and r what no arm of them claims.
func (p *Program) Dispatched(r *routes.Route) []*routes.Route {
	d := p.dispatchOf(r)
	if d == nil {
		return p.tableDispatched(r) // see tabledispatch.go
	}
	var out []*routes.Route
	for _, a := range d.arms {
		methods := a.methods
		if len(methods) == 0 {
			methods = []string{r.Method}
		}
		for _, m := range methods {
			for _, path := range a.paths {
				dr := *r
				dr.Method, dr.Pattern, dr.Key, dr.Pos = m, path, m+" "+path, a.pos
				dr.Request = nil // the pass's steps are the catch-all's
				h := *r.Handler  // what RouteEntry starts from: the catch-all's
				if a.handler != "" {
					h.Name = a.handler // else the arm's own code: the catch-all's
				}
				dr.Handler = &h
				var mws []*routes.Handler
				mws = append(mws, r.Middlewares...)
				for _, n := range a.mws {
					mws = append(mws, &routes.Handler{Name: n})
				}
				dr.Middlewares = mws
				if p.derivedOf == nil {
					p.derivedOf = map[*routes.Route]derived{}
				}
				p.derivedOf[&dr] = derived{d, a}
				out = append(out, &dr)
			}
		}
	}
	return out
}

// dispatchParts are the parts of a route split off a dispatcher, or of
// the catch-all that keeps the rest, in place of the handler's part;
// nil when r is neither.
func (p *Program) dispatchParts(r *routes.Route, parts []Part) []Part {
	d, own := p.derivedOf[r]
	if _, row := p.tableOf[r]; row || !own && p.dispatchOf(r) == nil {
		return p.tableParts(r, parts) // see tabledispatch.go
	}
	split := d.split
	if split == nil {
		split = p.dispatchOf(r)
	}
	if split == nil {
		return nil
	}
	return splitParts(parts, split.chain, func(i int, f *Func) (map[*Call]bool, []Part) {
		skip := map[*Call]bool{}
		if i < len(split.via) {
			skip[split.via[i]] = true
		} else {
			for _, c := range f.Calls {
				if split.skips(own, d.arm, c.Pos) {
					skip[c] = true
				}
			}
		}
		var made []Part
		switch {
		case i < len(split.via):
		case own:
			made = p.armMade(f, d.arm, skip)
		default:
			for _, a := range split.rest {
				made = append(made, p.armMade(f, a, skip)...)
			}
		}
		return skip, made
	}, nil)
}

// splitParts puts, in place of the handler's part of parts that runs
// chain[0] (see handlerPart), one part per function of the chain a split
// route runs, each without the calls each says to skip and followed by
// the parts it adds, then last; nil when no handler part runs chain[0].
// The dispatchers (dispatchParts, tableParts) say what each skips.
func splitParts(parts []Part, chain []*Func, each func(i int, f *Func) (skip map[*Call]bool, extra []Part), last []Part) []Part {
	at := handlerPart(parts, chain[0])
	if at < 0 {
		return nil
	}
	out := append([]Part(nil), parts[:at]...)
	for i, f := range chain {
		skip, extra := each(i, f)
		out = append(out, Part{From: "handler", Func: f, skip: &callSet{skip}})
		out = append(out, extra...)
	}
	out = append(out, last...)
	return append(out, parts[at+1:]...)
}

// handlerPart is the index of the last of parts that is the handler's
// own and runs f, -1 when none is: where a split route's chain of
// functions goes.
func handlerPart(parts []Part, f *Func) int {
	at := -1
	for i, part := range parts {
		if part.From == "handler" && part.Func == f {
			at = i
		}
	}
	return at
}

// armMade are the parts an arm's call of a made handler runs
// (s.ensureUser(s.handleX)(w, r): ensureUser's closure, bound to
// handleX, see adapters.go), that call then skipped in the dispatcher's
// part; none when the graph has no adapter for it.
func (p *Program) armMade(f *Func, arm *dispatchArm, skip map[*Call]bool) []Part {
	if !arm.madeAt.IsValid() {
		return nil
	}
	for _, c := range f.Calls {
		if c.Pos != arm.callAt || skip[c] {
			continue
		}
		if ps := p.wrapperParts(arm); ps != nil {
			skip[c] = true
			return ps
		}
		var parts []Part
		for _, g := range c.Callees {
			ps := p.adapt(arm.madeAt, g)
			if ps == nil {
				return nil
			}
			for _, part := range ps {
				placeCopies(part.Func, 0)
			}
			parts = append(parts, ps...)
		}
		if len(parts) == 0 {
			return nil
		}
		skip[c] = true
		return parts
	}
	return nil
}

// wrapperParts are the parts of an arm's call of what wrappers made
// around its handler (s.ensureUser(s.handleX)(w, r)), the adapter's
// binding failing where a wrapper returns what another makes
// (ensureAdmin's return s.ensureUserManager(func(...) { ... next(w, r)
// }): the inner wrapper's next is every closure handed to it). They are
// read as a router's middlewares are: each closure the
// wrappers make, directly or through the constructors they call, runs
// its own code, not its calls of a function value it was handed (the
// next handler: every handler any call of it passed, to the graph);
// the arm's handler is a part of its own. None unless every wrapper
// and the handler are the module's.
func (p *Program) wrapperParts(arm *dispatchArm) []Part {
	h := p.Func(arm.leaf)
	if h == nil || len(arm.wraps) == 0 {
		return nil
	}
	var parts []Part
	seen := map[*Func]bool{}
	var add func(name string, f *Func, depth int)
	add = func(name string, f *Func, depth int) {
		for _, cl := range f.anon {
			if seen[cl] {
				continue
			}
			seen[cl] = true
			info := p.info(cl)
			skip := map[*Call]bool{}
			for _, c := range cl.Calls {
				if info != nil && c.Expr != nil && calledValue(info, c.Expr) {
					skip[c] = true
				}
			}
			parts = append(parts, Part{From: name, Func: cl, skip: &callSet{skip}})
		}
		if depth > 2 {
			return
		}
		for _, c := range f.Calls {
			for _, g := range c.Callees {
				if c.Static && !g.closure && g.sig != nil && g.sig.Results().Len() == 1 && !seen[g] {
					if _, isFunc := g.sig.Results().At(0).Type().Underlying().(*types.Signature); isFunc {
						seen[g] = true
						add(name, g, depth+1)
					}
				}
			}
		}
	}
	for _, w := range arm.wraps {
		f := p.Func(w)
		if f == nil {
			return nil
		}
		add(queries.FuncName(w), f, 0)
	}
	return append(parts, Part{From: "handler", Func: h})
}

// calledValue reports whether call calls a variable of func type (a
// parameter, a captured one): what a wrapper was handed.
func calledValue(info *types.Info, call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	_, isFunc := v.Type().Underlying().(*types.Signature)
	return isFunc
}

// placeCopies gives the closures' copies bound to a constructor's call
// that f's calls reach (the wrapper inside a wrapper:
// s.ensureUser(s.withSync(s.handleX))), made for a route's adapter
// after the graph's components, a component of their own, as adapt does
// for its copy.
func placeCopies(f *Func, depth int) {
	if depth > 8 {
		return
	}
	for _, c := range f.Calls {
		for _, h := range c.Callees {
			if h.scc == nil && h.origin != nil {
				h.scc = &scc{members: []*Func{h}}
				placeCopies(h, depth+1)
			}
		}
	}
}

// skips says whether the dispatcher's code at pos is not run by the
// route of arm (own), or by the catch-all (!own): the other arms, and
// what follows the chain when the arm returns; the derived arms.
func (d *dispatchSplit) skips(own bool, arm *dispatchArm, pos token.Pos) bool {
	if !own {
		for _, a := range d.arms {
			if a.lo <= pos && pos < a.hi {
				return true
			}
		}
		return false
	}
	for _, b := range d.bodies {
		if b[0] <= pos && pos < b[1] && b[0] != arm.lo {
			return true
		}
	}
	return arm.returns && pos >= d.end
}

// dispatchOf finds r's dispatcher, nil when its handler has none.
func (p *Program) dispatchOf(r *routes.Route) *dispatchSplit {
	if r == nil || r.Handler == nil || r.Framework == "" || !r.Registered {
		return nil
	}
	if _, ok := p.derivedOf[r]; ok {
		return nil
	}
	if _, ok := p.tableOf[r]; ok {
		return nil
	}
	if !strings.HasSuffix(r.Pattern, "/") {
		return nil // a subtree's catch-all only
	}
	for _, m := range r.Middlewares {
		if m.Func == nil && m.Lit == nil && m.Name == stripPrefix {
			return nil
		}
	}
	hs := p.handlerFuncs(r.Handler)
	if len(hs) != 1 {
		return nil
	}
	type step struct {
		f     *Func
		chain []*Func
		via   []*Call
	}
	work := []step{{f: hs[0], chain: []*Func{hs[0]}}}
	seen := map[*Func]bool{hs[0]: true}
	for len(work) > 0 {
		s := work[0]
		work = work[1:]
		if d := p.readDispatch(s.f, r.Pattern); d != nil {
			d.chain, d.via = s.chain, s.via
			return d
		}
		if len(s.chain) > maxDispatchDepth {
			continue
		}
		for _, c := range s.f.Calls {
			for _, g := range c.Callees {
				if seen[g] || g.Synthetic || !(g.sig != nil && takesRequest(g.sig) || g.closure && g.Decl == s.f.Decl) {
					continue
				}
				seen[g] = true
				work = append(work, step{
					f:     g,
					chain: append(append([]*Func(nil), s.chain...), g),
					via:   append(append([]*Call(nil), s.via...), c),
				})
			}
		}
	}
	return nil
}

func isRequest(t types.Type) bool {
	ptr, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	return isNamed(ptr.Elem(), "net/http", "Request")
}

// readDispatch reads f's body for a dispatching chain under the route's
// pattern (the paths must be under its literal prefix).
func (p *Program) readDispatch(f *Func, pattern string) *dispatchSplit {
	var body *ast.BlockStmt
	switch s := f.syntax.(type) {
	case *ast.FuncDecl:
		body = s.Body
	case *ast.FuncLit:
		body = s.Body
	}
	info := p.info(f)
	if body == nil || info == nil || f.scc != nil && f.scc.cyclic {
		return nil
	}
	rd := &dispatchReader{p: p, f: f, info: info}
	for _, st := range body.List {
		var arms []*dispatchArm
		var bodies [][2]token.Pos
		switch s := st.(type) {
		case *ast.IfStmt:
			for cur := s; cur != nil; {
				arms = append(arms, rd.arm(cur.Pos(), cur.Cond, nil, cur.Body))
				bodies = append(bodies, [2]token.Pos{cur.Body.Pos(), cur.Body.End()})
				switch e := cur.Else.(type) {
				case *ast.IfStmt:
					cur = e
				case *ast.BlockStmt:
					bodies = append(bodies, [2]token.Pos{e.Pos(), e.End()})
					cur = nil
				default:
					cur = nil
				}
			}
		case *ast.SwitchStmt:
			if s.Init != nil {
				continue
			}
			for _, cc := range s.Body.List {
				clause := cc.(*ast.CaseClause)
				if len(clause.Body) > 0 {
					bodies = append(bodies, [2]token.Pos{clause.Body[0].Pos(), clause.Body[len(clause.Body)-1].End()})
				}
				if len(clause.List) == 0 {
					continue // default: the catch-all's
				}
				var cond ast.Expr
				for _, e := range clause.List {
					if s.Tag != nil {
						e = &ast.BinaryExpr{X: s.Tag, Op: token.EQL, Y: e, OpPos: e.Pos()}
					}
					if cond == nil {
						cond = e
					} else {
						cond = &ast.BinaryExpr{X: cond, Op: token.LOR, Y: e, OpPos: e.Pos()}
					}
				}
				arms = append(arms, rd.arm(clause.Pos(), cond, clause.Body, nil))
			}
		default:
			continue
		}
		var kept, rest []*dispatchArm
		for _, a := range arms {
			switch {
			case a == nil:
			case len(a.paths) > 0 && underPattern(a.paths, pattern):
				kept = append(kept, a)
			default:
				rest = append(rest, a)
			}
		}
		if len(kept) >= 2 {
			return &dispatchSplit{arms: kept, rest: rest, end: st.End(), bodies: bodies}
		}
	}
	return nil
}

// underPattern reports whether every path is under the subtree pattern.
func underPattern(paths []string, pattern string) bool {
	prefix := pattern
	if i := strings.IndexByte(prefix, ' '); i >= 0 {
		prefix = prefix[i+1:]
	}
	for _, s := range paths {
		if !strings.HasPrefix(s, "re:") && !strings.HasPrefix(s, prefix) {
			return false
		}
	}
	return true
}

type dispatchReader struct {
	p    *Program
	f    *Func
	info *types.Info
}

// arm reads one arm: nil when its condition tests no path.
func (rd *dispatchReader) arm(pos token.Pos, cond ast.Expr, stmts []ast.Stmt, block *ast.BlockStmt) *dispatchArm {
	methods, paths, ok := rd.cond(cond)
	if !ok {
		return nil
	}
	a := &dispatchArm{methods: methods, paths: paths, pos: pos}
	if block != nil {
		stmts = block.List
		a.lo, a.hi = block.Pos(), block.End()
	} else if len(stmts) > 0 {
		a.lo, a.hi = stmts[0].Pos(), stmts[len(stmts)-1].End()
	}
	if len(stmts) == 0 {
		return nil
	}
	for _, st := range stmts {
		var call *ast.CallExpr
		switch s := st.(type) {
		case *ast.ReturnStmt:
			if len(s.Results) > 0 {
				call, _ = ast.Unparen(s.Results[0]).(*ast.CallExpr)
			}
		case *ast.ExprStmt:
			call, _ = ast.Unparen(s.X).(*ast.CallExpr)
		}
		if call != nil && a.handler == "" {
			a.handler, a.mws = rd.handler(call, a)
			if inner, ok := ast.Unparen(call.Fun).(*ast.CallExpr); ok {
				a.callAt, a.madeAt = call.Lparen, inner.Lparen
			}
		}
	}
	_, a.returns = stmts[len(stmts)-1].(*ast.ReturnStmt)
	return a
}

// handler names what an arm's call runs: h(w, r) is h; w1(w2(h))(w, r)
// is h behind the middlewares w1, w2.
func (rd *dispatchReader) handler(call *ast.CallExpr, a *dispatchArm) (string, []string) {
	var mws []string
	var wraps []*types.Func
	fun := ast.Unparen(call.Fun)
	for {
		inner, ok := fun.(*ast.CallExpr)
		if !ok {
			break
		}
		fn := rd.funcOf(inner.Fun)
		if fn == nil || len(inner.Args) == 0 {
			break
		}
		mws = append(mws, queries.FuncName(fn))
		wraps = append(wraps, fn)
		fun = ast.Unparen(inner.Args[0])
	}
	if fn := rd.funcOf(fun); fn != nil && takesRequest(fn.Type().(*types.Signature)) {
		a.wraps, a.leaf = wraps, fn
		return queries.FuncName(fn), mws
	}
	return "", nil
}

func (rd *dispatchReader) funcOf(e ast.Expr) *types.Func {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		fn, _ := rd.info.Uses[x].(*types.Func)
		return fn
	case *ast.SelectorExpr:
		fn, _ := rd.info.Uses[x.Sel].(*types.Func)
		return fn
	}
	return nil
}

// cond reads an arm's condition: the methods and paths it requires; ok
// is false when a test of something else is ORed with them (the arm may
// run for any request).
func (rd *dispatchReader) cond(e ast.Expr) (methods, paths []string, ok bool) {
	e = ast.Unparen(e)
	if b, isBin := e.(*ast.BinaryExpr); isBin && (b.Op == token.LAND || b.Op == token.LOR) {
		xm, xp, xok := rd.cond(b.X)
		ym, yp, yok := rd.cond(b.Y)
		if b.Op == token.LAND {
			// Either side's requirement holds; another test narrows.
			if len(xm) == 0 {
				xm = ym
			}
			if len(xp) == 0 {
				xp = yp
			}
			return xm, xp, true
		}
		// ORed: alike tests only.
		switch {
		case !xok || !yok:
		case len(xp) == 0 && len(yp) == 0 && len(xm) > 0 && len(ym) > 0:
			return append(xm, ym...), nil, true
		case len(xm) == 0 && len(ym) == 0 && len(xp) > 0 && len(yp) > 0:
			return nil, append(xp, yp...), true
		}
		return nil, nil, false
	}
	if m, ok := rd.method(e); ok {
		return []string{m}, nil, true
	}
	if path, ok := rd.path(e); ok {
		return nil, []string{path}, true
	}
	return nil, nil, false // another test: narrows in a conjunction
}

func (rd *dispatchReader) method(e ast.Expr) (string, bool) {
	b, ok := e.(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL {
		return "", false
	}
	x, y := b.X, b.Y
	if _, isConst := rd.constString(x); isConst {
		x, y = y, x
	}
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Method" || !isRequest(rd.info.TypeOf(sel.X)) {
		return "", false
	}
	s, ok := rd.constString(y)
	return strings.ToUpper(s), ok && s != ""
}

// isPath reports whether e is r.URL.Path of a request.
func (rd *dispatchReader) isPath(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Path" {
		return false
	}
	u, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	return ok && u.Sel.Name == "URL" && isRequest(rd.info.TypeOf(u.X))
}

func (rd *dispatchReader) path(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BinaryExpr:
		if x.Op != token.EQL {
			break
		}
		a, b := x.X, x.Y
		if rd.isPath(b) {
			a, b = b, a
		}
		if s, ok := rd.constString(b); ok && rd.isPath(a) && strings.HasPrefix(s, "/") {
			return s, true
		}
	case *ast.CallExpr:
		sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
		if !ok || len(x.Args) < 1 {
			break
		}
		fn, _ := rd.info.Uses[sel.Sel].(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			break
		}
		switch {
		case fn.Pkg().Path() == "strings" && fn.Name() == "HasPrefix" && len(x.Args) == 2 && rd.isPath(x.Args[0]):
			if s, ok := rd.constString(x.Args[1]); ok && strings.HasPrefix(s, "/") {
				return s + "…", true
			}
		case fn.Pkg().Path() == "regexp" && fn.Name() == "MatchString" && rd.isPath(x.Args[0]):
			if re, ok := rd.regexpOf(sel.X); ok {
				return "re:" + re, true
			}
		}
	}
	return "", false
}

func (rd *dispatchReader) constString(e ast.Expr) (string, bool) {
	tv, ok := rd.info.Types[e]
	if !ok || tv.Value == nil {
		if init, info := rd.varInit(e); init != nil {
			tv, ok = info.Types[init]
		}
	}
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// regexpOf is the pattern of the package-level variable e names, when
// it is set once, to regexp.MustCompile (or Compile) of a constant.
func (rd *dispatchReader) regexpOf(e ast.Expr) (string, bool) {
	init, info := rd.varInit(e)
	call, ok := init.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return "", false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	fn, _ := info.Uses[sel.Sel].(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "regexp" || (fn.Name() != "MustCompile" && fn.Name() != "Compile") {
		return "", false
	}
	tv := info.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// varInit is the initializer of the package-level variable e names, and
// its package's type information, when nothing in the package assigns
// the variable again or takes its address: set once, it is as good as
// a constant (var apiHealthPath = "/v1/health").
func (rd *dispatchReader) varInit(e ast.Expr) (ast.Expr, *types.Info) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil, nil
	}
	v, ok := rd.info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return nil, nil
	}
	m := rd.p.pkgs[v.Pkg().Path()]
	if m == nil {
		return nil, nil
	}
	var init ast.Expr
	again := false // assigned again, or its address taken
	for _, file := range m.Syntax {
		ast.Inspect(file, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.ValueSpec:
				for i, name := range x.Names {
					if m.TypesInfo.Defs[name] == v && i < len(x.Values) && len(x.Names) == len(x.Values) {
						init = ast.Unparen(x.Values[i])
					}
				}
			case *ast.AssignStmt:
				for _, l := range x.Lhs {
					if lid, ok := ast.Unparen(l).(*ast.Ident); ok && m.TypesInfo.Uses[lid] == v {
						again = true
					}
				}
			case *ast.UnaryExpr:
				if lid, ok := ast.Unparen(x.X).(*ast.Ident); ok && x.Op == token.AND && m.TypesInfo.Uses[lid] == v {
					again = true
				}
			}
			return !again
		})
		if again {
			return nil, nil
		}
	}
	return init, m.TypesInfo
}

// ViaCalls are the calls along the ways e's queries are reached (each
// function of a query's Via calling the next), for a route split off a
// dispatcher: the calls of its code that findings about calls cite,
// which the routes pass's steps, the catch-all's, cannot give.
func (p *Program) ViaCalls(e *Entry) []token.Pos {
	var out []token.Pos
	seen := map[token.Pos]bool{}
	for _, q := range p.Queries(e) {
		for i := 0; i+1 < len(q.Via); i++ {
			for _, c := range q.Via[i].Calls {
				for _, g := range c.Callees {
					if (g == q.Via[i+1] || g.origin != nil && g.origin == q.Via[i+1].origin) && !seen[c.Pos] {
						seen[c.Pos] = true
						out = append(out, c.Pos)
					}
				}
			}
		}
	}
	return out
}
