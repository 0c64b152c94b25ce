package program

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/codekind"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// What the program registers.
//
// A service keeps its strategies, plugins or hooks in a list of interface
// values: each item a different implementation, the list written out once
// ([]Strategy{password.New(r), oidc.New(r), code.New(r)}) and handed on
// by a registry's accessor, which may filter it (the enabled ones) into a
// list of its own, to a function that ranges over its parameter. A loop
// over that list runs once per implementation the program registers, not
// once per row or per request item, however many calls away the list was
// written. The queries pass is silent on a loop over interface values
// that calls each element's method when the list is its own; when the
// list is a parameter or comes out of a call, the whole program can say
// where it was built. A list is registered when every way it is built is
// one of: a composite literal; a parameter every call in the program
// passes a registered list (or writes out its variadic items); the result
// of a call every callee returns a registered list for; a local variable
// or a field every assignment to which is a registered list or an append
// whose enclosing loops in its function all range over registered lists
// (so the count is bounded by what the code writes). An append to a field
// adds to what was there: it counts only in a fill guarded by the field
// being empty (if len(r.list) == 0 { ... }) or run at start-up; a write
// in code only tests run (a setter taking a *testing.T) does not count. A
// list of functions is as many as the code registers, as the queries pass
// takes it (a registry building its strategies from replacement
// constructors). A field's struct whose pointer code outside the module
// receives may be filled by a decoder, unless the field is a list of
// interface values (a decoder makes maps and strings, which no assertion
// to the module's interfaces takes) or every such call is of a function
// value (the module's constructors, newStrategy(r)). Anything else (rows,
// a loop with a condition, a closure that appends, an address taken, a
// package variable written per request) is data.

// regDepth is how many steps (calls, assignments, parameters) a list is
// followed back.
const regDepth = 24

// Registered reports whether the range statement of the module at loop
// ranges over a list of interface values the program registers (see
// above), and names the list for messages. reaching gives the entries
// that reach each function, as Reaching does.
func (p *Program) Registered(loop token.Pos, reaching map[*Func][]*Entry) (string, bool) {
	fn, rs, info := p.rangeAt(loop)
	if rs == nil {
		return "", false
	}
	s, ok := under(info.TypeOf(rs.X)).(*types.Slice)
	if !ok || !types.IsInterface(s.Elem()) {
		return "", false
	}
	if !newRegistry(p, reaching).list(fn, rs.X, 0, 0) {
		return "", false
	}
	return types.ExprString(rs.X), true
}

type registry struct {
	p        *Program
	reaching map[*Func][]*Entry
	busy     map[ast.Node]bool // on the way: a cycle adds nothing
	steps    int               // expressions traced, for tests
	// memo holds what is decided of an expression or a function's
	// parameter, result or receiver once (a chain whose functions each
	// call the next twice has a path per call, exponentially many).
	// Only what was decided without the depth bound (cut) or a cycle's
	// assumption (assumed) is kept: that alone holds wherever the trace
	// comes back to it.
	memo         map[any]bool
	cut, assumed int
}

func newRegistry(p *Program, reaching map[*Func][]*Entry) *registry {
	return &registry{p: p, reaching: reaching, busy: map[ast.Node]bool{}, memo: map[any]bool{}}
}

// Keys of memo: an expression of a function (with the result index of a
// call), a function's parameter, its results, its receiver.
type (
	exprKey struct {
		f *Func
		e ast.Expr
		k int
	}
	paramKey struct {
		g *Func
		i int
	}
	resultKey paramKey
	recvKey   struct{ g *Func }
)

// memoized is decide's answer, kept under key when it holds wherever
// the trace asks again (see memo).
func (r *registry) memoized(key any, decide func() bool) bool {
	if v, ok := r.memo[key]; ok {
		return v
	}
	cut, assumed := r.cut, r.assumed
	v := decide()
	if r.cut == cut && r.assumed == assumed {
		r.memo[key] = v
	}
	return v
}

// list reports whether e, in f, is a registered list; k is the result
// index when e is a call with several results.
func (r *registry) list(f *Func, e ast.Expr, k, depth int) bool {
	if depth > regDepth {
		r.cut++
		return false
	}
	e = ast.Unparen(e)
	if v, ok := r.memo[exprKey{f, e, k}]; ok {
		return v
	}
	if r.busy[e] {
		r.assumed++
		return true // a cycle: the other ways decide
	}
	r.busy[e] = true
	defer delete(r.busy, e)
	return r.memoized(exprKey{f, e, k}, func() bool { return r.expr(f, e, k, depth) })
}

// expr is list's answer for e, not yet decided.
func (r *registry) expr(f *Func, e ast.Expr, k, depth int) bool {
	r.steps++
	pkg := r.p.pkgs[f.pkg]
	if pkg == nil || pkg.TypesInfo == nil {
		return false
	}
	info := pkg.TypesInfo
	if s, ok := under(info.TypeOf(e)).(*types.Slice); ok {
		if _, ok := under(s.Elem()).(*types.Signature); ok {
			return true // a list of functions: as many as the code registers, as the queries pass takes it
		}
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		return true
	case *ast.Ident:
		if e.Name == "nil" && info.Uses[e] == types.Universe.Lookup("nil") {
			return true
		}
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		if v.Parent() == v.Pkg().Scope() {
			_, ok := r.p.FilledAtStart(info, e, r.reaching)
			return ok
		}
		if g, i := r.p.paramOf(f, v); g != nil {
			return r.passed(g, i, depth)
		}
		if g := r.recvOf(f, v); g != nil {
			return r.receivers(g, depth)
		}
		return r.assigned(f, f.syntax, v, false, depth)
	case *ast.SelectorExpr:
		sel := info.Selections[e]
		if sel == nil || sel.Kind() != types.FieldVal {
			return false
		}
		v := sel.Obj().(*types.Var)
		if r.p.pkgs[v.Pkg().Path()] == nil {
			return false
		}
		// A decoder fills a list of interface values with maps and
		// strings at most, which no type assertion to the module's
		// interfaces takes.
		if o := ownerOf(sel); o != nil && !ifaceList(v.Type()) && !r.dynamicOnly(r.p.writesIndex().addr[o]) {
			return false // a pointer to its struct handed out: a decoder may fill it
		}
		for _, pl := range r.p.writesIndex().of[v.Origin()] {
			g := r.p.FuncAt(pl.pos)
			if g != nil && r.testOnly(g) {
				continue // a test's fake strategies
			}
			if pl.top || g == nil || !r.assigned(g, g.syntax, v, true, depth+1) {
				return false
			}
		}
		return len(r.p.writesIndex().of[v.Origin()]) > 0
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return r.list(f, e.Args[0], 0, depth+1) // Strategies(list)
		}
		if id := identOf(e.Fun); id != nil {
			if b, ok := info.Uses[id].(*types.Builtin); ok {
				return b.Name() == "append" && r.appended(f, e, depth)
			}
		}
		var callees []*Func
		for _, c := range f.Calls {
			if c.Expr == e {
				callees = append(callees, c.Callees...)
			}
		}
		if len(callees) == 0 {
			return false
		}
		for _, g := range callees {
			if !r.returned(g, k, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// ifaceList says whether t is a slice of interface values.
func ifaceList(t types.Type) bool {
	s, ok := under(t).(*types.Slice)
	return ok && types.IsInterface(s.Elem())
}

// testOnly says whether only tests run g: it takes a test's
// *testing.T (or the like), or only test entries reach it.
func (r *registry) testOnly(g *Func) bool {
	if codekind.TestingParam(g.sig) {
		return true
	}
	es := r.reaching[g]
	for _, e := range es {
		if e.Role != RoleTest {
			return false
		}
	}
	return len(es) > 0
}

// dynamicOnly says whether every place handing out a struct's address
// is a call of a function value (newStrategy(r)) taking it as its own
// type, not as an interface (see typedFor): the module's own
// constructors, not a decoder.
func (r *registry) dynamicOnly(places []place) bool {
	for _, pl := range places {
		g := r.p.FuncAt(pl.pos)
		if g == nil || pl.top {
			return false
		}
		info := r.p.pkgs[g.pkg].TypesInfo
		if info == nil {
			return false
		}
		dynamic := false
		ast.Inspect(g.syntax, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && c.Pos() == pl.pos {
				if sig, isSig := under(info.TypeOf(c.Fun)).(*types.Signature); isSig && typedFor(info, sig, c) {
					// Callee names no function for a call of a func
					// value: nil (ctors[name](r), f()(r)), or the
					// variable or field holding it (newStrategy(r),
					// r.make(r)); a builtin or a function is named.
					switch typeutil.Callee(info, c).(type) {
					case nil, *types.Var:
						dynamic = true
					}
				}
			}
			return !dynamic
		})
		if !dynamic {
			return false
		}
	}
	return true
}

// typedFor says whether call, of a function value of signature sig,
// takes each pointer it is given as a parameter of a type other than an
// interface: code written for the struct (newStrategy(r *Registry)). A
// function value taking it as any may be a decoder (unmarshal :=
// json.Unmarshal; unmarshal(b, cfg)).
func typedFor(info *types.Info, sig *types.Signature, call *ast.CallExpr) bool {
	params := sig.Params()
	for i, arg := range call.Args {
		if _, ok := under(info.TypeOf(arg)).(*types.Pointer); !ok {
			continue
		}
		var t types.Type
		switch {
		case sig.Variadic() && i >= params.Len()-1:
			t = params.At(params.Len() - 1).Type()
			if s, ok := t.(*types.Slice); ok && !call.Ellipsis.IsValid() {
				t = s.Elem()
			}
		case i < params.Len():
			t = params.At(i).Type()
		default:
			return false
		}
		if types.IsInterface(t) {
			return false
		}
	}
	return true
}

// passed reports whether every call of g passes its i-th parameter as a
// registered list.
func (r *registry) passed(g *Func, i, depth int) bool {
	return r.memoized(paramKey{g, i}, func() bool { return r.passedBy(g, i, depth) })
}

func (r *registry) passedBy(g *Func, i, depth int) bool {
	n := 0
	for _, h := range r.p.sameFunc(g) {
		j := i + h.sig.Params().Len() - g.sig.Params().Len()
		if j < i || j > i+1 {
			return false
		}
		for _, cl := range r.p.callerIndex()[h] {
			if cl.f.Synthetic && cl.f.Decl == g.Decl {
				continue
			}
			n++
			if cl.c.Callback || cl.c.Expr == nil {
				return false
			}
			args := cl.c.Expr.Args
			if sel, ok := ast.Unparen(cl.c.Expr.Fun).(*ast.SelectorExpr); ok {
				if info := r.p.pkgs[cl.f.pkg].TypesInfo; info != nil {
					if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr && h.sig.Recv() != nil {
						j++
					}
				}
			}
			if h.sig.Variadic() && j == h.sig.Params().Len()-1 && !cl.c.Expr.Ellipsis.IsValid() {
				continue // the items written out
			}
			if j >= len(args) || len(args) != h.sig.Params().Len() || !r.list(cl.f, args[j], 0, depth+1) {
				return false
			}
		}
	}
	return n > 0
}

// recvOf is the method of the graph whose receiver v is, nil when none.
func (r *registry) recvOf(f *Func, v *types.Var) *Func {
	g := r.p.Func(f.Decl)
	if g == nil || g.sig.Recv() == nil || g.sig.Recv().Pos() != v.Pos() || g.syntax == nil {
		return nil
	}
	if assigned(g.syntax, v) {
		return nil
	}
	return g
}

// receivers reports whether every call of method g is on a registered
// list.
func (r *registry) receivers(g *Func, depth int) bool {
	return r.memoized(recvKey{g}, func() bool { return r.receiversBy(g, depth) })
}

func (r *registry) receiversBy(g *Func, depth int) bool {
	n := 0
	for _, cl := range r.p.callerIndex()[g] {
		n++
		wrapper := cl.f.Synthetic && cl.f.Decl == g.Decl && cl.f != g
		if wrapper && depth >= regDepth {
			r.cut++ // read below as a call of its own: the bound decided
		}
		if wrapper && depth < regDepth {
			// A wrapper of g (through a pointer, a method value): its
			// own callers give the receiver.
			if len(r.p.callerIndex()[cl.f]) > 0 && !r.receivers(cl.f, depth+1) {
				return false
			}
			continue // none: made for an interface nothing calls it through
		}
		if cl.c.Callback || cl.c.Expr == nil {
			return false
		}
		sel, ok := ast.Unparen(cl.c.Expr.Fun).(*ast.SelectorExpr)
		if !ok || !r.list(cl.f, sel.X, 0, depth+1) {
			return false
		}
	}
	return n > 0
}

// returned reports whether every return of g gives a registered list as
// its k-th result.
func (r *registry) returned(g *Func, k, depth int) bool {
	return r.memoized(resultKey{g, k}, func() bool { return r.returnedBy(g, k, depth) })
}

func (r *registry) returnedBy(g *Func, k, depth int) bool {
	decl, ok := g.syntax.(*ast.FuncDecl)
	if !ok || decl.Body == nil {
		return false
	}
	info := r.p.pkgs[g.pkg].TypesInfo
	if info == nil {
		return false
	}
	ok = true
	n := 0
	ast.Inspect(decl.Body, func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			n++
			switch {
			case len(node.Results) == 0:
				res := g.sig.Results()
				if k >= res.Len() {
					ok = false
					return false
				}
				v := res.At(k)
				ok = ok && r.assigned(g, g.syntax, v, false, depth+1)
			case len(node.Results) == g.sig.Results().Len():
				ok = ok && r.list(g, node.Results[k], 0, depth+1)
			case len(node.Results) == 1:
				ok = ok && r.list(g, node.Results[0], k, depth+1)
			default:
				ok = false
			}
		}
		return ok
	})
	return ok && n > 0
}

// assigned reports whether every assignment to v in body (of f) is of a
// registered list, or appends to it where the loops around the append
// range over registered lists; for a field (shared), an append must be
// a fill guarded by v's being empty, or run at start-up. Its address
// taken, a closure assigning it, or none at all is not.
func (r *registry) assigned(f *Func, body ast.Node, v *types.Var, shared bool, depth int) bool {
	info := r.p.pkgs[f.pkg].TypesInfo
	if info == nil || body == nil {
		return false
	}
	is := func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			return info.ObjectOf(e) == v
		case *ast.SelectorExpr:
			if o, ok := info.ObjectOf(e.Sel).(*types.Var); ok {
				return o.Origin() == v.Origin()
			}
		}
		return false
	}
	ok, n := true, 0
	file := r.p.fileOf(f)
	astutil.Apply(body, func(c *astutil.Cursor) bool {
		if !ok {
			return false
		}
		switch node := c.Node().(type) {
		case *ast.FuncLit:
			if node != body {
				ok = !queries.Assigns(node, is)
				return false
			}
		case *ast.UnaryExpr:
			if node.Op == token.AND && is(node.X) {
				ok = false
			}
		case *ast.RangeStmt:
			if node.Tok == token.ASSIGN && (node.Key != nil && is(node.Key) || node.Value != nil && is(node.Value)) {
				ok = false
			}
		case *ast.KeyValueExpr:
			if id, ok2 := node.Key.(*ast.Ident); ok2 && info.ObjectOf(id) == v {
				n++
				ok = r.list(f, node.Value, 0, depth+1)
			}
		case *ast.ValueSpec:
			for i, name := range node.Names {
				if info.Defs[name] == v && i < len(node.Values) {
					n++
					ok = len(node.Values) == len(node.Names) && r.list(f, node.Values[i], 0, depth+1)
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range node.Lhs {
				if !is(lhs) {
					continue
				}
				n++
				switch {
				case len(node.Rhs) == len(node.Lhs):
					rhs := ast.Unparen(node.Rhs[i])
					if call, ok2 := rhs.(*ast.CallExpr); ok2 && isAppendTo(info, call, is) {
						ok = r.appended(f, call, depth) &&
							(!shared || r.p.atStart(node.Pos(), r.reaching) || emptyGuarded(info, file, node, is))
					} else {
						ok = r.list(f, rhs, 0, depth+1)
					}
				case len(node.Rhs) == 1:
					ok = r.list(f, node.Rhs[0], i, depth+1)
				default:
					ok = false
				}
			}
		}
		return ok
	}, nil)
	return ok && (n > 0 || !shared && v.Parent() != nil && isResult(f, v))
}

// isResult says whether v is a named result of f (nothing assigned: nil).
func isResult(f *Func, v *types.Var) bool {
	res := f.sig.Results()
	for i := range res.Len() {
		if res.At(i).Pos() == v.Pos() {
			return true
		}
	}
	return false
}

// isAppendTo says whether call is append(x, ...) with x what is reports.
func isAppendTo(info *types.Info, call *ast.CallExpr, is func(ast.Expr) bool) bool {
	id := identOf(call.Fun)
	if id == nil || len(call.Args) == 0 {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "append" && is(call.Args[0])
}

// appended reports whether append call, in f, adds a bounded number of
// items: a spread list that is registered, and every loop around the
// call in f a range over a registered list.
func (r *registry) appended(f *Func, call *ast.CallExpr, depth int) bool {
	if call.Ellipsis.IsValid() && !r.list(f, call.Args[len(call.Args)-1], 0, depth+1) {
		return false
	}
	file := r.p.fileOf(f)
	if file == nil {
		return false
	}
	path, _ := astutil.PathEnclosingInterval(file, call.Pos(), call.End())
	for _, n := range path {
		if n == f.syntax {
			break
		}
		switch n := n.(type) {
		case *ast.ForStmt:
			return false
		case *ast.RangeStmt:
			if !r.list(f, n.X, 0, depth+1) {
				return false
			}
		}
	}
	return true
}

// emptyGuarded says whether stmt is inside an if that tests what is reports
// for being empty: if len(x) == 0, if x == nil.
func emptyGuarded(info *types.Info, file *ast.File, stmt ast.Stmt, is func(ast.Expr) bool) bool {
	if file == nil {
		return false
	}
	path, _ := astutil.PathEnclosingInterval(file, stmt.Pos(), stmt.End())
	for _, n := range path {
		ifs, ok := n.(*ast.IfStmt)
		if !ok || ifs.Body.Pos() > stmt.Pos() || stmt.End() > ifs.Body.End() {
			continue
		}
		b, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok || b.Op != token.EQL {
			continue
		}
		if call, ok := ast.Unparen(b.X).(*ast.CallExpr); ok && len(call.Args) == 1 && is(call.Args[0]) && isLen(info, call) {
			if lit, ok := b.Y.(*ast.BasicLit); ok && lit.Value == "0" {
				return true
			}
		}
		if is(b.X) && identOf(b.Y) != nil && identOf(b.Y).Name == "nil" {
			return true
		}
	}
	return false
}

// fileOf is the syntax file holding f.
func (p *Program) fileOf(f *Func) *ast.File {
	pkg := p.pkgs[f.pkg]
	if pkg == nil || f.syntax == nil {
		return nil
	}
	for _, file := range pkg.Syntax {
		if file.FileStart <= f.syntax.Pos() && f.syntax.Pos() < file.FileEnd {
			return file
		}
	}
	return nil
}

// isLen reports whether call calls the builtin len.
func isLen(info *types.Info, call *ast.CallExpr) bool {
	b, ok := info.Uses[identOf(call.Fun)].(*types.Builtin)
	return ok && b.Name() == "len"
}
