package program

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// What registration calls fill.
//
// A service keeps its auth schemes, codecs or drivers in a package-level
// map that a registration function fills (func Register(name string, h
// Handler) { handlers[name] = h }), and each plugin package calls it from
// its init function. A getter hands the names on (for name := range
// handlers { names = append(names, name) }), and a request deleting a
// user ranges over them, a query per scheme. Per package the loop looks
// like one over data; in the program, every write of the map is at a
// place the code lets one count: a put that runs as many times as its
// function does, in a function run only by init functions and main
// (once per process each), by the constructors and hooks a lifecycle
// framework runs once (fx.Provide's), and by calls that are not in a
// loop (or in one over a few items), however many calls away. The map
// then holds at most as many items as those calls, as a literal written
// out would, and the loop runs that many times, on which the pass is
// silent. A field's puts and appends to itself are counted the same way,
// over the process (which bounds what each value holds), and so is a
// container's value group (see lifecycle.go).
//
// A put in a loop over rows, over a file's lines or over what a request
// or a caller hands in, a registration function a route or a job calls
// (once per request), one called through a func value or by code outside
// the module, or the map handed anywhere (returned whole, passed to a
// call, its address taken) keeps what it holds data.

// FewRange reports whether the range statement of the module at loop
// ranges over at most limit items the code writes: a list or map built
// from literals and registration calls (see above and FewField), read
// directly, through a local variable, or through what a function of the
// module returns (a getter handing on a registry's keys).
func (p *Program) FewRange(loop token.Pos, limit int) bool {
	fn, rs, info := p.rangeAt(loop)
	if rs == nil {
		return false
	}
	// None written (var ids []int64): a list about to be filled, as the
	// queries pass takes an empty literal, not one of no items.
	n, ok := p.fewValue(info, fn.syntax, rs.X, limit, 0)
	return ok && n > 0 && n <= limit
}

// rangeAt is the range statement of the module at loop, the function
// holding it and its package's type information; a nil statement when
// there is none.
func (p *Program) rangeAt(loop token.Pos) (*Func, *ast.RangeStmt, *types.Info) {
	fn := p.FuncAt(loop)
	if fn == nil || fn.syntax == nil {
		return nil, nil, nil
	}
	pkg := p.pkgs[fn.pkg]
	if pkg == nil || pkg.TypesInfo == nil {
		return nil, nil, nil
	}
	var rs *ast.RangeStmt
	ast.Inspect(fn.syntax, func(n ast.Node) bool {
		if r, ok := n.(*ast.RangeStmt); ok && r.Pos() == loop {
			rs = r
		}
		return rs == nil
	})
	return fn, rs, pkg.TypesInfo
}

// configured is the state of a StartRange: the entries reaching each
// function.
type configured struct {
	reaching map[*Func][]*Entry
}

// StartRange reports whether the range statement of the module at loop
// ranges over what the code registers (see FewRange) together with what
// only start-up fills (see FilledAtStart), however it reaches the loop:
// a getter that hands on the names of the auth schemes plugin packages
// register and of the aliases the configuration adds runs as many times
// as an operator configures, not once per row. It names the list for
// messages. reaching gives the entries that reach each function, as
// Reaching does.
func (p *Program) StartRange(loop token.Pos, reaching map[*Func][]*Entry) (string, bool) {
	fn, rs, info := p.rangeAt(loop)
	if rs == nil {
		return "", false
	}
	p.configured = &configured{reaching: reaching}
	defer func() { p.configured = nil }()
	n, ok := p.fewValue(info, fn.syntax, rs.X, unbounded, 0)
	return types.ExprString(rs.X), ok && n > 0 // none written: a list about to be filled (see FewRange)
}

// unbounded is the limit StartRange counts with: what configuration
// fills has no count, only the code's shape matters.
const unbounded = 1 << 20

// fewGlobal is how many items at most v, a package-level variable of the
// module holding a map or a list, holds when every write of it is one
// the code lets one count (see above), or, in a StartRange, when only
// start-up writes it: its declaration's value, a set
// whole to a few items (make, a literal), and puts (v[k] = x) or appends
// of items written out (v = append(v, a, b)), each as many times as its
// loops and its function run (see runs).
func (p *Program) fewGlobal(v *types.Var, limit, depth int) (int, bool) {
	n, ok := p.countedGlobal(v, limit, depth)
	if !ok && p.configured != nil && p.filledAtStart(v, p.configured.reaching) {
		return 1, true // as many as configured: one, for the counts around it
	}
	return n, ok
}

// countedGlobal is fewGlobal for writes the code lets one count.
func (p *Program) countedGlobal(v *types.Var, limit, depth int) (int, bool) {
	switch under(v.Type()).(type) {
	case *types.Map, *types.Slice:
	default:
		return 0, false
	}
	if v.Pkg() == nil || p.pkgs[v.Pkg().Path()] == nil || depth > fewHops {
		return 0, false // another module's: filled where we cannot see
	}
	places := p.writesIndex().of[v.Origin()]
	if len(places) == 0 {
		return 0, false // written nowhere this code shows
	}
	total := 0
	for _, pl := range places {
		if pl.top || pl.info == nil {
			return 0, false // a declaration's value: a table (see fewkeys.go), not followed here
		}
		f := p.FuncAt(pl.pos)
		if f == nil || f.syntax == nil {
			return 0, false
		}
		n, ok := p.countedWrite(pl.info, f, v, globalIs(pl.info, v), pl.pos, limit, depth+1)
		if !ok {
			return 0, false
		}
		if total += n; total > limit {
			return 0, false
		}
	}
	return total, true
}

// globalIs matches the expressions denoting v, a package-level variable.
func globalIs(info *types.Info, v *types.Var) func(ast.Expr) bool {
	return func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			return info.Uses[e] == v
		case *ast.SelectorExpr: // pkg.V
			return info.Uses[e.Sel] == v && info.Selections[e] == nil
		}
		return false
	}
}

// fieldIs matches the selections of v, a field, on any value: the count
// of its writes is over the process, which bounds each value's.
func fieldIs(info *types.Info, v *types.Var) func(ast.Expr) bool {
	return func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		s := info.Selections[sel]
		return s != nil && s.Kind() == types.FieldVal && s.Obj().(*types.Var).Origin() == v.Origin()
	}
}

// countedWrite is how many items the write at pos, in f, of v (what is
// matches) adds over the process's life, when it is one fewGlobal
// counts.
func (p *Program) countedWrite(info *types.Info, f *Func, v *types.Var, is func(ast.Expr) bool, pos token.Pos, limit, depth int) (int, bool) {
	as, around := assignAt(f, pos)
	if as == nil || len(as.Lhs) != len(as.Rhs) {
		return 0, false // not an assignment: v handed on, its address taken
	}
	per := 0
	for i, lhs := range as.Lhs {
		rhs := as.Rhs[i]
		if is(rhs) {
			return 0, false // v copied into another variable
		}
		switch lhs := ast.Unparen(lhs).(type) {
		case *ast.IndexExpr:
			if !is(lhs.X) {
				continue
			}
			per += p.items(info, f.syntax, []ast.Expr{rhs}) // v[k] = x: one key more at most
		default:
			if !is(lhs) {
				continue
			}
			if call, isCall := ast.Unparen(rhs).(*ast.CallExpr); isCall {
				if n, made := madeEmpty(info, call); made {
					// Set whole to a new one: what it holds then does
					// not add up with the runs.
					if _, isMap := under(v.Type()).(*types.Map); n > 0 && !isMap {
						return 0, false // make([]T, k): k zero items, not followed
					}
					continue
				}
			}
			n, ok := p.appended(info, f.syntax, rhs, is, limit, depth)
			if !ok {
				return 0, false
			}
			per += n
		}
	}
	if per == 0 {
		return 0, true
	}
	if len(around) > 0 && around[0] == f.syntax {
		around = around[1:] // the function itself
	}
	t, ok := p.repeats(info, f.syntax, v, around, limit, depth)
	if !ok {
		return 0, false
	}
	r, ok := p.runs(f, limit, depth, map[*Func]bool{})
	return per * t * r, ok && per*t*r <= limit
}

// assignAt is the assignment at pos in f's body, and the nodes around
// it, outermost first; nil when there is none.
func assignAt(f *Func, pos token.Pos) (*ast.AssignStmt, []ast.Node) {
	var as *ast.AssignStmt
	var around []ast.Node
	queries.InspectAround(f.syntax, func(n ast.Node, stack []ast.Node) bool {
		if a, ok := n.(*ast.AssignStmt); ok && a.Pos() == pos {
			as, around = a, append([]ast.Node(nil), stack...)
		}
		return as == nil
	})
	return as, around
}

// runs is how many times f runs per process at most, when the code lets
// one count it: once for an init function or main; otherwise the sum,
// over every call of f in the program, of the times its caller runs
// times the length of the loops around the call, each a few items (see
// fewValue). A function called through a func value, by code outside
// the module, or by nothing in it (a handler, a job) is not counted.
func (p *Program) runs(f *Func, limit, depth int, seen map[*Func]bool) (int, bool) {
	if depth > fewHops || seen[f] {
		return 0, false
	}
	if d, ok := f.syntax.(*ast.FuncDecl); ok && d.Recv == nil && (d.Name.Name == "init" || d.Name.Name == "main" && f.Decl != nil && f.Decl.Pkg().Name() == "main") {
		return 1, true
	}
	if f.init {
		return 1, true // a package initializer: its variables' values
	}
	if p.commandOnce(f) {
		return 1, true // a start-up command's own function, in a FewTyped (see typedfew.go)
	}
	if p.started == nil {
		p.started = map[*Func]bool{}
		for _, e := range p.startHooks() {
			p.started[e.Parts[0].Func] = true
		}
	}
	total, calls := 0, 0
	if p.started[f] {
		total, calls = 1, 1 // a constructor or hook a lifecycle framework runs once
	}
	if p.calledOutside(f) {
		return 0, false
	}
	seen[f] = true
	defer delete(seen, f)
	for _, h := range p.sameFunc(f) {
		for _, cl := range p.callerIndex()[h] {
			if cl.f.Synthetic && cl.f.Decl == f.Decl {
				continue // a wrapper of f: its callers are another h's
			}
			calls++
			if cl.c.Callback || cl.c.Expr == nil || cl.f.syntax == nil {
				return 0, false // run by code outside the module, or by one the source does not spell
			}
			r, ok := p.runs(cl.f, limit, depth+1, seen)
			if !ok {
				return 0, false
			}
			t, ok, listed := p.funcListRepeats(cl.f, cl.c.Expr, h, limit, depth+1)
			if !listed {
				t, ok = p.callRepeats(cl.f, cl.c.Expr, limit, depth+1)
			}
			if !ok {
				return 0, false
			}
			if total += r * t; total > limit {
				return 0, false
			}
		}
	}
	return total, calls > 0
}

// callRepeats is how many times call, in f, runs per run of f: the
// product of the lengths of the loops around it, each a few items.
func (p *Program) callRepeats(f *Func, call *ast.CallExpr, limit, depth int) (int, bool) {
	pkg := p.pkgs[f.pkg]
	if pkg == nil || pkg.TypesInfo == nil {
		return 0, false
	}
	var around []ast.Node
	found := false
	queries.InspectAround(f.syntax, func(n ast.Node, stack []ast.Node) bool {
		if n == call {
			around, found = append([]ast.Node(nil), stack...), true
		}
		return !found
	})
	if !found {
		return 0, false
	}
	if len(around) > 0 && around[0] == f.syntax {
		around = around[1:]
	}
	// No local of f is declared outside f: every loop around counts.
	outside := types.NewVar(token.NoPos, nil, "", nil)
	return p.repeats(pkg.TypesInfo, f.syntax, outside, around, limit, depth)
}
