package program

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// How many values of one implementation a list of handlers holds.
//
// A service fans an event out to a list of interface values — its
// integrations, notifiers, plugins — and only one implementation runs
// SQL:
//
//	for _, n := range s.notifiers() { n.Notify(ctx, ev) }
//
// where s.notifiers() is append(global, perApp...), global filled at
// start-up with one value per configured name (case "db": n =
// newDBNotifier(...)), perApp built per row from the other kinds. Per
// package the loop is over data; but the query runs once per value of
// the implementation reaching it, not once per item. FewTyped counts
// those: the lists the loop's list is built from (locals, fields,
// package-level variables, parameters, what functions return) are
// counted as FewRange and FewField count them (see registrations.go,
// fewfields.go), except that an item added (an append's argument, a
// literal's element, a put) counts only when its value may have one of
// the implementations' types: a value of a concrete type is that type;
// an interface-typed local may be what any write sets it to (a call's
// concrete result, a conversion of one); anything else (a parameter,
// a call returning an interface, a type assertion) may be any. A write
// adding none of them adds nothing however often it runs: an append of
// http handlers per row of a query result; copying a list item by item
// (for _, x := range l { v = append(v, x) }) adds what l holds of them.
// One adding one must run a few times: in a loop over a few items, in a
// function run a few times (see runs); here a command's or start-up
// entry's own function that nothing in the module calls (a cobra
// command's RunE) runs once, a call of the element of a loop over a
// list of functions written out (tasks := []func() error{setupStorage,
// setupIntegration}) runs each as many times as the list names it, and,
// as in StartRange, a loop in code only start-up reaches over what only
// start-up fills (the configuration's enabled names, read through a
// getter that hands out the configuration's address only to be read)
// counts once, as many as configured. A registration function start-up
// calls per row of a table is data.
//
// An element of a list of interface values written in place (ns[i] =
// store, copy, &ns[i]) anywhere in the module with a value that may be
// of those types changes what a list holds without a write of it: then
// nothing is counted. A db notifier appended per row or per request
// item, a list whose element's method reaches the query through two
// implementations one of which is appended in a data loop, a list of
// shapes built from rows: data, as before.

// typedFew is the state of a FewTyped: the types whose values count,
// and whether a loop's length is being counted (every item counts).
type typedFew struct {
	types    []*types.TypeName
	methods  []*types.Func // the implementations, for types embedding theirs
	reaching map[*Func][]*Entry
	counting bool
}

// FewTyped reports whether the range statement of the module at loop
// ranges over a list holding at most limit values whose dynamic type is
// the receiver type of one of impls, methods of the module (see above).
// reaching gives the entries that reach each function, as Reaching does.
func (p *Program) FewTyped(loop token.Pos, impls []*Func, limit int, reaching map[*Func][]*Entry) bool {
	fn, rs, info := p.rangeAt(loop)
	if rs == nil || len(impls) == 0 || p.typed != nil {
		return false
	}
	t := &typedFew{reaching: reaching}
	for _, g := range impls {
		if g.sig == nil || g.sig.Recv() == nil || g.Decl == nil {
			return false // a func value: not counted here
		}
		t.methods = append(t.methods, g.Decl.Origin())
		n := recvNamed(g.sig.Recv().Type())
		if n == nil || types.IsInterface(n.Type()) {
			return false
		}
		t.types = append(t.types, n)
	}
	p.typed = t
	defer func() { p.typed = nil }()
	if p.elementWritten() {
		return false
	}
	n, ok := p.fewValue(info, fn.syntax, rs.X, limit, 0)
	return ok && n <= limit
}

// elemWrite is a write of an element of a list of interface values, in
// a function of the module: l[i] = rhs; rhs nil for one whose value is
// not known (copy(l, other), &l[i]).
type elemWrite struct {
	info *types.Info
	fn   ast.Node
	rhs  ast.Expr
}

// elementWritten says, in a FewTyped, whether some write of an element
// of a list of interface values in the module may set it to one of the
// typed types: the counts follow the writes of lists whole (appends,
// literals), which an element written in place (ns[0] = store) changes
// without adding an item.
func (p *Program) elementWritten() bool {
	if p.elemWrites == nil {
		p.elemWrites = []elemWrite{}
		ifaceList := func(info *types.Info, e ast.Expr) bool {
			switch t := under(info.TypeOf(e)).(type) {
			case *types.Slice:
				return types.IsInterface(t.Elem())
			case *types.Array:
				return types.IsInterface(t.Elem())
			case *types.Pointer:
				if a, ok := under(t.Elem()).(*types.Array); ok {
					return types.IsInterface(a.Elem())
				}
			}
			return false
		}
		for _, f := range p.list {
			pkg := p.pkgs[f.pkg]
			if f.Synthetic || f.instance || f.syntax == nil || pkg == nil || pkg.TypesInfo == nil {
				continue
			}
			info := pkg.TypesInfo
			ast.Inspect(f.syntax, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return n == f.syntax // a closure is a function of its own
				case *ast.AssignStmt:
					for i, l := range n.Lhs {
						ix, ok := ast.Unparen(l).(*ast.IndexExpr)
						if !ok || !ifaceList(info, ix.X) {
							continue
						}
						var rhs ast.Expr
						if len(n.Lhs) == len(n.Rhs) {
							rhs = n.Rhs[i]
						}
						p.elemWrites = append(p.elemWrites, elemWrite{info, f.syntax, rhs})
					}
				case *ast.UnaryExpr:
					if ix, ok := ast.Unparen(n.X).(*ast.IndexExpr); ok && n.Op == token.AND && ifaceList(info, ix.X) {
						p.elemWrites = append(p.elemWrites, elemWrite{info, f.syntax, nil})
					}
				case *ast.CallExpr:
					if b, ok := info.Uses[identOf(n.Fun)].(*types.Builtin); ok && b.Name() == "copy" && len(n.Args) == 2 && ifaceList(info, n.Args[0]) {
						p.elemWrites = append(p.elemWrites, elemWrite{info, f.syntax, nil})
					}
				}
				return true
			})
		}
	}
	for _, w := range p.elemWrites {
		if w.rhs == nil || p.mayHold(w.info, w.fn, w.rhs, 0) {
			return true
		}
	}
	return false
}

// recvNamed is the named type of a receiver of type t (T or *T).
func recvNamed(t types.Type) *types.TypeName {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Origin().Obj()
	}
	return nil
}

// filtering says whether items count only when they may have one of the
// typed types (not while a loop's length is counted).
func (p *Program) filtering() bool {
	return p.typed != nil && !p.typed.counting
}

// untyped runs count with every item counting: a loop's length, a
// function's runs.
func (p *Program) untyped(count func() (int, bool)) (int, bool) {
	if p.typed == nil || p.typed.counting {
		return count()
	}
	p.typed.counting = true
	defer func() { p.typed.counting = false }()
	return count()
}

// isTyped says whether t, a concrete type, is one of the typed types,
// or has one of their methods as its own (a struct embedding one).
func (t *typedFew) isTyped(typ types.Type) bool {
	n := recvNamed(typ)
	for _, x := range t.types {
		if n == x {
			return true
		}
	}
	for _, m := range t.methods {
		obj, _, _ := types.LookupFieldOrMethod(typ, true, m.Pkg(), m.Name())
		if f, ok := obj.(*types.Func); ok && f.Origin() == m {
			return true
		}
	}
	return false
}

// items counts the items of es (an append's arguments, a literal's
// elements) that may have one of the typed types, or all of them when
// not filtering.
func (p *Program) items(info *types.Info, fn ast.Node, es []ast.Expr) int {
	if !p.filtering() {
		return len(es)
	}
	n := 0
	for _, e := range es {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			e = kv.Value
		}
		if p.mayHold(info, fn, e, 0) {
			n++
		}
	}
	return n
}

// mayHold says whether the value of e, in fn, may have one of the typed
// types (see above).
func (p *Program) mayHold(info *types.Info, fn ast.Node, e ast.Expr, depth int) bool {
	t := info.TypeOf(e)
	if t == nil || depth > fewHops {
		return true
	}
	if !types.IsInterface(t) {
		return p.typed.isTyped(t)
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		switch obj := info.Uses[e].(type) {
		case *types.Nil:
			return false
		case *types.Var:
			if fn == nil || obj.Pos() < fn.Pos() || obj.Pos() >= fn.End() || isParam(fn, obj) || !declaredPlainly(fn, obj) {
				return true // a parameter, a package-level variable, a captured one, a range's
			}
			may := false
			all := queries.Writes(info, fn, obj, func(w queries.LocalWrite) bool {
				if w.Value != nil {
					may = p.mayHold(info, fn, w.Value, depth+1)
				} else {
					may = p.resultMayHold(info, w.Call, w.Index)
				}
				return !may
			})
			return may || !all
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return p.mayHold(info, fn, e.Args[0], depth+1) // Handler(x)
		}
		return p.resultMayHold(info, e, 0)
	}
	return true
}

// declaredPlainly says whether v, a local of fn, is declared by var or
// :=, so that its writes are all it holds (not a range's variable, a
// type switch's).
func declaredPlainly(fn ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for _, l := range n.Lhs {
					found = found || l.Pos() == v.Pos()
				}
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				found = found || id.Pos() == v.Pos()
			}
		}
		return !found
	})
	return found
}

// copied matches a write of a local is reports, appending x, the value
// variable of a range statement around the write (around):
// for _, x := range list { v = append(v, x) }. It gives the range
// statement, whose list's items of a type the write adds (and not one
// per item), and the loops around but it.
func copied(info *types.Info, value ast.Expr, is func(ast.Expr) bool, around []ast.Node) (*ast.RangeStmt, []ast.Node) {
	call, ok := ast.Unparen(value).(*ast.CallExpr)
	if !ok || len(call.Args) != 2 || call.Ellipsis.IsValid() || !is(call.Args[0]) {
		return nil, nil
	}
	if b, ok := info.Uses[identOf(call.Fun)].(*types.Builtin); !ok || b.Name() != "append" {
		return nil, nil
	}
	x, ok := info.Uses[identOf(call.Args[1])].(*types.Var)
	if !ok {
		return nil, nil
	}
	for i := len(around) - 1; i >= 0; i-- {
		rs, ok := around[i].(*ast.RangeStmt)
		if !ok || rs.Tok != token.DEFINE {
			continue
		}
		if id, ok := rs.Value.(*ast.Ident); ok && info.Defs[id] == x {
			if assigned(rs.Body, x) {
				return nil, nil
			}
			rest := append(append([]ast.Node(nil), around[:i]...), around[i+1:]...)
			return rs, rest
		}
	}
	return nil, nil
}

// resultMayHold says whether the k-th result of call may have one of the
// typed types: its static type says, when concrete.
func (p *Program) resultMayHold(info *types.Info, call *ast.CallExpr, k int) bool {
	t := info.TypeOf(call)
	if tup, ok := t.(*types.Tuple); ok {
		if k >= tup.Len() {
			return true
		}
		t = tup.At(k).Type()
	}
	if t == nil || types.IsInterface(t) {
		return true
	}
	return p.typed.isTyped(t)
}

// typedAppend is how many typed items append(x, a, b) or append(x,
// y...), a list not assigned back to x, holds: what x holds and what it
// adds. Only while filtering.
func (p *Program) typedAppend(info *types.Info, fn ast.Node, call *ast.CallExpr, limit, depth int) (int, bool) {
	b, ok := info.Uses[identOf(call.Fun)].(*types.Builtin)
	if !ok || b.Name() != "append" || len(call.Args) == 0 || depth > fewHops {
		return 0, false
	}
	n, ok := p.fewValue(info, fn, call.Args[0], limit, depth+1)
	if !ok {
		return 0, false
	}
	if call.Ellipsis.IsValid() {
		if len(call.Args) != 2 {
			return 0, false
		}
		m, ok := p.fewValue(info, fn, call.Args[1], limit, depth+1)
		return n + m, ok
	}
	return n + p.items(info, fn, call.Args[1:]), true
}

// commandOnce says, in a FewTyped, whether f is the function of a
// command or start-up entry (a cobra command's RunE, say) that the
// framework runs once per process: only start-up (or commands) reach
// it, and nothing in the module calls it.
func (p *Program) commandOnce(f *Func) bool {
	if p.typed == nil || f.syntax == nil || !p.atStart(f.syntax.Pos(), p.typed.reaching) {
		return false
	}
	for _, h := range p.sameFunc(f) {
		if len(p.callerIndex()[h]) > 0 {
			return false
		}
	}
	for _, e := range p.typed.reaching[f] {
		for _, part := range e.Parts {
			if part.Func == f {
				return true
			}
		}
	}
	return false
}

// funcListRepeats is, in a FewTyped, how many times call, in f, runs h
// per run of f when call calls the element of a range statement around
// it over a list of functions written out (tasks := []func() error{a,
// b}; for _, t := range tasks { t() }): once per time the list names h,
// times the other loops around. listed is false for any other call.
func (p *Program) funcListRepeats(f *Func, call *ast.CallExpr, h *Func, limit, depth int) (t int, ok, listed bool) {
	pkg := p.pkgs[f.pkg]
	if p.typed == nil || pkg == nil || pkg.TypesInfo == nil {
		return 0, false, false
	}
	info := pkg.TypesInfo
	el, isVar := info.Uses[identOf(call.Fun)].(*types.Var)
	if !isVar {
		return 0, false, false
	}
	var around []ast.Node
	queries.InspectAround(f.syntax, func(n ast.Node, stack []ast.Node) bool {
		if n == call {
			around = append([]ast.Node(nil), stack...)
		}
		return around == nil
	})
	for i := len(around) - 1; i >= 0; i-- {
		rs, isRange := around[i].(*ast.RangeStmt)
		if !isRange || rs.Tok != token.DEFINE {
			continue
		}
		id, isID := rs.Value.(*ast.Ident)
		if !isID || info.Defs[id] != el || assigned(rs.Body, el) {
			continue
		}
		lit := p.funcListLit(info, f.syntax, rs.X)
		if lit == nil {
			return 0, false, false
		}
		n := 0
		for _, e := range lit.Elts {
			g := p.funcExpr(info, e)
			if g == nil {
				return 0, false, false // a func value not written out: any
			}
			if g == h || g.Decl != nil && g.Decl == h.Decl && !g.closure {
				n++
			}
		}
		rest := append(append([]ast.Node(nil), around[:i]...), around[i+1:]...)
		if len(rest) > 0 && rest[0] == f.syntax {
			rest = rest[1:]
		}
		outside := types.NewVar(token.NoPos, nil, "", nil)
		r, known := p.untyped(func() (int, bool) { return p.repeats(info, f.syntax, outside, rest, limit, depth) })
		return n * r, known && n*r <= limit, true
	}
	return 0, false, false
}

// funcListLit is the literal list of functions x is: written in place,
// or a local of fn set once, to it, and not written otherwise.
func (p *Program) funcListLit(info *types.Info, fn ast.Node, x ast.Expr) *ast.CompositeLit {
	if lit, ok := ast.Unparen(x).(*ast.CompositeLit); ok {
		return lit
	}
	v, ok := info.Uses[identOf(x)].(*types.Var)
	if !ok || v.Pos() < fn.Pos() || v.Pos() >= fn.End() || isParam(fn, v) {
		return nil
	}
	var lit *ast.CompositeLit
	writes := 0
	all := queries.Writes(info, fn, v, func(w queries.LocalWrite) bool {
		writes++
		lit, _ = ast.Unparen(w.Value).(*ast.CompositeLit)
		return lit != nil
	})
	if !all || writes != 1 || p.elemAssigned(info, fn, v) {
		return nil
	}
	return lit
}

// elemAssigned says whether fn writes an element of v in place, or
// hands v on (to a call, a variable, a field).
func (p *Program) elemAssigned(info *types.Info, fn ast.Node, v *types.Var) bool {
	found := false
	queries.InspectAround(fn, func(n ast.Node, around []ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || info.Uses[id] != v || len(around) == 0 {
			return true
		}
		switch pa := around[len(around)-1].(type) {
		case *ast.RangeStmt:
			if pa.X != id {
				found = true
			}
		case *ast.CallExpr:
			if b, ok := info.Uses[identOf(pa.Fun)].(*types.Builtin); !ok || b.Name() != "len" {
				found = true
			}
		default:
			found = true
		}
		return !found
	})
	return found
}

// configuredList says, in a FewTyped, whether x, a loop's list in a
// function only start-up runs, holds what only start-up fills: as many
// as configured, which counts once (see StartRange).
func (p *Program) configuredList(info *types.Info, fn ast.Node, x ast.Expr) bool {
	if p.typed == nil || fn == nil || !p.atStart(fn.Pos(), p.typed.reaching) {
		return false
	}
	_, ok := p.FilledAtStart(info, x, p.typed.reaching)
	return ok
}

// FewTypedCall reports whether the call at callPos, in the range
// statement of the module at loop, runs its queries only through the
// methods of the loop's element (an interface value), called on it in
// the loop's body or in a function literal (or function) it is handed
// to, and the list holds at most limit values of the implementations
// the graph says reach them (FewTyped). A query the call reaches any
// other way, an element assigned again, a func value: not known.
func (p *Program) FewTypedCall(loop, callPos token.Pos, limit int, reaching map[*Func][]*Entry) bool {
	fn, rs, info := p.rangeAt(loop)
	if rs == nil {
		return false
	}
	id, ok := rs.Value.(*ast.Ident)
	if !ok {
		return false
	}
	el, ok := info.Defs[id].(*types.Var)
	if !ok || !types.IsInterface(el.Type()) || assigned(rs.Body, el) {
		return false
	}
	var impls []*Func
	found := false
	for _, c := range fn.Calls {
		if c.Expr == nil || c.Expr.Pos() != callPos {
			continue
		}
		found = true
		gs, ok := p.elementImpls(info, fn, c, []*types.Var{el}, true)
		if !ok {
			return false
		}
		impls = append(impls, gs...)
	}
	return found && p.FewTyped(loop, impls, limit, reaching)
}

// elementImpls are the callees of c, a call in f, through which it
// reaches queries, when it reaches them only through method calls on
// els: c itself such a call, or (when outer) a call of one function
// taking an element as a parameter, or capturing it, whose calls reach
// queries only through such method calls.
func (p *Program) elementImpls(info *types.Info, f *Func, c *Call, els []*types.Var, outer bool) ([]*Func, bool) {
	on := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		for _, v := range els {
			if info.Uses[id] == v {
				return true
			}
		}
		return false
	}
	reaching := func(g *Func) bool { return len(p.ReachFrom(f, c, g)) > 0 }
	if c.Site != nil || c.Callback {
		return nil, false
	}
	if sel, ok := ast.Unparen(c.Expr.Fun).(*ast.SelectorExpr); ok && on(sel.X) {
		if s := info.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
			return nil, false
		}
		var out []*Func
		for _, g := range c.Callees {
			if reaching(g) {
				out = append(out, g)
			}
		}
		return out, true
	}
	if !outer || len(c.Callees) != 1 {
		return nil, false
	}
	g := c.Callees[0]
	gpkg := p.pkgs[g.pkg]
	if g.syntax == nil || g.Synthetic || gpkg == nil || gpkg.TypesInfo == nil || gpkg.TypesInfo != info && g.closure {
		return nil, false
	}
	ginfo := gpkg.TypesInfo
	var ftype *ast.FuncType
	switch s := g.syntax.(type) {
	case *ast.FuncLit:
		ftype = s.Type
	case *ast.FuncDecl:
		ftype = s.Type
	}
	// The parameters the call hands an element to, and the elements
	// a closure captures.
	inner := []*types.Var{}
	if g.closure {
		inner = append(inner, els...)
	}
	k := 0
	for _, fld := range ftype.Params.List {
		names := fld.Names
		if len(names) == 0 {
			k++
			continue
		}
		for _, name := range names {
			if k < len(c.Expr.Args) && on(c.Expr.Args[k]) {
				v, ok := ginfo.Defs[name].(*types.Var)
				if !ok || assigned(g.syntax, v) {
					return nil, false
				}
				inner = append(inner, v)
			}
			k++
		}
	}
	if len(inner) == 0 {
		return nil, false
	}
	var out []*Func
	for _, d := range g.Calls {
		if d.Site == nil && !p.reachesAny(g, d) {
			continue
		}
		if d.Expr == nil {
			return nil, false
		}
		gs, ok := p.elementImpls(ginfo, g, d, inner, false)
		if !ok {
			return nil, false
		}
		out = append(out, gs...)
	}
	return out, true
}

// reachesAny says whether c, a call in f, reaches a query.
func (p *Program) reachesAny(f *Func, c *Call) bool {
	for _, g := range c.Callees {
		if len(p.ReachFrom(f, c, g)) > 0 {
			return true
		}
	}
	return false
}

// readOnlyAddr says whether the address handed out at pos is a getter's
// one result (func Get() *Config { return &C }) that every call of the
// getter only reads through: conf := config.Get(); conf.Server.Names,
// or config.Get().Server.Names, never a field written, its address
// taken or a method called on it. Then the getter writes nothing.
func (p *Program) readOnlyAddr(pos token.Pos) bool {
	f := p.FuncAt(pos)
	if f == nil || f.syntax == nil || f.sig == nil || f.sig.Results().Len() != 1 || p.calledOutside(f) {
		return false
	}
	ret := false
	ast.Inspect(f.syntax, func(n ast.Node) bool {
		if r, ok := n.(*ast.ReturnStmt); ok && len(r.Results) == 1 {
			if u, ok := ast.Unparen(r.Results[0]).(*ast.UnaryExpr); ok && u.Op == token.AND && u.Pos() == pos {
				ret = true
			}
		}
		return !ret
	})
	if !ret {
		return false
	}
	calls := 0
	for _, h := range p.sameFunc(f) {
		for _, cl := range p.callerIndex()[h] {
			calls++
			pkg := p.pkgs[cl.f.pkg]
			if cl.c.Callback || cl.c.Expr == nil || cl.f.syntax == nil || pkg == nil || pkg.TypesInfo == nil || !readsThrough(pkg.TypesInfo, cl.f.syntax, cl.c.Expr) {
				return false
			}
		}
	}
	return calls > 0
}

// readsThrough says whether the pointer call, in fn, returns is only
// read through: selected from in place, or kept in a local selected
// from (see readOnlyAddr).
func readsThrough(info *types.Info, fn ast.Node, call *ast.CallExpr) bool {
	var local *types.Var
	ok := true
	queries.InspectAround(fn, func(n ast.Node, around []ast.Node) bool {
		if n != call || !ok {
			return true
		}
		parent := around[len(around)-1]
		switch pa := parent.(type) {
		case *ast.SelectorExpr:
			ok = fieldRead(info, append(around, n))
		case *ast.AssignStmt:
			if pa.Tok != token.DEFINE || len(pa.Lhs) != 1 || len(pa.Rhs) != 1 {
				ok = false
				break
			}
			local, _ = info.Defs[identOf(pa.Lhs[0])].(*types.Var)
			ok = local != nil
		default:
			ok = false
		}
		return true
	})
	if !ok || local == nil {
		return ok
	}
	queries.InspectAround(fn, func(n ast.Node, around []ast.Node) bool {
		if id, is := n.(*ast.Ident); is && ok && info.Uses[id] == local {
			ok = fieldRead(info, append(around, n))
		}
		return true
	})
	return ok
}

// fieldRead says whether the pointer at the end of path is only read
// through: the X of a chain of field selections and indexes, neither
// assigned, incremented, addressed, ranged into, nor, when a map or a
// pointer, handed to a call.
func fieldRead(info *types.Info, path []ast.Node) bool {
	i := len(path) - 1
	cur := path[i]
	sels := 0
	for i--; i >= 0; i-- {
		switch up := path[i].(type) {
		case *ast.ParenExpr:
		case *ast.SelectorExpr:
			if up.X != cur {
				return false
			}
			if s := info.Selections[up]; s == nil || s.Kind() != types.FieldVal {
				return false
			}
			sels++
		case *ast.IndexExpr:
			if up.X != cur {
				goto top
			}
		default:
			goto top
		}
		cur = path[i]
	}
top:
	if sels == 0 || i < 0 {
		return false
	}
	switch up := path[i].(type) {
	case *ast.AssignStmt:
		for _, l := range up.Lhs {
			if l == cur {
				return false
			}
		}
	case *ast.IncDecStmt:
		return false
	case *ast.UnaryExpr:
		return up.Op != token.AND
	case *ast.RangeStmt:
		return up.Tok != token.ASSIGN || up.Key != cur && up.Value != cur
	case *ast.CallExpr:
		if e, ok := cur.(ast.Expr); ok && up.Fun != cur {
			switch under(info.TypeOf(e)).(type) {
			case *types.Map, *types.Pointer:
				return false
			}
		}
	}
	return true
}
