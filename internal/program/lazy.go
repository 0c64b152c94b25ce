package program

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"slices"

	"golang.org/x/tools/go/types/typeutil"
)

// A statement an iterator runs lazily, on the first call that needs a
// row (if t.rows == nil { t.fetch() }: Call.Per), runs once per
// iterator, not once per call of its methods. Whether a loop around a
// call runs it once per item depends on where the iterator the call
// hands on is made:
//
//	it := store.Read(ctx, filter)
//	for { t, err := it.Next(ctx); ... }   // once: the same iterator
//
//	for _, it := range iters { it.Next(ctx) } // once per iterator, made before
//
//	for _, id := range ids {
//		it := store.Read(ctx, id)           // a new iterator per item:
//		t, err := it.Next(ctx)              // a query per item
//	}
//
// The reach of a function keeps, for such a site, which of its
// parameters (the receiver first) the value is (Reached.Per). At a call
// handing that parameter a value, the value is traced back through
// selections, dereferences, indexing and ranging over a collection: to a
// parameter of the caller (the caller's reach then says that one), or to
// a variable the loops around the call do not declare (they do not make
// it anew: the call's loops do not multiply the site), or to anything
// else (a call's result, a variable of the loop's body: made per item).
// Wrappers (an iterator that filters another one it holds in a field)
// hand on their receiver's field, which is the same value for as long as
// the wrapper.
//
// A fill of a pointer parameter's state (a release a download fills with
// its file, see the queries pass's lazy.go) is followed the same way, but
// the values are data, not a few iterators: a loop calling it with its
// item, or with anything its body makes or sets from the item (r :=
// rs[i]), runs the statement once per item; only a value the loops do
// not make anew (the release a loop over checks hands each check) runs
// it once for the loop (Reached.PerItem).

// handedFrom traces the value call c of f hands g's parameter k (the
// receiver first, for a method) back to f (see above): from, when not 0,
// says it is f's parameter from-1 (the receiver first); outside says the
// loops around c do not make it anew. item says the value is data (see
// above): one a loop around c ranges over, or that its body sets, is
// per item.
func (p *Program) handedFrom(f *Func, c *Call, g *Func, k int, item bool) (from int, outside bool) {
	if c.Expr == nil {
		// A wrapper the compiler made (a promoted method, a method
		// value) hands its parameters on in order.
		if f.Synthetic && len(c.Loops) == 0 {
			return k + 1, true
		}
		return 0, false
	}
	info := p.info(f)
	if info == nil || g.sig == nil {
		return 0, false
	}
	var arg ast.Expr
	args := c.Expr.Args
	if g.sig.Recv() != nil {
		sel, ok := ast.Unparen(c.Expr.Fun).(*ast.SelectorExpr)
		if !ok || info.Selections[sel] == nil || info.Selections[sel].Kind() != types.MethodVal {
			return 0, false // a method expression, or a func value
		}
		if k == 0 {
			arg = sel.X
		} else {
			k--
		}
	}
	if arg == nil {
		if k >= len(args) || g.sig.Variadic() && k >= g.sig.Params().Len()-1 {
			return 0, false
		}
		arg = args[k]
	}
	if item && readsPerItem(info, c, arg) {
		return 0, false // the loop's item, or made from it
	}
	v := p.valueRoot(f, info, arg, 0)
	if v == nil {
		// Made by an expression: a call, a literal. Made before the
		// loops around c, into a local they do not set (dep :=
		// FromContext(ctx), then dep.Settings() per item), it is one
		// value for all their items, made anew per call of f.
		if l := localRoot(info, arg); l != nil && outsideLoops(c, l) {
			return 0, true
		}
		return 0, false
	}
	if i := paramOrdinal(f, v); i > 0 && !assigned(f.syntax, v) {
		return i, true
	}
	return 0, outsideLoops(c, v)
}

// readsPerItem reports whether x reads a local variable a loop around c
// declares or sets (r, rs[i], &rs[i], r.Inner).
func readsPerItem(info *types.Info, c *Call, x ast.Expr) bool {
	found := false
	ast.Inspect(x, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && !v.IsField() && v.Pkg() != nil && v.Parent() != v.Pkg().Scope() && !outsideLoops(c, v) {
				found = true
			}
		}
		return !found
	})
	return found
}

// outsideLoops reports whether no loop around c declares or sets v: the
// loops do not make it anew per item.
func outsideLoops(c *Call, v *types.Var) bool {
	for _, l := range c.Loops {
		if l.Node == nil {
			continue
		}
		if l.Node.Pos() <= v.Pos() && v.Pos() < l.Node.End() || assigned(l.Node, v) {
			return false // declared or set in a loop around the call: one per item
		}
	}
	return true
}

// localRoot is the local variable x selects from (d of d, d.inner), nil
// when x starts from anything else or from a package-level variable.
func localRoot(info *types.Info, x ast.Expr) *types.Var {
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.SelectorExpr:
			if s := info.Selections[e]; s == nil || s.Kind() != types.FieldVal {
				return nil
			}
			x = e.X
		case *ast.StarExpr:
			x = e.X
		case *ast.Ident:
			v, _ := info.Uses[e].(*types.Var)
			if v == nil || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
				return nil
			}
			return v
		default:
			return nil
		}
	}
}

// valueRoot is the variable the value of x comes from: x's operand
// through selections, dereferences, address-of and indexing; for the
// variable of a range over a slice, array or map (the element of a
// collection made before the loop), the collection's; for a local
// defined once, its definition's; for the result of a method that
// returns what its receiver holds (s.Active() returning s.streams), the
// receiver's. Nil when x starts from anything else. depth counts the
// methods read on the way.
func (p *Program) valueRoot(f *Func, info *types.Info, x ast.Expr, depth int) *types.Var {
	result := 0 // which result of a call x is
	for range 16 {
		switch e := ast.Unparen(x).(type) {
		case *ast.SelectorExpr:
			if s := info.Selections[e]; s == nil || s.Kind() != types.FieldVal {
				v, _ := info.Uses[e.Sel].(*types.Var) // pkg.Var
				return v
			}
			x = e.X
		case *ast.StarExpr:
			x = e.X
		case *ast.UnaryExpr:
			if e.Op != token.AND {
				return nil
			}
			x = e.X
		case *ast.IndexExpr:
			x = e.X
		case *ast.CallExpr:
			if x = p.heldBy(info, e, result, depth); x == nil {
				return nil // made by the call, as far as the graph knows
			}
			result = 0
		case *ast.Ident:
			v, ok := info.Uses[e].(*types.Var)
			if !ok {
				return nil
			}
			if over := rangedOver(f.syntax, info, v); over != nil {
				x = over
				continue
			}
			if def, i := soleDef(f.syntax, info, v); def != nil {
				x, result = def, i // iter := c.pending[0]; its, err := s.Active()
				continue
			}
			return v
		default:
			return nil
		}
	}
	return nil
}

// heldBy is, when call calls a method of the module (not through an
// interface) whose every return hands back, as its result-th result,
// nil or what its receiver holds, the call's receiver expression; nil
// otherwise.
func (p *Program) heldBy(info *types.Info, call *ast.CallExpr, result, depth int) ast.Expr {
	if depth >= 3 {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || info.Selections[sel] == nil || info.Selections[sel].Kind() != types.MethodVal {
		return nil
	}
	g := p.Func(typeutil.StaticCallee(info, call))
	if g == nil || g.instance {
		return nil
	}
	decl, ok := g.syntax.(*ast.FuncDecl)
	ginfo := p.info(g)
	if !ok || ginfo == nil || decl.Recv == nil || len(decl.Recv.List) != 1 || len(decl.Recv.List[0].Names) != 1 {
		return nil
	}
	recv, _ := ginfo.Defs[decl.Recv.List[0].Names[0]].(*types.Var)
	if recv == nil {
		return nil
	}
	held, returns := true, 0
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns++
			if len(n.Results) <= result {
				held = false // a bare return, or one call's results
				return false
			}
			r := n.Results[result]
			if tv, ok := ginfo.Types[r]; ok && tv.IsNil() {
				return false
			}
			held = held && p.valueRoot(g, ginfo, r, depth+1) == recv
		}
		return held
	})
	if !held || returns == 0 {
		return nil
	}
	return sel.X
}

// soleDef is the expression that defines v, a local of body that
// nothing assigns again (v := e, var v = e), and which of its results v
// is (v, err := f()); nil otherwise.
func soleDef(body ast.Node, info *types.Info, v *types.Var) (ast.Expr, int) {
	if body == nil {
		return nil, 0
	}
	var def ast.Expr
	result, writes := 0, 0
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, ok := ast.Unparen(lhs).(*ast.Ident)
				if !ok || info.ObjectOf(id) != v {
					continue
				}
				writes++
				switch {
				case n.Tok != token.DEFINE:
				case len(n.Lhs) == len(n.Rhs):
					def = n.Rhs[i]
				case len(n.Rhs) == 1:
					def, result = n.Rhs[0], i
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if info.Defs[id] == v {
					writes++
					if len(n.Values) == len(n.Names) {
						def = n.Values[i]
					}
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[id] == v {
				writes += 2 // its address taken: written anywhere
			}
		}
		return true
	})
	if writes != 1 || def == nil {
		return nil, 0
	}
	if _, ok := ast.Unparen(def).(*ast.CallExpr); !ok && result > 0 {
		return nil, 0 // v, ok := m[k], x.(T), <-ch
	}
	return def, result
}

// rangedOver is the collection a range statement of body declares v to
// range over, when v is its key or value and the collection a slice, an
// array or a map (a pointer to an array too); nil otherwise.
func rangedOver(body ast.Node, info *types.Info, v *types.Var) ast.Expr {
	if body == nil {
		return nil
	}
	var out ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		rs, ok := n.(*ast.RangeStmt)
		if out != nil || !ok || rs.Pos() > v.Pos() || v.Pos() >= rs.End() {
			return out == nil
		}
		for _, e := range []ast.Expr{rs.Key, rs.Value} {
			if id, ok := e.(*ast.Ident); ok && info.Defs[id] == v {
				t := info.TypeOf(rs.X)
				if t == nil {
					return false
				}
				u := t.Underlying()
				if ptr, ok := u.(*types.Pointer); ok {
					u = ptr.Elem().Underlying()
				}
				switch u.(type) {
				case *types.Slice, *types.Array, *types.Map:
					out = rs.X
				}
				return false
			}
		}
		return true
	})
	return out
}

// ordinals is how many ordinals sig's variables take: its receiver and
// its parameters (see paramOrdinal).
func ordinals(sig *types.Signature) int {
	n := sig.Params().Len()
	if sig.Recv() != nil {
		n++
	}
	return n
}

// paramOrdinal is 1 + the index of v among f's parameters, the receiver
// first; 0 when v is none of them. Matched by place: an instance of a
// generic function has parameters of its own.
func paramOrdinal(f *Func, v *types.Var) int {
	if f.sig == nil {
		return 0
	}
	same := func(w *types.Var) bool { return w != nil && w.Pos() == v.Pos() && w.Name() == v.Name() }
	i := 0
	if r := f.sig.Recv(); r != nil {
		if same(r) {
			return 1
		}
		i = 1
	}
	for j := range f.sig.Params().Len() {
		if same(f.sig.Params().At(j)) {
			return i + j + 1
		}
	}
	return 0
}

// OncePerValue reports whether r, a site callee g of call c of f runs
// once per value of one of its parameters (Reached.Per), runs once for
// the loops around c: c hands that parameter a value they do not make
// anew (see above).
func (p *Program) OncePerValue(f *Func, c *Call, g *Func, r Reached) bool {
	if r.Per == 0 || r.Once {
		return false
	}
	_, outside := p.handedFrom(f, c, g, r.Per-1, r.PerItem)
	return outside
}

// A container the program makes at start-up (a dependency container the
// server's command builds and every request reads through its context)
// lives as long as the process: what its getters build lazily, they
// build once per process, not once per request, whatever path the
// requests take to it (dependency.FromContext(ctx).Settings() in each
// handler, per item of a loop). The value's type says it: every value of
// it the module makes (a composite literal, new, a variable declared of
// the type itself) is made outside any function (a package-level
// variable) or in functions only start-up, commands and migrations run.
// A type a route, a job or code no entry reaches makes is not kept: its
// values may be made per request or per item.

// KeepLongLived marks the types of receivers whose lazy fills
// (Call.Per) run once per process (see above), and forgets the
// reaches computed before.
func (p *Program) KeepLongLived(entries []*Entry) {
	cands := map[*types.TypeName]bool{}
	for _, f := range p.list {
		if t := recvType(f); t != nil && slices.ContainsFunc(f.Calls, func(c *Call) bool { return c.Per == 1 }) {
			cands[t] = true
		}
	}
	if len(cands) == 0 {
		return
	}
	reaching := p.Reaching(entries)
	startOnly := func(pos token.Pos) bool {
		f := p.FuncAt(pos)
		if f == nil {
			return true // a package-level variable's initializer
		}
		es := reaching[f]
		return len(es) > 0 && !slices.ContainsFunc(es, func(e *Entry) bool {
			return e.Role != RoleStartup && e.Role != RoleCLI && e.Role != RoleMigration
		})
	}
	for _, path := range slices.Sorted(maps.Keys(p.pkgs)) {
		m := p.pkgs[path]
		for _, file := range m.Syntax {
			ast.Inspect(file, func(n ast.Node) bool {
				var t types.Type
				switch n := n.(type) {
				case *ast.CompositeLit:
					t = m.TypesInfo.TypeOf(n)
				case *ast.CallExpr:
					if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 1 {
						if b, ok := m.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
							t = m.TypesInfo.TypeOf(n.Args[0])
						}
					}
				case *ast.ValueSpec:
					if n.Type != nil {
						t = m.TypesInfo.TypeOf(n.Type)
					}
				}
				if named, ok := t.(*types.Named); ok && cands[named.Obj()] && !startOnly(n.Pos()) {
					delete(cands, named.Obj()) // made where requests or jobs run
				}
				return true
			})
		}
	}
	p.kept = cands
	// What was asked before (the routes' entries ask some reaches) is
	// asked again under the kept types.
	for _, f := range p.list {
		if s := f.scc; s != nil {
			s.reach, s.done, s.costs, s.seq, s.seqDone = nil, false, nil, nil, false
			s.own, s.mended = nil, nil // a mending component's members' (see mend)
		}
	}
	p.bounds = nil
}

// perArg reports whether c, a call of f that fills a variable's state
// lazily (Call.Per), fills a parameter's, not a method's receiver's.
func (c *Call) perArg(f *Func) bool {
	return c.Per > 1 || f.sig == nil || f.sig.Recv() == nil
}

// keptFill reports whether c, a call of f, fills lazily the state of
// f's receiver, of a type KeepLongLived kept: once per process.
func (p *Program) keptFill(f *Func, c *Call) bool {
	return c.Per == 1 && p.keptRecv(f)
}

// keptRecv reports whether f is a method of a type KeepLongLived kept.
func (p *Program) keptRecv(f *Func) bool {
	t := recvType(f)
	return t != nil && p.kept[t]
}

// recvType is the named type of f's receiver (through a pointer), nil
// for a function or a closure.
func recvType(f *Func) *types.TypeName {
	if f.sig == nil || f.closure || f.sig.Recv() == nil {
		return nil
	}
	t := f.sig.Recv().Type()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	if named, ok := t.(*types.Named); ok {
		return named.Origin().Obj()
	}
	return nil
}

// PassesFalse reports whether call c of f passes the constant false as
// parameter k of g (the receiver not counted): the caller keeps a
// getter's fast path (see Call.Unless).
func (p *Program) PassesFalse(f *Func, c *Call, g *Func, k int) bool {
	info := p.info(f)
	if c.Expr == nil || info == nil || g.sig == nil || k >= len(c.Expr.Args) || g.sig.Variadic() && k >= g.sig.Params().Len()-1 {
		return false
	}
	tv, ok := info.Types[c.Expr.Args[k]]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && !constant.BoolVal(tv.Value)
}
