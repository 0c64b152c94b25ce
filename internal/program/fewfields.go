package program

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// What every write of a field sets it to.
//
// An operation is often handed down as a struct: a vote's handler builds
// the activities the vote changes, one per action of a two-item list of
// actions, keeps them in the operation's field, and the store ranges over
// the field, a query per activity. Per package the store's loop looks
// like any loop over data; in the program, every write of the field sets
// it to a few items — a literal, or what a function of the module returns
// that it fills only from literals, make(T, 0), and one append per item
// of a loop over such a list — and the loop runs that many times, as over
// a slice literal ranged over in place, on which the pass is silent. So
// does a loop over what a function keeps of such a field (the activities
// of the vote already saved), passed on as a parameter.
//
// A map field, or a list field appended to, holds a few when each put
// or append is one the code lets one count (see registrations.go): a
// registry's constructor putting one worker per item of a container's
// value group.
//
// A field whose struct's address, or a list or map of its values, is
// handed to code outside the module (a decoder may fill it), or that any
// write sets to anything else (the request's ids, an append to itself
// per request), holds data.

// fewHops is how many steps (a field's writes, a call's returns, a
// loop's list) the writes of a field are followed.
const fewHops = 8

// FewField reports whether x, the list a loop ranges over, is a field of
// one of the module's structs that every write in the program sets to at
// most limit items (see above).
func (p *Program) FewField(info *types.Info, x ast.Expr, limit int) bool {
	x = unsliced(x) // ms.svcs[1:] holds no more than ms.svcs
	n, ok := p.fewField(info, x, limit, 0)
	return ok && n <= limit
}

// unsliced is the list x slices (l[i:j], l[1:]), at any depth; x
// itself when it slices nothing.
func unsliced(x ast.Expr) ast.Expr {
	for {
		s, ok := ast.Unparen(x).(*ast.SliceExpr)
		if !ok {
			return x
		}
		x = s.X
	}
}

// fewField is how many items at most the field x selects holds, when
// every write of it sets it to a few (see FewField).
func (p *Program) fewField(info *types.Info, x ast.Expr, limit, depth int) (int, bool) {
	n, ok := p.countedField(info, x, limit, depth)
	if !ok && p.configured != nil && !p.decoded(info, x) {
		// In a StartRange, a field only start-up writes (from the
		// configuration, not from a table) holds as many as configured:
		// one, for the counts around it (as fewGlobal's variables). One
		// a decoder may fill holds what its input does.
		if _, filled := p.FilledAtStart(info, x, p.configured.reaching); filled && !p.ReadAtStart(info, x) {
			return 1, true
		}
	}
	return n, ok
}

// decoded reports whether a decoder may fill the struct whose field x
// selects: a pointer to it is handed to code outside the module.
func (p *Program) decoded(info *types.Info, x ast.Expr) bool {
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok {
		return true
	}
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return true
	}
	owner := ownerOf(s)
	w := p.writesIndex()
	return owner == nil || len(w.addr[owner]) > 0 || len(w.within[owner]) > 0
}

// countedField is fewField for writes the code lets one count.
func (p *Program) countedField(info *types.Info, x ast.Expr, limit, depth int) (int, bool) {
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok || depth > fewHops {
		return 0, false
	}
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return 0, false
	}
	v := s.Obj().(*types.Var)
	switch under(v.Type()).(type) {
	case *types.Slice, *types.Map:
	default:
		return 0, false
	}
	if v.Pkg() == nil || p.pkgs[v.Pkg().Path()] == nil {
		return 0, false // another module's field is filled where we cannot see
	}
	w := p.writesIndex()
	owner := ownerOf(s)
	if owner == nil || len(w.addr[owner]) > 0 || len(w.within[owner]) > 0 {
		return 0, false // anonymous, or a decoder may fill it
	}
	places := w.of[v.Origin()]
	if len(places) == 0 {
		// Written nowhere this code shows: a dependency-injection
		// container's value group, or data.
		return p.groupSize(owner, v, limit)
	}
	// A write setting it whole leaves what the largest sets; a put or an
	// append to itself adds, as many times as it runs (see runs).
	most, added := 0, 0
	for _, pl := range places {
		if pl.info == nil {
			return 0, false
		}
		f := p.FuncAt(pl.pos)
		if f == nil {
			return 0, false // a package-level declaration's: not followed
		}
		if pl.val != nil && refiltered(pl.info, f, v, pl.pos, places) {
			continue // out.v = append(out.v, x) over in.v, out.v reset first: no more than in.v
		}
		if pl.val == nil || selfAppend(pl.info, pl.val, fieldIs(pl.info, v)) {
			n, ok := p.countedWrite(pl.info, f, v, fieldIs(pl.info, v), pl.pos, limit, depth+1)
			if !ok {
				return 0, false
			}
			added += n
		} else {
			n, ok := p.fewValue(pl.info, f.syntax, pl.val, limit, depth+1)
			if !ok || n > limit {
				return 0, false
			}
			most = max(most, n)
		}
		if most+added > limit {
			return 0, false
		}
	}
	return most + added, true
}

// refiltered reports whether the write at pos, in f, copies the field v
// of another value item by item: out.v = append(out.v, x), one item per
// pass of the only loop around it, a range over some value's v, with
// out.v set to a new empty list in f (one of places, every write of v)
// first. The copy holds no more than the list it ranges over, which the
// field's other writes bound (komari's rollup policy, its tiers
// filtered by a retention: four, as the literal its constructor writes).
func refiltered(info *types.Info, f *Func, v *types.Var, pos token.Pos, places []place) bool {
	is := fieldIs(info, v)
	as, around := assignAt(f, pos)
	if as == nil || len(as.Lhs) != 1 || len(as.Rhs) != 1 || !is(as.Lhs[0]) {
		return false
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || call.Ellipsis.IsValid() || len(call.Args) != 2 || !selfAppend(info, call, is) ||
		types.ExprString(call.Args[0]) != types.ExprString(as.Lhs[0]) {
		return false
	}
	var loop *ast.RangeStmt
	for _, n := range around {
		switch n := n.(type) {
		case *ast.ForStmt, *ast.FuncLit:
			return false
		case *ast.RangeStmt:
			if loop != nil {
				return false
			}
			loop = n
		}
	}
	if loop == nil || !is(loop.X) || types.ExprString(loop.X) == types.ExprString(as.Lhs[0]) {
		return false
	}
	// Reset before the loop, in f: out.v = make([]T, 0, n) or nil.
	for _, pl := range places {
		if pl.info != info || pl.pos >= loop.Pos() || pl.pos < f.syntax.Pos() || pl.pos > f.syntax.End() || pl.val == nil {
			continue
		}
		switch e := ast.Unparen(pl.val).(type) {
		case *ast.CallExpr:
			if n, made := madeEmpty(info, e); made && n == 0 {
				return true
			}
		case *ast.Ident:
			if _, isNil := info.Uses[e].(*types.Nil); isNil {
				return true
			}
		}
	}
	return false
}

// selfAppend reports whether e is append(x, ...) for an x is matches.
func selfAppend(info *types.Info, e ast.Expr, is func(ast.Expr) bool) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	b, ok := info.Uses[identOf(call.Fun)].(*types.Builtin)
	return ok && b.Name() == "append" && is(call.Args[0])
}

// fewValue is how many items at most e, a list written in fn, holds when
// it is a few the code writes: a literal, nil, make(T, k) for a small
// constant k, a local every write of which is such a list (fewLocal), a
// field (fewField), or the result of a function of the module that
// returns such a list (fewResult).
func (p *Program) fewValue(info *types.Info, fn ast.Node, e ast.Expr, limit, depth int) (int, bool) {
	if _, ok := under(info.TypeOf(e)).(*types.Chan); ok {
		return 0, false // a channel gives whatever is sent on it, however it was made
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return p.items(info, fn, e.Elts), true
	case *ast.Ident:
		switch obj := info.Uses[e].(type) {
		case *types.Nil:
			return 0, true
		case *types.Var:
			if obj.Parent() == obj.Pkg().Scope() {
				// A package-level variable: filled by registration
				// calls the code lets one count, or data.
				return p.fewGlobal(obj, limit, depth+1)
			}
			return p.fewLocal(info, fn, obj, limit, depth)
		}
	case *ast.SelectorExpr:
		if v, ok := info.Uses[e.Sel].(*types.Var); ok && info.Selections[e] == nil && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return p.fewGlobal(v, limit, depth+1) // pkg.V
		}
		return p.fewField(info, e, limit, depth)
	case *ast.IndexExpr:
		return p.fewEntry(info, e, limit, depth) // an element of a table nothing changes
	case *ast.CallExpr:
		if n, ok := madeEmpty(info, e); ok {
			return n, true // at most as many of a type as its length
		}
		if p.filtering() {
			if n, ok := p.typedAppend(info, fn, e, limit, depth); ok {
				return n, true
			}
		}
		if arg := keptArg(info, e); arg != nil {
			// slices.Collect(maps.Keys(set)): as many as the set holds.
			return p.fewValue(info, fn, arg, limit, depth+1)
		}
		if arg := p.passedArg(info, e, 0); arg != nil {
			// fill(list, ...), returning list: as many as list holds.
			return p.fewValue(info, fn, arg, limit, depth+1)
		}
		if n, ok := p.fewFilter(info, fn, e, limit, depth); ok {
			return n, true // zones.Match(prefix): at most what zones holds
		}
		return p.fewCall(info, e, 0, limit, depth)
	}
	return 0, false
}

// madeEmpty matches make(T, k) with a constant length k (k is 0 when
// omitted, for a map or a channel): a list of k zero items.
func madeEmpty(info *types.Info, call *ast.CallExpr) (int, bool) {
	if b, ok := info.Uses[identOf(call.Fun)].(*types.Builtin); !ok || b.Name() != "make" {
		return 0, false
	}
	if len(call.Args) < 2 {
		return 0, true
	}
	k, ok := constant.Int64Val(constant.ToInt(info.Types[call.Args[1]].Value))
	return int(k), ok && k >= 0
}

// madeAsLong matches make(T, len(x)), a list with a slot for each item
// of x, and gives x.
func madeAsLong(info *types.Info, call *ast.CallExpr) ast.Expr {
	if b, ok := info.Uses[identOf(call.Fun)].(*types.Builtin); !ok || b.Name() != "make" || len(call.Args) < 2 {
		return nil
	}
	n, ok := ast.Unparen(call.Args[1]).(*ast.CallExpr)
	if !ok || len(n.Args) != 1 {
		return nil
	}
	if b, ok := info.Uses[identOf(n.Fun)].(*types.Builtin); !ok || b.Name() != "len" {
		return nil
	}
	return n.Args[0]
}

// fewCall is how many items at most the k-th result of call holds, when
// every function of the module call runs (itself, or what the call graph
// dispatches it to) returns a few there (fewResult).
func (p *Program) fewCall(info *types.Info, call *ast.CallExpr, k, limit, depth int) (int, bool) {
	if depth > fewHops {
		return 0, false
	}
	fn := typeutil.StaticCallee(info, call)
	if fn == nil {
		return p.fewDispatched(call, k, limit, depth)
	}
	return p.fewFuncResult(p.Func(fn), k, limit, depth)
}

// fewDispatched is how many items at most the k-th result of call, a
// call through an interface or a func value, holds when every function
// of the module the call graph says it runs returns a few there.
func (p *Program) fewDispatched(call *ast.CallExpr, k, limit, depth int) (int, bool) {
	f := p.FuncAt(call.Pos())
	if f == nil {
		return 0, false
	}
	for _, c := range f.Calls {
		if c.Expr != call {
			continue
		}
		if len(c.Callees) == 0 || c.Callback {
			return 0, false
		}
		most := 0
		for _, g := range c.Callees {
			n, ok := p.fewFuncResult(g, k, limit, depth)
			if !ok {
				return 0, false
			}
			most = max(most, n)
		}
		return most, true
	}
	return 0, false
}

// fewFuncResult is how many items at most the k-th result of g, a
// function of the module, holds (see fewResult).
func (p *Program) fewFuncResult(g *Func, k, limit, depth int) (int, bool) {
	if g == nil || g.syntax == nil || g.instance {
		return 0, false // another module's: not followed
	}
	decl, ok := g.syntax.(*ast.FuncDecl)
	if !ok || decl.Body == nil {
		return 0, false
	}
	ginfo := p.pkgs[g.pkg]
	if ginfo == nil || ginfo.TypesInfo == nil {
		return 0, false
	}
	return p.fewResult(ginfo.TypesInfo, decl, g.sig, k, limit, depth+1)
}

// fewResult is how many items at most the k-th result of decl holds,
// when every return of it gives a few there.
func (p *Program) fewResult(info *types.Info, decl *ast.FuncDecl, sig *types.Signature, k, limit, depth int) (int, bool) {
	if k >= sig.Results().Len() {
		return 0, false
	}
	most, ok, any := 0, true, false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a closure's returns are its own
		case *ast.ReturnStmt:
			any = true
			var m int
			switch {
			case len(n.Results) == 0: // a bare return: the named result
				m, ok = p.fewLocal(info, decl, sig.Results().At(k), limit, depth)
			case len(n.Results) == sig.Results().Len():
				m, ok = p.fewValue(info, decl, n.Results[k], limit, depth)
			default: // return f(): the callee's k-th result
				call, isCall := ast.Unparen(n.Results[0]).(*ast.CallExpr)
				if !isCall {
					ok = false
					return false
				}
				m, ok = p.fewCall(info, call, k, limit, depth)
			}
			ok = ok && m <= limit
			most = max(most, m)
		}
		return ok
	})
	return most, ok && any
}

// fewLocal is how many items at most v, a local variable (or named
// result) of fn, holds when every write of it is a few the code writes
// (fewValue), or an append of items written out, repeated only by loops
// over such lists, each multiplying it by its length: one activity per
// action of a two-item list is two. Any other write (a range assigning
// it, &v, a loop of a condition, a closure) makes it data. The count adds
// up every write, whichever runs (an upper bound); a map's adds the keys
// put in it (mapKeys).
func (p *Program) fewLocal(info *types.Info, fn ast.Node, v *types.Var, limit, depth int) (int, bool) {
	if fn == nil || v.Pos() < fn.Pos() || v.Pos() >= fn.End() || depth > fewHops {
		return 0, false
	}
	if isParam(fn, v) {
		return p.fewParam(fn, v, limit, depth) // what callers pass
	}
	// Locals may copy each other round (a, b = b, a), at no hop's cost:
	// a local met again on the way is not bounded by this walk.
	if p.fewLocals[v] {
		return 0, false
	}
	if p.fewLocals == nil {
		p.fewLocals = map[*types.Var]bool{}
	}
	p.fewLocals[v] = true
	defer delete(p.fewLocals, v)
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.ObjectOf(id) == v
	}
	total := 0
	ok := queries.Writes(info, fn, v, func(w queries.LocalWrite) bool {
		var n int
		var ok bool
		if w.Value != nil && p.keeps(info, w.Value, is) {
			return true // v = fill(v, ...): the items it had
		}
		if w.Value != nil && p.filtering() {
			if rs, rest := copied(info, w.Value, is, w.Around); rs != nil {
				// Each item of a type that list holds, once.
				n, ok = p.fewValue(info, fn, rs.X, limit, depth+1)
				if !ok || n == 0 {
					return ok
				}
				t, known := p.repeats(info, fn, v, rest, limit, depth)
				total += n * t
				return known && total <= limit
			}
		}
		if w.Value != nil {
			n, ok = p.appended(info, fn, w.Value, is, limit, depth)
		} else {
			n, ok = p.fewCall(info, w.Call, w.Index, limit, depth)
		}
		if ok && n == 0 && p.filtering() {
			return true // adds none of the typed items, however often
		}
		t, known := p.repeats(info, fn, v, w.Around, limit, depth)
		total += n * t
		return ok && known && total <= limit
	})
	if _, isMap := under(v.Type()).(*types.Map); isMap && ok {
		// And the keys put in it.
		n, good := p.mapKeys(info, fn, v, limit, depth)
		total, ok = total+n, good && total+n <= limit
	}
	return total, ok
}

// repeats is how many times a write within around runs per declaration
// of v: the product of the lengths of the loops around it that v is not
// declared in.
func (p *Program) repeats(info *types.Info, fn ast.Node, v *types.Var, around []ast.Node, limit, depth int) (int, bool) {
	t := 1
	for _, s := range around {
		if v.Pos() >= s.Pos() && v.Pos() < s.End() {
			continue // v is declared afresh in it
		}
		switch s := s.(type) {
		case *ast.ForStmt, *ast.FuncLit:
			return 0, false
		case *ast.RangeStmt:
			n, ok := p.untyped(func() (int, bool) { return p.fewValue(info, fn, s.X, limit, depth+1) })
			if !ok && p.configuredList(info, fn, s.X) {
				n, ok = 1, true // as many as configured: one (see typedfew.go)
			}
			if !ok && !p.filtering() && p.configured == nil {
				// A list turned down when over a few, before the loop
				// (a batch of at most ten codes, one request per code);
				// a count, not a list the code's shape fills, so not
				// for StartRange.
				if k, checked := queries.CheckedBefore(info, fn, s.Pos(), s.X); checked && k <= int64(limit) {
					n, ok = int(k), true
				}
			}
			if !ok {
				return 0, false
			}
			t *= n
		}
	}
	return t, true
}

// appended is how many items the value e, assigned to the local is
// reports, adds: what append(v, a, b) writes out, or what a fewValue
// holds.
func (p *Program) appended(info *types.Info, fn ast.Node, e ast.Expr, is func(ast.Expr) bool, limit, depth int) (int, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return p.fewValue(info, fn, e, limit, depth)
	}
	if b, ok := info.Uses[identOf(call.Fun)].(*types.Builtin); !ok || b.Name() != "append" {
		return p.fewValue(info, fn, e, limit, depth)
	}
	if len(call.Args) == 0 || !is(call.Args[0]) {
		return 0, false
	}
	if call.Ellipsis.IsValid() {
		if len(call.Args) != 2 {
			return 0, false
		}
		return p.fewValue(info, fn, call.Args[1], limit, depth+1) // append(v, other...): as many as other holds
	}
	return p.items(info, fn, call.Args[1:]), true
}

// fewLocalArg is how many items at most v, a local of f a call of f
// passes, holds (see fewLocal), for what every caller passes.
func (p *Program) fewLocalArg(info *types.Info, v *types.Var, limit, depth int) (int, bool) {
	f := p.FuncAt(v.Pos())
	if f == nil {
		return 0, false
	}
	return p.fewLocal(info, f.syntax, v, limit, depth)
}

// isParam reports whether v is a parameter (or the receiver) of fn, a
// function declaration or literal.
func isParam(fn ast.Node, v *types.Var) bool {
	var lists []*ast.FieldList
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		lists = []*ast.FieldList{fn.Recv, fn.Type.Params}
	case *ast.FuncLit:
		lists = []*ast.FieldList{fn.Type.Params}
	}
	for _, l := range lists {
		if l != nil && v.Pos() >= l.Pos() && v.Pos() < l.End() {
			return true
		}
	}
	return false
}
