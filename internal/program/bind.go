package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// The call graph keeps one set of dynamic types per interface-typed
// value, whoever passes it. A helper shared by the implementations of an
// interface (func fill(s Store, ...), called by the SQL store with itself
// and by the key-value store with itself) then calls every
// implementation's method from every caller, and a loop in the key-value
// store's method that hands its receiver to the helper "runs" the SQL
// store's queries: an N+1 that cannot happen.
//
// What a call runs is therefore computed, a few calls deep, in the
// context of what the call passes: when an argument's dynamic type is
// known at the call (a value of a concrete type, converted to the
// interface on the way, or a parameter bound so by an outer call on the
// same path), the callee's calls through that parameter, or through a
// local that only copies it, run that type's method alone. Everything
// else keeps the graph's answer: a parameter the callee assigns or takes
// the address of, a value a closure captures, a recursive component
// (whose summary is shared by its members), an instantiation of a
// generic function.

// maxHops bounds how far a known type is handed on from parameter to
// parameter: beyond that the callee's reach is the graph's, shared by
// every caller.
const maxHops = 3

// argTypes are the dynamic types known for some parameters of a function:
// by parameter index, nil when not known.
type argTypes struct {
	types []types.Type
	hops  []int // per bound parameter, how many calls handed it on
	// global, when set, is a package variable known to hold a value of
	// type holds (see soleHolders), ghops calls from the method of holds
	// that knew it.
	global *types.Var
	holds  types.Type
	ghops  int
	// consts are the constants known for some parameters, by index (see
	// guards.go); nil when none is.
	consts []constArg
	// edges are the ent edges known loaded for some parameters, by index
	// (see edges.go); nil when none is.
	edges []edgeArg
	// paths is the progress of the rules of paths.go down the calls that
	// led here.
	paths []pathAt
	key   string
}

// bound is what a call of a function runs with one set of argTypes.
type bound struct {
	reach []entry
	done  bool
}

// reachOf is what a call of g runs with argument types b: its component's
// reach when nothing is bound, or when g's component is recursive; ctx is
// the bound computation it came from, nil for the component's.
//
// A recursive component's member is computed apart only down the paths
// of paths.go: what it runs is then its calls', each under what the
// call hands on, its component's reach for the calls that hand on no
// path (see pathsOnly).
func (p *Program) reachOf(g *Func, b *argTypes) (es []entry, ctx *bound) {
	if b == nil || g.scc.cyclic && len(b.paths) == 0 && b.edges == nil {
		return p.member(g), nil
	}
	if p.bounds == nil {
		p.bounds = map[*Func]map[string]*bound{}
	}
	m := p.bounds[g]
	if m == nil {
		m = map[string]*bound{}
		p.bounds[g] = m
	}
	bd := m[b.key]
	if bd == nil {
		bd = &bound{}
		m[b.key] = bd
	}
	if bd.done {
		return bd.reach, bd
	}
	bd.done = true // the graph of components is acyclic, and a path's progress only grows: no call comes back here
	s := g.scc
	if s.cyclic {
		s = nil // the calls within the component too, each under its path
	}
	var acc []entry
	for _, c := range g.Calls {
		if perCall(c) && !p.dead(g, c, b) {
			acc = append(acc, p.through(s, g, c, b)...)
		}
	}
	bd.reach = deepest(acc)
	return bd.reach, bd
}

// reachIn is what a call of g runs in context ctx (see reachOf).
func (p *Program) reachIn(g *Func, ctx *bound) []entry {
	if ctx != nil {
		return ctx.reach
	}
	return p.member(g)
}

// callees are the functions call c of f may run when f runs under
// argument types b: of a call through an interface on a bound parameter, the
// bound type's method alone.
func (p *Program) callees(f *Func, c *Call, b *argTypes) []*Func {
	if keep := onPath(c, b); keep != nil {
		return slices.DeleteFunc(slices.Clone(c.Callees), func(g *Func) bool { return !keep[g] })
	}
	if b == nil || c.Static || c.Expr == nil || c.Callback || len(c.Chain) > 0 || len(c.Callees) == 0 {
		return c.Callees
	}
	info := p.info(f)
	sel, ok := ast.Unparen(c.Expr.Fun).(*ast.SelectorExpr)
	if info == nil || !ok {
		return c.Callees
	}
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal || !types.IsInterface(s.Recv()) {
		return c.Callees
	}
	var t types.Type
	if i, ok := p.copiesOf(f).param(info, sel.X); ok && i < len(b.types) {
		t = b.types[i]
	}
	if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && b.global != nil && info.Uses[id] == b.global {
		t = b.holds
	}
	if t == nil {
		return c.Callees
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, s.Obj().Pkg(), s.Obj().Name())
	m, ok := obj.(*types.Func)
	if !ok {
		return c.Callees // the graph knows better than a lookup that failed
	}
	var out []*Func
	for _, g := range c.Callees {
		if g.Decl != m.Origin() {
			continue
		}
		// A promotion wrapper is the embedding type's: of that type only.
		if g.Synthetic && (g.sig.Recv() == nil || !types.Identical(g.sig.Recv().Type(), t)) {
			continue
		}
		out = append(out, g)
	}
	if len(out) == 0 && slices.ContainsFunc(c.capped, func(g *Func) bool { return g.Decl == m.Origin() }) {
		return nil // a guard on the receiver rules the type's method out (see capguards.go)
	}
	if len(out) == 0 && m.Pkg() != nil && p.pkgs[m.Pkg().Path()] != nil {
		return c.Callees // a module method the graph did not list: keep its answer
	}
	return out // none: the method is outside the module, and runs none of its queries
}

// bindArgs is the types of callee g's parameters that call c of f,
// running with argument types b, passes: nil when it passes no known type to
// an interface parameter.
func (p *Program) bindArgs(f *Func, c *Call, g *Func, b *argTypes) *argTypes {
	if g.scc.cyclic {
		// A recursive component: its reach is its members' together,
		// computed apart only down a path's rules or an entity's edges
		// (converters of entities calling each other for the edges
		// loaded: see edges.go).
		nb := p.pathsOnly(f, c, g, b)
		if es := p.edgeArgs(f, c, g, b); es != nil {
			if nb == nil {
				nb = &argTypes{}
			}
			nb.edges = es
			nb.key = pathsKey(nb.paths) + edgesKey(es)
		}
		return nb
	}
	info, args := p.bindable(f, c, g)
	if info == nil {
		return nil
	}
	params := g.sig.Params()
	n := params.Len()
	if g.sig.Variadic() {
		n-- // the variadic parameter is a slice
	}
	if len(args) < n || len(args) == 1 && n > 1 {
		n = 0 // f(g()): the values come from one call
	}
	var nb *argTypes
	used := p.usedParams(g)
	for i := 0; i < n; i++ {
		pt := params.At(i).Type()
		if !types.IsInterface(pt) || !used[i] {
			continue
		}
		if _, ok := types.Unalias(pt).(*types.TypeParam); ok {
			continue
		}
		t, hops := p.dynamic(f, info, b, args[i])
		if t == nil || hops > maxHops || !types.AssignableTo(t, pt) {
			continue
		}
		if nb == nil {
			nb = &argTypes{types: make([]types.Type, params.Len()), hops: make([]int, params.Len())}
		}
		nb.types[i], nb.hops[i] = t, hops
	}
	if v, t, hops := p.holder(f, b); v != nil && hops <= maxHops && p.invokesWithin(g, v, maxHops-hops) {
		if nb == nil {
			nb = &argTypes{types: make([]types.Type, params.Len()), hops: make([]int, params.Len())}
		}
		nb.global, nb.holds, nb.ghops = v, t, hops
	}
	if paths := p.pathsInto(c, g, b); len(paths) > 0 {
		if nb == nil {
			nb = &argTypes{types: make([]types.Type, params.Len()), hops: make([]int, params.Len())}
		}
		nb.paths = paths
	}
	guarded := p.guardedParams(g)
	for i := 0; i < n; i++ {
		if !guarded[i] {
			continue
		}
		a := p.constOf(f, info, b, args[i])
		if !a.set || a.hops > maxHops {
			continue
		}
		if nb == nil {
			nb = &argTypes{types: make([]types.Type, params.Len()), hops: make([]int, params.Len())}
		}
		if nb.consts == nil {
			nb.consts = make([]constArg, params.Len())
		}
		nb.consts[i] = a
	}
	if es := p.edgeArgs(f, c, g, b); es != nil {
		if nb == nil {
			nb = &argTypes{types: make([]types.Type, params.Len()), hops: make([]int, params.Len())}
		}
		nb.edges = es
	}
	if nb == nil {
		return nil
	}
	var key strings.Builder
	for i, t := range nb.types {
		if t != nil {
			fmt.Fprintf(&key, "%d=%s@%d;", i, types.TypeString(t, nil), nb.hops[i])
		}
	}
	if nb.global != nil {
		fmt.Fprintf(&key, "%s.%s=%s@%d;", nb.global.Pkg().Path(), nb.global.Name(), types.TypeString(nb.holds, nil), nb.ghops)
	}
	key.WriteString(constKey(nb.consts))
	key.WriteString(edgesKey(nb.edges))
	key.WriteString(pathsKey(nb.paths))
	nb.key = key.String()
	return nb
}

// bindable is the types of f and the arguments call c of f passes g's
// parameters, when what c passes can bind them: a call written out
// (not a callback's, nor a chain's) of a function with syntax, neither
// generic; nil info otherwise.
func (p *Program) bindable(f *Func, c *Call, g *Func) (*types.Info, []ast.Expr) {
	if c.Expr == nil || c.Callback || len(c.Chain) > 0 || g.Synthetic || g.instance || g.syntax == nil || f.instance {
		return nil, nil
	}
	info := p.info(f)
	if info == nil {
		return nil, nil
	}
	args := c.Expr.Args
	if sel, ok := ast.Unparen(c.Expr.Fun).(*ast.SelectorExpr); ok {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr && len(args) > 0 {
			args = args[1:] // T.M(recv, args...): the receiver is not a parameter
		}
	}
	return info, args
}

// edgeArgs are the edges known loaded for the entities call c of f,
// running under b, passes g's parameters that g's guards read (see
// edges.go); nil when none is known.
func (p *Program) edgeArgs(f *Func, c *Call, g *Func, b *argTypes) []edgeArg {
	info, args := p.bindable(f, c, g)
	if info == nil {
		return nil
	}
	params := g.sig.Params()
	if len(args) != params.Len() || g.sig.Variadic() {
		return nil
	}
	var out []edgeArg
	guarded := p.guardedParams(g)
	for i := range args {
		if !guarded[i] || !hasEdges(params.At(i).Type()) {
			continue
		}
		es, hops := p.edgesOf(f, info, b, args[i], 0)
		if es == nil || hops > maxHops {
			continue
		}
		if out == nil {
			out = make([]edgeArg, params.Len())
		}
		out[i] = edgeArg{set: es, hops: hops}
	}
	return out
}

// dynamic is the dynamic type of the value of e, in f running under
// argument types b, when the call can know it: e's own type when it is not an
// interface, or a bound parameter's (hops is then one more than the
// parameter's).
func (p *Program) dynamic(f *Func, info *types.Info, b *argTypes, e ast.Expr) (t types.Type, hops int) {
	e = ast.Unparen(e)
	tv, ok := info.Types[e]
	if !ok || tv.IsNil() || tv.Type == nil {
		return nil, 0
	}
	if !types.IsInterface(tv.Type) {
		if _, isTuple := tv.Type.(*types.Tuple); isTuple {
			return nil, 0
		}
		return tv.Type, 0
	}
	// An explicit conversion to the interface: the converted value's.
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if fun, ok := info.Types[call.Fun]; ok && fun.IsType() {
			return p.dynamic(f, info, b, call.Args[0])
		}
	}
	if b == nil {
		return nil, 0
	}
	if i, ok := p.copiesOf(f).param(info, e); ok && i < len(b.types) && b.types[i] != nil {
		return b.types[i], b.hops[i] + 1
	}
	return nil, 0
}

// usedParams says, by index, which of g's parameters a type known for
// it could narrow: g calls a method on it (or on a copy), hands it on
// to a call, or asserts its type (see typeguards.go). Binding the others
// would compute g's reach again, once per type its callers pass (a
// helper taking any), for nothing.
func (p *Program) usedParams(g *Func) []bool {
	return p.paramsOf(&p.used, g, func(u []bool) {
		p.handedOn(g, u, true)
		assertedParams(g, u)
	})
}

// paramsOf is memo's answer for g, by parameter index, fill's the first
// time.
func (p *Program) paramsOf(memo *map[*Func][]bool, g *Func, fill func([]bool)) []bool {
	if u, ok := (*memo)[g]; ok {
		return u
	}
	if *memo == nil {
		*memo = map[*Func][]bool{}
	}
	u := make([]bool, g.sig.Params().Len())
	(*memo)[g] = u
	fill(u)
	return u
}

// handedOn marks, in u, g's parameters that g hands on (or a copy of
// them) to a call, and with recv those it calls a method on through an
// interface.
func (p *Program) handedOn(g *Func, u []bool, recv bool) {
	info := p.info(g)
	if info == nil {
		return
	}
	cp := p.copiesOf(g)
	for _, c := range g.Calls {
		if c.Expr == nil || len(c.Callees) == 0 {
			continue
		}
		if sel, ok := ast.Unparen(c.Expr.Fun).(*ast.SelectorExpr); ok && !c.Static && recv {
			if i, ok := cp.param(info, sel.X); ok {
				u[i] = true
			}
		}
		for _, a := range c.Expr.Args {
			if i, ok := cp.param(info, a); ok && i < len(u) {
				u[i] = true
			}
		}
	}
}

// info is the type information of f's package.
func (p *Program) info(f *Func) *types.Info {
	if m := p.pkgs[f.pkg]; m != nil {
		return m.TypesInfo
	}
	return nil
}

// copies are the variables of a function that hold one of its
// parameters' values unchanged: the parameter itself, while nothing
// assigns it or takes its address, and locals defined from such a
// variable and never assigned again.
type copies struct {
	of map[*types.Var]int // parameter index
}

// param is the index of the parameter whose value e holds unchanged.
func (cp *copies) param(info *types.Info, e ast.Expr) (int, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return 0, false
		}
		i, ok := cp.of[v]
		return i, ok
	case *ast.TypeAssertExpr:
		// To another interface: the dynamic type is the operand's.
		if e.Type != nil && types.IsInterface(info.TypeOf(e.Type)) {
			return cp.param(info, e.X)
		}
	}
	return 0, false
}

// copiesOf computes f's copies once.
func (p *Program) copiesOf(f *Func) *copies {
	if cp, ok := p.copied[f]; ok {
		return cp
	}
	if p.copied == nil {
		p.copied = map[*Func]*copies{}
	}
	cp := &copies{of: map[*types.Var]int{}}
	p.copied[f] = cp
	info := p.info(f)
	var body *ast.BlockStmt
	switch syn := f.syntax.(type) {
	case *ast.FuncDecl:
		body = syn.Body
	case *ast.FuncLit:
		body = syn.Body
	}
	if info == nil || body == nil || f.instance {
		return cp
	}
	// Every assignment of a variable, closures' included; a local's
	// definition from a single value is kept apart.
	changed := map[*types.Var]bool{}
	defs := map[*types.Var]ast.Expr{}
	mark := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := info.ObjectOf(id).(*types.Var); ok {
				changed[v] = true
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				id, ok := l.(*ast.Ident)
				if n.Tok == token.DEFINE && ok && info.Defs[id] != nil && len(n.Lhs) == len(n.Rhs) {
					if v, ok := info.Defs[id].(*types.Var); ok {
						defs[v] = n.Rhs[i]
					}
					continue
				}
				mark(l)
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if v, ok := info.Defs[id].(*types.Var); ok {
					if len(n.Values) == len(n.Names) {
						defs[v] = n.Values[i]
					} else {
						changed[v] = true
					}
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				mark(n.X)
			}
		case *ast.RangeStmt:
			mark(n.Key)
			mark(n.Value)
		}
		return true
	})
	params := f.sig.Params()
	for i := 0; i < params.Len(); i++ {
		if v := params.At(i); !changed[v] {
			cp.of[v] = i
		}
	}
	for more := true; more; {
		more = false
		for v, e := range defs {
			if _, done := cp.of[v]; done || changed[v] {
				continue
			}
			if i, ok := cp.param(info, e); ok {
				cp.of[v] = i
				more = true
			}
		}
	}
	return cp
}

// A package variable of an interface type that the configuration sets
// once, one implementation or another (var provider Provider; provider =
// &MemoryProvider{...} in one initializer, &MySQLProvider{...} in
// another), is called through by every implementation's code, so the
// graph has each implementation's methods run every other's. Which one
// the variable holds is the configuration's: no rule picks it. But when
// the variable is the only place a value of an implementation is ever
// kept — every value of the type made is assigned to it at once, nothing
// else names the type but its methods' receivers, and nothing reads the
// variable but to call its methods (or compare it) —, a method of that
// implementation runs only on the value the variable holds, and a call
// through the variable on its way runs that implementation: another
// value would have replaced it, and with it every way to run its
// methods. What is left is the variable reassigned while the method runs
// (a second initialization concurrent with a request), which a program
// that sets it once at start-up does not do.

// holder is the package variable known to hold one type's value while f
// runs with argument types b: b's, or, when f is a method of a type only
// a package variable keeps (see soleHolders), that variable; hops counts
// the calls from that method to f's callee.
func (p *Program) holder(f *Func, b *argTypes) (*types.Var, types.Type, int) {
	if b != nil && b.global != nil {
		return b.global, b.holds, b.ghops + 1
	}
	if f.Decl == nil {
		return nil, nil, 0
	}
	recv := f.Decl.Signature().Recv()
	if recv == nil {
		return nil, nil, 0
	}
	t := recv.Type()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil, nil, 0
	}
	h, ok := p.soleHolders()[named.Obj()]
	if !ok {
		return nil, nil, 0
	}
	return h.v, h.t, 1
}

// invokesWithin reports whether g, or a function it calls at most depth
// calls below, calls a method through package variable v: the functions
// the holder is handed on to, rather than every function below.
func (p *Program) invokesWithin(g *Func, v *types.Var, depth int) bool {
	type key struct {
		g     *Func
		v     *types.Var
		depth int
	}
	k := key{g, v, depth}
	if r, ok := p.within[k]; ok {
		return r
	}
	if p.within == nil {
		p.within = map[any]bool{}
	}
	p.within[k] = false // a cycle on the way adds nothing
	r := p.invokes(g, v)
	for _, c := range g.Calls {
		if r || depth == 0 {
			break
		}
		if !perCall(c) || c.Site != nil {
			continue
		}
		for _, h := range c.Callees {
			if p.invokesWithin(h, v, depth-1) {
				r = true
				break
			}
		}
	}
	p.within[k] = r
	return r
}

// invokes reports whether g calls a method through package variable v.
func (p *Program) invokes(g *Func, v *types.Var) bool {
	info := p.info(g)
	if info == nil {
		return false
	}
	for _, c := range g.Calls {
		if c.Expr == nil || c.Static {
			continue
		}
		if sel, ok := ast.Unparen(c.Expr.Fun).(*ast.SelectorExpr); ok {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] == v {
				return true
			}
		}
	}
	return false
}

// holding is a package variable and the type of the values assigned to it.
type holding struct {
	v *types.Var
	t types.Type
}

// soleHolders finds, once, the types whose every value is kept in a
// package variable alone, with that variable: by the type's name.
func (p *Program) soleHolders() map[*types.TypeName]holding {
	if p.sole != nil {
		return p.sole
	}
	p.sole = map[*types.TypeName]holding{}
	bad := map[*types.Var]bool{}          // read or assigned otherwise
	held := map[*types.TypeName]holding{} // assigned to a variable as &T{...}
	lits := map[*ast.Ident]bool{}         // the type names in those literals
	// The assignments to interface-typed package variables.
	for _, m := range p.pkgs {
		info := m.TypesInfo
		for _, file := range m.Syntax {
			ast.Inspect(file, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Tok != token.ASSIGN {
					return true
				}
				v := packageVar(info, as.Lhs[0])
				if v == nil {
					return true
				}
				name, id := madeType(info, as.Rhs[0])
				if name == nil {
					bad[v] = true
					return true
				}
				if h, ok := held[name]; ok && h.v != v {
					bad[h.v], bad[v] = true, true
				}
				held[name] = holding{v: v, t: info.TypeOf(as.Rhs[0])}
				lits[id] = true
				return true
			})
		}
	}
	// Every other mention of a held variable, and of a held type but as a
	// receiver, disqualifies.
	vars := map[*types.Var]bool{}
	for _, h := range held {
		vars[h.v] = true
	}
	badType := map[*types.TypeName]bool{}
	for _, m := range p.pkgs {
		info := m.TypesInfo
		for _, file := range m.Syntax {
			var stack []ast.Node
			ast.Inspect(file, func(n ast.Node) bool {
				if n == nil {
					stack = stack[:len(stack)-1]
					return true
				}
				stack = append(stack, n)
				id, ok := n.(*ast.Ident)
				if !ok {
					return true
				}
				switch obj := info.Uses[id].(type) {
				case *types.TypeName:
					if _, ok := held[obj]; ok && !lits[id] && !inReceiver(stack) {
						badType[obj] = true
					}
				case *types.Var:
					if vars[obj] && !calledOrCompared(info, stack) {
						bad[obj] = true
					}
				}
				return true
			})
		}
	}
	for name, h := range held {
		if !bad[h.v] && !badType[name] {
			p.sole[name] = h
		}
	}
	return p.sole
}

// packageVar is the interface-typed package variable e names, nil if none.
func packageVar(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() || !types.IsInterface(v.Type()) {
		return nil
	}
	return v
}

// madeType is the named type of a value made by e, &T{...} or T{...},
// with the identifier naming it.
func madeType(info *types.Info, e ast.Expr) (*types.TypeName, *ast.Ident) {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil, nil
	}
	var id *ast.Ident
	switch t := lit.Type.(type) {
	case *ast.Ident:
		id = t
	case *ast.SelectorExpr:
		id = t.Sel
	default:
		return nil, nil
	}
	name, ok := info.Uses[id].(*types.TypeName)
	if !ok {
		return nil, nil
	}
	return name, id
}

// inReceiver reports whether the innermost node of stack is in a method's
// receiver list.
func inReceiver(stack []ast.Node) bool {
	for i := len(stack) - 1; i > 0; i-- {
		if fd, ok := stack[i-1].(*ast.FuncDecl); ok {
			return fd.Recv != nil && stack[i] == fd.Recv
		}
	}
	return false
}

// calledOrCompared reports whether the identifier at the top of stack is
// the receiver of a method call, compared, or assigned to (assignments
// are checked apart).
func calledOrCompared(info *types.Info, stack []ast.Node) bool {
	n := len(stack)
	if n < 2 {
		return false
	}
	id := stack[n-1]
	switch parent := stack[n-2].(type) {
	case *ast.SelectorExpr:
		if n < 3 || parent.X != id {
			return false
		}
		call, ok := stack[n-3].(*ast.CallExpr)
		s := info.Selections[parent]
		return ok && call.Fun == parent && s != nil && s.Kind() == types.MethodVal
	case *ast.BinaryExpr:
		return parent.Op == token.EQL || parent.Op == token.NEQ
	case *ast.AssignStmt:
		return len(parent.Lhs) == 1 && parent.Lhs[0] == id && parent.Tok == token.ASSIGN
	}
	return false
}
