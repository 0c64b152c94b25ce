package program

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// What a call returns.
//
// A loop over a list a call returns is a loop over data, but for the
// lists the called function makes itself: a store's DuplicateBoard sets
// the copy's Boards to []*Board{board}, hands the copy to a helper that
// makes a new one with one board per board, saves it with a third that
// makes the members, one per saved board, and returns both; its caller
// ranges over the copy's boards and over the members, a query each, and
// each loop runs once. Per package the caller's loop looks like any
// other; the program has the functions the call runs (through an
// interface, every implementation the graph resolves), and so can follow
// what they return.
//
// The list, or the field of the struct a call returns, is followed into
// each function the call runs, with that call's arguments bound to its
// parameters: a literal, nil, make(T, k); a local every write of which is
// such a list, or appends of items written out, repeated only by loops
// over such lists (one member per board of a list of one is one); the
// result of another call of the module, followed the same way; and a
// parameter, the argument of the call being followed. A field of a
// returned struct holds at most what the literal making it sets, or any
// write of the field in that function sets (an append to it adds), when
// nothing else can change it: the struct's pointer is only read, compared
// and returned, or handed to functions of the module that, at any depth,
// never write the field nor keep or return the pointer (a loop in a
// closure, which may run after its function returned the struct, is not
// bounded so). A write reading the struct again (bab = rebuild(bab)) is
// bounded by the least bound that holds through it. One handed to a
// function outside the module (a decoder, a logger), stored, or aliased
// may hold anything, and so does a list read from rows, decoded from a
// request, or built by appends in a loop over either; the loop over it
// stays a loop over data. So does one over a list of none (var ids
// []int64, never written): as the queries pass takes an empty list, one
// about to be filled where the code does not show.

// retFrame is a function being followed for one call of it: the call's
// arguments, evaluated in up, bind its parameters. call is nil for the
// function holding the loop (its parameters are what its callers pass,
// see FewPassed).
type retFrame struct {
	info *types.Info
	fn   ast.Node // *ast.FuncDecl, or the *ast.FuncLit of the loop's function
	call *ast.CallExpr
	up   *retFrame
	// wrapped: run through a wrapper, whose receiver is not call's.
	wrapped bool
}

// fieldKey is a field of a struct a local (or parameter) of a retFrame
// points to or holds.
type fieldKey struct {
	fr *retFrame
	v  *types.Var
	f  *types.Var
}

// returned follows lists into the functions that return them.
type returned struct {
	p     *Program
	limit int
	steps int
	// busy are the fields being bounded, with the bound assumed when one
	// is reached again through its own writes (bab = rebuild(bab)).
	busy    map[fieldKey]int
	busyAt  map[fieldKey]int // their order, from the outermost
	low     int              // the outermost of busy read since the last reset
	memo    map[fieldKey]fewBound
	frames  map[[4]any]*retFrame
	clean   map[[2]any]bool // noWrite's in-progress set
	closure bool            // the loop is in a closure of the root retFrame
	root    *retFrame
}

// fewSteps caps the work of one FewReturned.
const fewSteps = 4000

// FewReturned reports whether the list the range statement at loop
// ranges over holds at most limit items, and at least one: a call's
// result, or a local of the function holding the loop (or of the one it
// is written in), or a field of the struct a call returns or such a local
// is or points to, every write of which is a few, following the calls
// that write it into the functions they run (see above). The loop is
// found in the graph's own syntax: the finding's package may be a test
// variant, whose objects are not the graph's.
func (p *Program) FewReturned(loop token.Pos, limit int) bool {
	f := p.FuncAt(loop)
	if f == nil || f.syntax == nil {
		return false
	}
	pkg := p.pkgs[f.pkg]
	if pkg == nil || pkg.TypesInfo == nil {
		return false
	}
	info := pkg.TypesInfo
	var rs *ast.RangeStmt
	ast.Inspect(f.syntax, func(n ast.Node) bool {
		if r, ok := n.(*ast.RangeStmt); ok && r.Pos() == loop {
			rs = r
		}
		return rs == nil
	})
	if rs == nil {
		return false
	}
	var v *types.Var
	switch e := ast.Unparen(rs.X).(type) {
	case *ast.Ident:
		v, _ = info.Uses[e].(*types.Var)
	case *ast.CallExpr:
		return p.fewReturned(info, f.syntax, rs.X, limit, false) // range f()
	case *ast.SelectorExpr:
		if s := info.Selections[e]; s != nil && s.Kind() == types.FieldVal {
			switch x := ast.Unparen(e.X).(type) {
			case *ast.Ident:
				v, _ = info.Uses[x].(*types.Var)
			case *ast.CallExpr:
				return p.fewReturned(info, f.syntax, rs.X, limit, false) // range f().F
			}
		}
	}
	if v == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	owner := p.FuncAt(v.Pos())
	if owner == nil || owner.syntax == nil || owner.pkg != f.pkg {
		return false
	}
	return p.fewReturned(info, owner.syntax, rs.X, limit, owner != f)
}

// fewReturned is FewReturned for x in fn, closure when the loop is in a
// closure of fn.
func (p *Program) fewReturned(info *types.Info, fn ast.Node, x ast.Expr, limit int, closure bool) bool {
	r := &returned{p: p, limit: limit, busy: map[fieldKey]int{}, busyAt: map[fieldKey]int{}, memo: map[fieldKey]fewBound{}, frames: map[[4]any]*retFrame{}, low: 1 << 30, clean: map[[2]any]bool{}}
	r.root = &retFrame{info: info, fn: fn}
	r.closure = closure
	n, ok := r.list(r.root, x, 0)
	// None at all is a list about to be filled, as the queries pass
	// takes an empty one (see fewArg), not one of no items.
	return ok && n > 0 && n <= limit
}

// spent counts a step, and reports whether the steps are used up.
func (r *returned) spent(depth int) bool {
	r.steps++
	return r.steps > fewSteps || depth > 3*fewHops
}

// list is how many items at most e, a list of fr, holds.
func (r *returned) list(fr *retFrame, e ast.Expr, depth int) (int, bool) {
	if r.spent(depth) {
		return 0, false
	}
	if _, ok := under(fr.info.TypeOf(e)).(*types.Chan); ok {
		return 0, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := fr.info.Uses[x].(*types.Var)
		if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
			break // nil, a package-level variable: as fewValue has them
		}
		if isParam(fr.fn, v) {
			if fr.call == nil || assigned(fr.fn, v) {
				return r.p.fewParam(fr.fn, v, r.limit, depth) // what every caller passes
			}
			return r.arg(fr, v, nil, depth)
		}
		return r.local(fr, v, depth)
	case *ast.SelectorExpr:
		if s := fr.info.Selections[x]; s != nil && s.Kind() == types.FieldVal {
			if n, ok := r.field(fr, x.X, s.Obj().(*types.Var), depth+1); ok {
				return n, true
			}
			// Or every write of the field in the program sets a few.
		}
	case *ast.CallExpr:
		if _, ok := madeEmpty(fr.info, x); ok {
			break
		}
		if n := madeAsLong(fr.info, x); n != nil {
			return r.list(fr, n, depth+1) // a slot per item of n
		}
		if arg := keptArg(fr.info, x); arg != nil {
			return r.list(fr, arg, depth+1)
		}
		if _, ok := fr.info.Types[x.Fun]; ok && fr.info.Types[x.Fun].IsType() {
			return r.list(fr, x.Args[0], depth+1) // a conversion
		}
		return r.result(fr, x, 0, nil, depth+1)
	}
	return r.p.fewValue(fr.info, fr.fn, e, r.limit, 0)
}

// local is how many items at most v, a local of fr, holds: every write
// of it a few (list), or appends repeated only by loops over a few (as
// fewLocal has them, with fr's parameters bound).
func (r *returned) local(fr *retFrame, v *types.Var, depth int) (int, bool) {
	if v.Pos() < fr.fn.Pos() || v.Pos() >= fr.fn.End() {
		return 0, false // a closure's capture of its function's: not followed
	}
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && fr.info.ObjectOf(id) == v
	}
	total, writes := 0, 0
	ok := queries.Writes(fr.info, fr.fn, v, func(w queries.LocalWrite) bool {
		var n int
		var ok bool
		writes++
		if w.Value != nil {
			n, ok = r.appended(fr, w.Value, is, depth)
		} else {
			n, ok = r.result(fr, w.Call, w.Index, nil, depth+1)
		}
		t, known := r.repeats(fr, v, w.Around, depth)
		total += n * t
		return ok && known && total <= r.limit
	})
	if _, isMap := under(v.Type()).(*types.Map); isMap && ok {
		n, good := r.p.mapKeys(fr.info, fr.fn, v, r.limit, depth)
		total, ok = total+n, good && total+n <= r.limit
	}
	// One never written (var ids []int64) is about to be filled where
	// the code does not show.
	return total, ok && writes > 0
}

// appended is how many items e, assigned to the local is matches, adds:
// the items append writes out, or what the list it appends holds, or
// what a list holds.
func (r *returned) appended(fr *retFrame, e ast.Expr, is func(ast.Expr) bool, depth int) (int, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return r.list(fr, e, depth+1)
	}
	if b, ok := fr.info.Uses[identOf(call.Fun)].(*types.Builtin); !ok || b.Name() != "append" {
		return r.list(fr, e, depth+1)
	}
	if len(call.Args) == 0 || !is(call.Args[0]) {
		return 0, false
	}
	if call.Ellipsis.IsValid() {
		if len(call.Args) != 2 {
			return 0, false
		}
		return r.list(fr, call.Args[1], depth+1)
	}
	return len(call.Args) - 1, true
}

// repeats is how many times a write within around runs per declaration
// of v: the product of the lengths of the loops around it that v is not
// declared in; a loop of a condition, or a closure, any number.
func (r *returned) repeats(fr *retFrame, v *types.Var, around []ast.Node, depth int) (int, bool) {
	t := 1
	for _, s := range around {
		if v.Pos() >= s.Pos() && v.Pos() < s.End() {
			continue
		}
		switch s := s.(type) {
		case *ast.ForStmt, *ast.FuncLit:
			return 0, false
		case *ast.RangeStmt:
			n, ok := r.list(fr, s.X, depth+1)
			if !ok {
				return 0, false
			}
			t *= n
		}
	}
	return t, true
}

// arg is what the call of fr passes for v, a parameter of fr's function
// that it never assigns: how many items it holds (f nil), or its field f.
func (r *returned) arg(fr *retFrame, v *types.Var, f *types.Var, depth int) (int, bool) {
	decl, ok := fr.fn.(*ast.FuncDecl)
	if !ok || fr.up == nil {
		return 0, false
	}
	call := fr.call
	if decl.Recv != nil && len(decl.Recv.List) == 1 && len(decl.Recv.List[0].Names) == 1 && fr.info.Defs[decl.Recv.List[0].Names[0]] == v {
		if fr.wrapped {
			return 0, false
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return 0, false
		}
		// x.M() with M promoted from an embedded field runs M on the
		// field, not on x.
		if s := fr.up.info.Selections[sel]; s == nil || s.Kind() != types.MethodVal || len(s.Index()) != 1 {
			return 0, false
		}
		return r.value(fr.up, sel.X, f, depth+1)
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := fr.up.info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			return 0, false // T.M(recv, ...): not followed
		}
	}
	i, last := 0, false
	for k, field := range decl.Type.Params.List {
		for _, name := range field.Names {
			if fr.info.Defs[name] == v {
				_, last = field.Type.(*ast.Ellipsis)
				last = last && k == len(decl.Type.Params.List)-1
				goto found
			}
			i++
		}
		if len(field.Names) == 0 {
			i++
		}
	}
	return 0, false
found:
	if last && !call.Ellipsis.IsValid() {
		if f != nil {
			return 0, false
		}
		return max(len(call.Args)-i, 0), true // the variadic arguments written out
	}
	if i >= len(call.Args) || len(call.Args) != decl.Type.Params.NumFields() {
		return 0, false // f(g()): not followed
	}
	return r.value(fr.up, call.Args[i], f, depth+1)
}

// value is list's count for e (f nil), or the count of its field f.
func (r *returned) value(fr *retFrame, e ast.Expr, f *types.Var, depth int) (int, bool) {
	if f == nil {
		return r.list(fr, e, depth)
	}
	return r.field(fr, e, f, depth)
}

// callees are the functions of the module call, in fr, may run, with
// the wrappers (a method promoted from an embedded interface) replaced by
// what they call; false when it may run another module's, or one the
// graph does not know. wrapped says some were reached through a wrapper,
// whose receiver is not the call's.
func (r *returned) callees(fr *retFrame, call *ast.CallExpr) (gs []*Func, wrapped, ok bool) {
	var direct []*Func
	if fn := typeutil.StaticCallee(fr.info, call); fn != nil {
		g := r.p.Func(fn)
		if g == nil {
			return nil, false, false
		}
		direct = []*Func{g}
	} else if f := r.p.FuncAt(call.Pos()); f != nil {
		for _, c := range f.Calls {
			if c.Expr == call && !c.Callback {
				direct = c.Callees
			}
		}
	}
	if len(direct) == 0 {
		return nil, false, false
	}
	seen := map[*Func]bool{}
	var walk func(g *Func, depth int) bool
	walk = func(g *Func, depth int) bool {
		if seen[g] {
			return true
		}
		seen[g] = true
		if !g.Synthetic {
			gs = append(gs, g)
			return true
		}
		wrapped = true
		if depth > fewHops || len(g.Calls) != 1 || g.Calls[0].Callback || len(g.Calls[0].Callees) == 0 {
			return false
		}
		for _, h := range g.Calls[0].Callees {
			if !walk(h, depth+1) {
				return false
			}
		}
		return true
	}
	for _, g := range direct {
		if !walk(g, 0) {
			return nil, false, false
		}
	}
	return gs, wrapped, true
}

// enter is the frame of g run by call from fr; nil when g's body is not
// followed (another module's, a wrapper, a generic instance, a closure).
func (r *returned) enter(fr *retFrame, g *Func, call *ast.CallExpr, wrapped bool) *retFrame {
	if g == nil || g.Synthetic || g.instance || g.closure {
		return nil
	}
	decl, ok := g.syntax.(*ast.FuncDecl)
	if !ok || decl.Body == nil {
		return nil
	}
	pkg := r.p.pkgs[g.pkg]
	if pkg == nil || pkg.TypesInfo == nil {
		return nil
	}
	key := [4]any{decl, call, fr, wrapped}
	if r.frames[key] == nil {
		r.frames[key] = &retFrame{info: pkg.TypesInfo, fn: decl, call: call, up: fr, wrapped: wrapped}
	}
	return r.frames[key]
}

// result is how many items at most the k-th result of call holds (f
// nil), or the field f of the struct it is or points to, when every
// function the call may run returns a few there.
func (r *returned) result(fr *retFrame, call *ast.CallExpr, k int, f *types.Var, depth int) (int, bool) {
	if r.spent(depth) {
		return 0, false
	}
	gs, wrapped, ok := r.callees(fr, call)
	if !ok {
		return 0, false
	}
	most := 0
	for _, g := range gs {
		gf := r.enter(fr, g, call, wrapped)
		if gf == nil || k >= g.sig.Results().Len() {
			return 0, false
		}
		n, ok := r.returns(gf, g.sig, k, f, depth+1)
		if !ok || n > r.limit {
			return 0, false
		}
		most = max(most, n)
	}
	return most, true
}

// returns is the most any return of gf's function gives as its k-th
// result (or that result's field f).
func (r *returned) returns(gf *retFrame, sig *types.Signature, k int, f *types.Var, depth int) (int, bool) {
	most, ok, any := 0, true, false
	ast.Inspect(gf.fn.(*ast.FuncDecl).Body, func(n ast.Node) bool {
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
			case len(n.Results) == 0: // the named result
				m, ok = r.named(gf, sig.Results().At(k), f, depth)
			case len(n.Results) == sig.Results().Len():
				m, ok = r.value(gf, n.Results[k], f, depth)
			default: // return g(): g's k-th result
				call, isCall := ast.Unparen(n.Results[0]).(*ast.CallExpr)
				if !isCall {
					ok = false
					return false
				}
				m, ok = r.result(gf, call, k, f, depth+1)
			}
			ok = ok && m <= r.limit
			most = max(most, m)
		}
		return ok
	})
	return most, ok && any
}

// named is a named result's count, or its field's.
func (r *returned) named(fr *retFrame, v *types.Var, f *types.Var, depth int) (int, bool) {
	if f == nil {
		return r.local(fr, v, depth)
	}
	return r.localField(fr, v, f, depth)
}

// field is how many items at most the field f of e, a struct of fr or a
// pointer to one, holds.
func (r *returned) field(fr *retFrame, e ast.Expr, f *types.Var, depth int) (int, bool) {
	if r.spent(depth) {
		return 0, false
	}
	if _, ok := under(f.Type()).(*types.Slice); !ok {
		return 0, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if lit, ok := ast.Unparen(x.X).(*ast.CompositeLit); ok && x.Op == token.AND {
			return r.literal(fr, lit, f, depth)
		}
	case *ast.CompositeLit:
		return r.literal(fr, x, f, depth)
	case *ast.Ident:
		switch obj := fr.info.Uses[x].(type) {
		case *types.Nil:
			return 0, true
		case *types.Var:
			if obj.Pkg() == nil || obj.Parent() == obj.Pkg().Scope() {
				return 0, false // a package-level variable's: anyone's
			}
			return r.localField(fr, obj, f, depth)
		}
	case *ast.CallExpr:
		return r.result(fr, x, 0, f, depth+1)
	}
	return 0, false
}

// literal is how many items the field f the composite literal lit sets
// holds: none when it sets none.
func (r *returned) literal(fr *retFrame, lit *ast.CompositeLit, f *types.Var, depth int) (int, bool) {
	st, ok := under(fr.info.TypeOf(lit)).(*types.Struct)
	if !ok {
		return 0, false
	}
	at := -1
	for i := range st.NumFields() {
		if st.Field(i).Origin() == f.Origin() {
			at = i
		}
	}
	if at < 0 {
		return 0, false // promoted from an embedded struct: not followed
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == f.Name() {
				return r.list(fr, kv.Value, depth+1)
			}
		} else if i == at {
			return r.list(fr, elt, depth+1)
		}
	}
	return 0, true
}

// localField is how many items at most the field f of what v, a local or
// parameter of fr, is or points to holds: the most any write of v sets it
// to plus what appends to it add, when nothing else may change it. A
// write of v that reads it again (bab = rebuild(bab)) is bounded by the
// least bound that holds through it.
func (r *returned) localField(fr *retFrame, v, f *types.Var, depth int) (int, bool) {
	key := fieldKey{fr, v, f}
	if m, ok := r.memo[key]; ok {
		return m.n, m.ok
	}
	if at, ok := r.busyAt[key]; ok {
		r.low = min(r.low, at)
		return r.busy[key], true
	}
	at, outer := len(r.busyAt), r.low
	r.busyAt[key] = at
	defer delete(r.busyAt, key)
	defer delete(r.busy, key)
	res, lowest := fewBound{}, at+1
	for guess := 0; ; {
		r.busy[key], r.low = guess, at+1
		n, ok := r.localFieldOnce(fr, v, f, depth)
		lowest = min(lowest, r.low)
		if !ok || n > r.limit {
			break
		}
		if r.low > at {
			res = fewBound{n, true} // no write reads it again: exact
			break
		}
		if n <= guess {
			res = fewBound{guess, true} // holds through every write
			break
		}
		if guess = n; guess > r.limit {
			break
		}
	}
	if lowest >= at {
		r.memo[key] = res // depends on no field being bounded around it
	} else {
		outer = min(outer, lowest)
	}
	r.low = outer
	return res.n, res.ok
}

// fewBound is a bound found, or none (ok false).
type fewBound struct {
	n  int
	ok bool
}

func (r *returned) localFieldOnce(fr *retFrame, v, f *types.Var, depth int) (int, bool) {
	if v.Pos() < fr.fn.Pos() || v.Pos() >= fr.fn.End() {
		return 0, false
	}
	most, added := 0, 0
	if isParam(fr.fn, v) {
		if fr.call == nil || assigned(fr.fn, v) {
			return 0, false
		}
		n, ok := r.arg(fr, v, f, depth)
		if !ok {
			return 0, false
		}
		most = n
	} else {
		ok := queries.Writes(fr.info, fr.fn, v, func(w queries.LocalWrite) bool {
			var n int
			var ok bool
			if w.Value != nil {
				n, ok = r.field(fr, w.Value, f, depth+1)
			} else {
				n, ok = r.result(fr, w.Call, w.Index, f, depth+1)
			}
			most = max(most, n)
			return ok
		})
		if !ok {
			return 0, false
		}
	}
	ok := r.scan(fr, v, f, depth, r.root == fr && r.closure, func(rhs ast.Expr, appendOf bool, around []ast.Node) bool {
		if !appendOf {
			n, ok := r.list(fr, rhs, depth+1)
			most = max(most, n)
			return ok
		}
		call := rhs.(*ast.CallExpr)
		n := len(call.Args) - 1
		if call.Ellipsis.IsValid() {
			var ok bool
			if n, ok = r.list(fr, call.Args[1], depth+1); !ok {
				return false
			}
		}
		t, ok := r.repeats(fr, v, around, depth)
		added += n * t
		return ok
	})
	return most + added, ok && most+added <= r.limit
}

// scan walks the uses of v, a local or parameter of fr that is a struct
// or a pointer to one, and reports whether none may change its field f
// but the writes v.f = rhs it hands to write (appendOf when rhs is
// append(v.f, ...)): v is read, compared, returned (unless kept, for a
// closure that may run after the return), its other fields read or
// written, or it is handed to functions of the module that never change
// f (noWrite); anything else (&v.f, v kept elsewhere, handed outside)
// may change it.
func (r *returned) scan(fr *retFrame, v, f *types.Var, depth int, kept bool, write func(rhs ast.Expr, appendOf bool, around []ast.Node) bool) bool {
	_, ptr := under(v.Type()).(*types.Pointer)
	isF := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		s := fr.info.Selections[sel]
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		return ok && s != nil && s.Kind() == types.FieldVal && s.Obj().(*types.Var).Origin() == f.Origin() && fr.info.Uses[id] == v
	}
	return queries.InspectAround(fr.fn, func(n ast.Node, around []ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || fr.info.Uses[id] != v {
			return true
		}
		if len(around) == 0 {
			return false
		}
		parent := around[len(around)-1]
		var grand ast.Node
		if len(around) > 1 {
			grand = around[len(around)-2]
		}
		switch p := parent.(type) {
		case *ast.AssignStmt:
			for _, lhs := range p.Lhs {
				if lhs == id {
					return true // a write of v: queries.Writes's
				}
			}
			return false // kept in another variable
		case *ast.BinaryExpr:
			return true
		case *ast.ReturnStmt:
			return !kept
		case *ast.CallExpr:
			if p.Fun == id {
				return false
			}
			if !ptr {
				return true // a copy
			}
			for i, a := range p.Args {
				if a == id {
					return r.noWrite(fr, p, i, f, depth+1)
				}
			}
			return false
		case *ast.SelectorExpr:
			s := fr.info.Selections[p]
			if s == nil {
				return false
			}
			switch s.Kind() {
			case types.MethodVal:
				call, ok := grand.(*ast.CallExpr)
				if !ok || call.Fun != p {
					return false // a method value keeps v
				}
				recv := s.Obj().(*types.Func).Type().(*types.Signature).Recv()
				if _, byPtr := recv.Type().(*types.Pointer); !byPtr && !ptr {
					return true // a copy
				}
				return r.noWrite(fr, call, -1, f, depth+1)
			case types.FieldVal:
				fv := s.Obj().(*types.Var)
				if fv.Origin() != f.Origin() {
					if fv.Anonymous() || len(s.Index()) > 1 {
						return false // f may be promoted through it
					}
					if u, ok := grand.(*ast.UnaryExpr); ok && u.Op == token.AND {
						if _, isStruct := under(fv.Type()).(*types.Struct); isStruct {
							return false
						}
					}
					return true
				}
				switch g := grand.(type) {
				case *ast.AssignStmt:
					for k, lhs := range g.Lhs {
						if lhs != p {
							continue
						}
						if g.Tok != token.ASSIGN || len(g.Lhs) != len(g.Rhs) {
							return false
						}
						rhs := g.Rhs[k]
						if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
							if b, ok := fr.info.Uses[identOf(call.Fun)].(*types.Builtin); ok && b.Name() == "append" {
								if len(call.Args) == 0 || !isF(call.Args[0]) || call.Ellipsis.IsValid() && len(call.Args) != 2 {
									return false
								}
								return write(rhs, true, around[:len(around)-1])
							}
						}
						return write(rhs, false, around)
					}
					return true // read on the right
				case *ast.UnaryExpr:
					return g.Op != token.AND
				case *ast.RangeStmt:
					return g.X == p
				}
				return true // read
			}
			return false
		}
		return false
	})
}

// noWrite reports whether the i-th argument of call (the receiver when i
// is -1), a pointer to a struct, has its field f unchanged by every
// function the call may run, and not kept beyond it, at any depth.
func (r *returned) noWrite(fr *retFrame, call *ast.CallExpr, i int, f *types.Var, depth int) bool {
	if r.spent(depth) {
		return false
	}
	gs, wrapped, ok := r.callees(fr, call)
	if !ok {
		return false
	}
	for _, g := range gs {
		gf := r.enter(fr, g, call, wrapped)
		if gf == nil || wrapped && i < 0 {
			return false
		}
		decl := gf.fn.(*ast.FuncDecl)
		var pv *types.Var
		if i < 0 {
			if decl.Recv == nil || len(decl.Recv.List) != 1 || len(decl.Recv.List[0].Names) != 1 {
				return decl.Recv != nil && len(decl.Recv.List) == 1 && len(decl.Recv.List[0].Names) == 0 // an unnamed receiver is never used
			}
			pv, _ = gf.info.Defs[decl.Recv.List[0].Names[0]].(*types.Var)
		} else {
			sig := g.sig
			if sig.Variadic() && i >= sig.Params().Len()-1 || i >= sig.Params().Len() {
				return false
			}
			k := 0
			for _, field := range decl.Type.Params.List {
				for _, name := range field.Names {
					if k == i {
						pv, _ = gf.info.Defs[name].(*types.Var)
					}
					k++
				}
				if len(field.Names) == 0 {
					k++
				}
			}
			if pv == nil && k > i {
				continue // unnamed, or _: never used
			}
		}
		if pv == nil || assigned(decl, pv) {
			return false
		}
		key := [2]any{decl, pv}
		if r.clean[key] {
			continue // being checked: what it does is checked there
		}
		r.clean[key] = true
		ok := r.scan(gf, pv, f, depth, true, func(ast.Expr, bool, []ast.Node) bool { return false })
		delete(r.clean, key)
		if !ok {
			return false
		}
	}
	return true
}
