package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// What every caller passes.
//
// A loop over a slice literal runs as many times as the literal has items,
// and the queries pass is silent on it. The same list is often written one
// call away: a function ranges over its parameter, and every caller hands
// it a literal of one or two items (remove([]string{provider}),
// star(ctx, id) with star's ids ...string, a handler wrapped in the two
// middlewares its route lists). The loop is a loop over a few items the
// code wrote, not over data; per package it looks like any other, but the
// program's graph has every call of the function, and so can tell. One
// caller spreading a list it was given (touch(names...)) or passing one
// it read keeps the loop a loop over data.
//
// A caller may hand on a parameter of its own (star(ids ...string) {
// upsert(ids...) }), or a list it builds with one item per item of one
// (a check per permission of perms ...string): what its own callers pass
// bounds it, followed as far as fewHops. And every call must be in
// sight: a function or method other modules may call (exported from a
// library's package, or a method a dependency calls through its own
// interface, see calledOutside) takes lists of any length, whatever the
// module's own calls pass.

// caller is one call of a function of the graph: the calling function and
// its call.
type caller struct {
	f *Func
	c *Call
}

// FewPassed reports whether x, the list a loop at loop ranges over, is a
// parameter of the function declaring it (the function holding the loop,
// or the one a closure holding it is written in) that nothing assigns
// and that every call of that function, in the whole program, passes as
// a composite literal of at most limit items, as at most limit variadic
// arguments, or as a parameter of its own that every call passes so (one
// it writes in some branch holds what its callers passed in the others,
// however few it writes). A
// function nothing in the module calls, one handed to code outside the
// module, or one code outside it may call by name (which may pass
// anything), is not.
func (p *Program) FewPassed(info *types.Info, x ast.Expr, loop token.Pos, limit int) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	fn := p.FuncAt(loop)
	if fn == nil {
		return false
	}
	owner, i := p.paramOf(fn, v)
	if owner == nil {
		return false
	}
	n, ok := p.fewPassed(owner, i, limit, 0, map[paramKey]bool{})
	return ok && n <= limit
}

// paramOf is the function of the graph declaring v as its i-th parameter
// and never assigning it, fn or the function fn is written in, nil when v
// is no such parameter.
func (p *Program) paramOf(fn *Func, v *types.Var) (*Func, int) {
	for _, g := range []*Func{fn, p.Func(fn.Decl)} {
		if g == nil || g.Synthetic || g.instance || g.syntax == nil {
			continue
		}
		params := g.sig.Params()
		for i := range params.Len() {
			// By place: the finding's package may be a test variant,
			// whose objects are not the graph's.
			if w := params.At(i); w.Pos() == v.Pos() && w.Name() == v.Name() {
				if assigned(g.syntax, v) {
					return nil, 0
				}
				return g, i
			}
		}
	}
	return nil, 0
}

// isParam reports whether v is a parameter of fn or of the function fn
// is written in.
func (p *Program) isParam(fn *Func, v *types.Var) bool {
	for _, g := range []*Func{fn, p.Func(fn.Decl)} {
		if g == nil || g.sig == nil {
			continue
		}
		params := g.sig.Params()
		for i := range params.Len() {
			if w := params.At(i); w.Pos() == v.Pos() && w.Name() == v.Name() {
				return true
			}
		}
	}
	return false
}

// assigned reports whether the body of fn (its closures included)
// writes v or takes its address.
func assigned(fn ast.Node, v *types.Var) bool {
	found := false
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		// By name: the syntax has no types, and a name declared again in
		// an inner scope counts as v, which is the safe side.
		return ok && id.Name == v.Name()
	}
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				found = found || is(lhs)
			}
		case *ast.IncDecStmt:
			found = found || is(n.X)
		case *ast.RangeStmt:
			found = found || n.Tok == token.ASSIGN && (n.Key != nil && is(n.Key) || n.Value != nil && is(n.Value))
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && is(n.X)
		}
		return !found
	})
	return found
}

// fewPassed is the most items any call of g passes as its i-th
// parameter, when every call passes at most limit (see FewPassed).
func (p *Program) fewPassed(g *Func, i, limit, depth int, seen map[paramKey]bool) (int, bool) {
	if depth > fewHops || seen[paramKey{g, i}] || p.calledOutside(g) {
		return 0, false
	}
	if commandArgs(g.sig, i) {
		// The words typed after a command's name: a person writes
		// them out, a few, as a caller writing a literal does.
		return 1, true
	}
	seen[paramKey{g, i}] = true
	defer delete(seen, paramKey{g, i})
	calls, most := 0, 0
	for _, h := range p.sameFunc(g) {
		// A method value's or a method expression's wrapper takes the
		// method's parameters, the receiver first for the latter.
		j := i + h.sig.Params().Len() - g.sig.Params().Len()
		if j < i || j > i+1 {
			return 0, false
		}
		for _, cl := range p.callerIndex()[h] {
			if cl.f.Synthetic && cl.f.Decl == g.Decl {
				continue // a wrapper of g: its own callers are h's of another round
			}
			if cl.f.Synthetic && cl.c.Expr == nil && !cl.c.Callback {
				// A wrapper promoting the method of an interface a
				// struct embeds (type S struct{ storage.LogStorage }),
				// run when S is called through an interface: it hands
				// on its parameters in order, so what its callers pass.
				k := j + cl.f.sig.Params().Len() - h.sig.Params().Len()
				if k < j || k > j+1 || p.calledOutside(cl.f) {
					return 0, false
				}
				if !slices.ContainsFunc(p.sameFunc(cl.f), func(w *Func) bool { return len(p.callerIndex()[w]) > 0 }) {
					continue // made for the type's method set, called by nothing
				}
				calls++
				n, ok := p.fewPassed(cl.f, k, limit, depth+1, seen)
				if !ok || n > limit {
					return 0, false
				}
				most = max(most, n)
				continue
			}
			if cl.c.Callback || cl.c.Expr == nil {
				return 0, false // run by code outside the module, or by one the source does not spell
			}
			if p.handsOn(cl.f, cl.c.Expr, j, seen) {
				// A parameter the walk is following, handed on round a
				// cycle (a decorator whose inner implementation the
				// graph cannot tell from itself, a recursion): it holds
				// what the other calls pass.
				continue
			}
			calls++
			n, ok := p.fewArg(cl.f, cl.c.Expr, h.sig, j, limit, depth, seen)
			if !ok || n > limit {
				return 0, false
			}
			most = max(most, n)
		}
	}
	return most, calls > 0
}

// handsOn reports whether call, in f, passes as its j-th argument (the
// receiver not counted) a parameter of f, or of the function f is
// written in, that the walk of seen is following.
func (p *Program) handsOn(f *Func, call *ast.CallExpr, j int, seen map[paramKey]bool) bool {
	pkg := p.pkgs[f.pkg]
	if pkg == nil || pkg.TypesInfo == nil || j >= len(call.Args) || call.Ellipsis.IsValid() && j == len(call.Args)-1 {
		return false
	}
	v, ok := pkg.TypesInfo.Uses[identOf(call.Args[j])].(*types.Var)
	if !ok {
		return false
	}
	owner, i := p.paramOf(f, v)
	return owner != nil && seen[paramKey{owner, i}]
}

// fewParam is how many items at most v, a parameter of fn that fn never
// assigns, holds: the most any call passes, when every call passes a few
// (see FewPassed).
func (p *Program) fewParam(fn ast.Node, v *types.Var, limit, depth int) (int, bool) {
	f := p.FuncAt(fn.Pos())
	if f == nil {
		return 0, false
	}
	owner, i := p.paramOf(f, v)
	if owner == nil {
		return p.fewReceiver(v, limit, depth) // a filter's receiver, at the call counted (see fewFilter)
	}
	return p.fewPassed(owner, i, limit, depth+1, map[paramKey]bool{})
}

// recvBinding is the receiver of a method whose result fewValue is
// counting at one call (see fewFilter): the value the call is on, in the
// caller's function.
type recvBinding struct {
	v    *types.Var // the method's receiver
	info *types.Info
	fn   ast.Node
	x    ast.Expr
}

// fewReceiver is how many items at most v, the receiver of the method
// whose result fewFilter is counting, holds at that call: as many as
// the value the call is on.
func (p *Program) fewReceiver(v *types.Var, limit, depth int) (int, bool) {
	b := p.recvAt
	if b == nil || b.v.Pos() != v.Pos() || b.v.Name() != v.Name() {
		return 0, false
	}
	p.recvAt = nil // the caller's value is counted where it is
	defer func() { p.recvAt = b }()
	return p.fewValue(b.info, b.fn, b.x, limit, depth+1)
}

// fewFilter is how many items at most call, a method call on a value of
// the module (zones.Match(prefix)), returns when its result holds no
// more than what its receiver holds at this call — a list type's
// filter, `func (zs Zones) Match(prefix string) (out []string)`
// appending the items of zs that match — and that value holds a few.
func (p *Program) fewFilter(info *types.Info, fn ast.Node, call *ast.CallExpr, limit, depth int) (int, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return 0, false
	}
	if s := info.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
		return 0, false
	}
	callee := typeutil.StaticCallee(info, call)
	if callee == nil {
		return 0, false
	}
	g := p.Func(callee)
	if g == nil || g.sig == nil || g.sig.Recv() == nil || g.syntax == nil || assigned(g.syntax, g.sig.Recv()) {
		return 0, false
	}
	prev := p.recvAt
	p.recvAt = &recvBinding{v: g.sig.Recv(), info: info, fn: fn, x: sel.X}
	defer func() { p.recvAt = prev }()
	return p.fewFuncResult(g, 0, limit, depth)
}

// fewArg is how many items at most call, in f, passes as parameter j of
// a function of signature sig, when it passes a few.
func (p *Program) fewArg(f *Func, call *ast.CallExpr, sig *types.Signature, j, limit, depth int, seen map[paramKey]bool) (int, bool) {
	pkg := p.pkgs[f.pkg]
	if pkg == nil || pkg.TypesInfo == nil {
		return 0, false
	}
	info := pkg.TypesInfo
	args := call.Args
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			if sig.Recv() != nil {
				j++ // T.M(recv, args...): the receiver is the first argument
			}
		}
	}
	if sig.Variadic() && j == sig.Params().Len()-1 && !call.Ellipsis.IsValid() {
		return max(len(args)-j, 0), true // f(ctx, a, b): the variadic arguments written out
	}
	if j >= len(args) {
		return 0, false
	}
	if p.filtering() {
		// Counting the items of a type (see typedfew.go): none of
		// them is a count like any other.
		if v, ok := info.Uses[identOf(args[j])].(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return p.fewGlobal(v, limit, depth+1)
		}
		if v, ok := info.Uses[identOf(args[j])].(*types.Var); ok && !p.isParam(f, v) {
			return p.fewLocalArg(info, v, limit, depth+1)
		}
		if _, ok := ast.Unparen(args[j]).(*ast.Ident); !ok {
			return p.fewValue(info, f.syntax, args[j], limit, depth+1)
		}
	}
	switch a := ast.Unparen(args[j]).(type) {
	case *ast.CompositeLit:
		// An empty one (or nil) is a list about to be filled, as the
		// queries pass takes it, not one of no items.
		return len(a.Elts), len(a.Elts) > 0
	case *ast.Ident:
		v, ok := info.Uses[a].(*types.Var)
		if !ok {
			return 0, false
		}
		if owner, i := p.paramOf(f, v); owner != nil {
			return p.fewPassed(owner, i, limit, depth+1, seen)
		}
		if p.isParam(f, v) {
			// A parameter written in some branch (addresses =
			// []Address{found}): where it is not, it holds what the
			// callers passed, which what is written does not bound.
			return 0, false
		}
		// None written (var ids []int64): a list about to be filled,
		// as an empty literal.
		n, ok := queries.Written(info, f.syntax, v, call.Pos())
		if !ok {
			// What a few-item list fills, or a call returns (see
			// FewField), or one item per item of a parameter its own
			// callers pass a few.
			n, ok = p.fewLocalArg(info, v, limit, depth+1)
			if _, isMap := v.Type().Underlying().(*types.Map); isMap && ok {
				// And the keys put in it (see queries.Written).
				m, good := queries.Puts(info, f.syntax, v, call.Pos())
				n, ok = n+m, good
			}
		}
		return n, ok && n > 0
	case *ast.CallExpr:
		// What a function returns that it fills only from a few
		// items (see FewField), or keeps of one (maps.Keys(set)).
		n, ok := p.fewValue(info, f.syntax, a, limit, depth+1)
		return n, ok && n > 0
	case *ast.SelectorExpr:
		// A list of the configuration file (the channels every
		// session joins): a handful a person wrote, as the queries
		// pass takes a loop over one (queries.LoopConfig).
		if queries.ConfigField(info, a) {
			return 1, true
		}
	}
	return 0, false
}

// sameFunc are the functions of the graph that run g's body with g's
// parameters: g, and for a declared function its instantiations and the
// wrappers of a method (method values, promoted methods).
func (p *Program) sameFunc(g *Func) []*Func {
	if g.closure || g.Decl == nil {
		return []*Func{g}
	}
	if p.byOrigin == nil {
		p.byOrigin = map[*types.Func][]*Func{}
		for _, f := range p.list {
			if !f.closure && f.Decl != nil {
				p.byOrigin[f.Decl] = append(p.byOrigin[f.Decl], f)
			}
		}
	}
	return p.byOrigin[g.Decl]
}

// callerIndex are the calls of each function of the graph, built on first
// use.
func (p *Program) callerIndex() map[*Func][]caller {
	if p.callers != nil {
		return p.callers
	}
	p.callers = map[*Func][]caller{}
	for _, f := range p.list {
		for _, c := range f.Calls {
			for _, g := range c.Callees {
				p.callers[g] = append(p.callers[g], caller{f, c})
			}
		}
	}
	return p.callers
}

// commandArgs says whether parameter i of a function of signature sig is
// the positional arguments of a cobra command's run function (Run, RunE,
// PreRun...: func(cmd *cobra.Command, args []string)): the words typed
// after the command's name (`cscli bouncers delete a b`), which a person
// writes out, like a caller writing a literal.
func commandArgs(sig *types.Signature, i int) bool {
	ps := sig.Params()
	if i != 1 || ps.Len() != 2 {
		return false
	}
	if s, ok := ps.At(1).Type().(*types.Slice); !ok || !types.Identical(s.Elem(), types.Typ[types.String]) {
		return false
	}
	ptr, ok := ps.At(0).Type().(*types.Pointer)
	if !ok {
		return false
	}
	return isNamed(ptr.Elem(), "github.com/spf13/cobra", "Command")
}
