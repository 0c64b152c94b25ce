package program

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A helper often runs some of its work only for some of its arguments:
//
//	func (s *SummaryService) Aliased(user *User, filters *Filters) *Summary {
//		if filters != nil {
//			filters = filters.WithAliases(s.aliasResolver(user)) // a query per project
//		}
//		...
//	}
//
// and every caller of a route passes nil. The call graph runs the guarded
// calls from every call of the helper: the route "ran" an N+1 no request
// of it can. What a call runs is therefore computed, as for the dynamic
// types of its interface arguments (see bind.go), in the context of the
// constants it passes: where an argument is nil or a constant (a
// literal, a named constant, or a parameter an outer call on the same
// path bound so), the callee's calls in the blocks that run only when
// that parameter compares otherwise — under if p != nil, after if p ==
// nil { return }, under if limit > 0, under if verbose — are not run by
// that call. Only comparisons of the parameter itself (never assigned:
// the value the call passed) with a constant are read; anything else
// keeps every call.

// guard says a block runs only when a parameter, compared to a constant,
// gives on.
type guard struct {
	param int         // the parameter's index in the signature (the receiver is none)
	op    token.Token // EQL, NEQ, LSS, LEQ, GTR, GEQ; ILLEGAL for a bool parameter as it is, NOT for its negation
	val   constant.Value
	isNil bool // compared to nil (val is nil)
	// items: the block is in the body of a loop over the parameter's
	// items (see loopGuards); it runs only when the parameter has some.
	items bool
	// typ, when not nil, makes the guard a type assertion on the
	// parameter (see typeguards.go): the block runs only when the
	// parameter's dynamic type is typ (implements it, for an interface),
	// or, when on is false, is not. op and val are then unused.
	typ types.Type
	on  bool
	// edge, when not "", makes the guard a test of the parameter's ent
	// edge of that name, p.Edges.E compared to nil (see edges.go).
	edge string
}

// constArg is the constant a call passes for a parameter.
type constArg struct {
	set   bool
	isNil bool
	empty bool // an empty composite literal ([]string{}): no items, not nil
	val   constant.Value
	hops  int // how many calls handed it on
}

// guardsOf are, by block of fn, the guards every path to the block
// passes (see above).
func guardsOf(fn *ssa.Function) [][]guard {
	out := loopGuards(fn)
	recv := 0
	if fn.Signature.Recv() != nil {
		recv = 1
	}
	for _, blk := range fn.Blocks {
		ifi := branch(blk)
		if ifi == nil {
			continue
		}
		g, ok := condGuard(ifi.Cond)
		if !ok {
			g, ok = assertGuard(fn, ifi.Cond)
		}
		if !ok {
			g, ok = edgeCond(ifi.Cond)
		}
		if !ok {
			continue
		}
		i := slices.Index(fn.Params, g.prm)
		if i < recv || g.prm.Parent() != fn {
			continue // the receiver, or a parameter of another function
		}
		for k, s := range blk.Succs {
			if len(s.Preds) != 1 {
				continue // reached some other way too
			}
			out = guardBlocks(out, fn, s, guard{param: i - recv, op: g.op, val: g.val, isNil: g.isNil, typ: g.typ, on: k == 0, edge: g.edge})
		}
	}
	return out
}

// branch is the if that ends blk, when blk ends with a two-way branch.
func branch(blk *ssa.BasicBlock) *ssa.If {
	if len(blk.Instrs) == 0 || len(blk.Succs) != 2 {
		return nil
	}
	ifi, _ := blk.Instrs[len(blk.Instrs)-1].(*ssa.If)
	return ifi
}

// guardBlocks adds gd to the guards of the blocks of fn that s dominates.
func guardBlocks(out [][]guard, fn *ssa.Function, s *ssa.BasicBlock, gd guard) [][]guard {
	for _, b := range fn.Blocks {
		if s.Dominates(b) {
			if out == nil {
				out = make([][]guard, len(fn.Blocks))
			}
			out[b.Index] = append(out[b.Index], gd)
		}
	}
	return out
}

// paramCond is a condition on a parameter: the parameter compared to a
// constant, a bool parameter as it is or negated, or (typ not nil) a
// type assertion on the parameter.
type paramCond struct {
	prm   *ssa.Parameter
	op    token.Token
	val   constant.Value
	isNil bool
	typ   types.Type
	edge  string // see guard.edge
}

// condGuard reads an if's condition as a comparison of a parameter with
// a constant.
func condGuard(cond ssa.Value) (paramCond, bool) {
	switch c := cond.(type) {
	case *ssa.Parameter:
		return paramCond{prm: c, op: token.ILLEGAL}, true
	case *ssa.UnOp:
		if prm, ok := c.X.(*ssa.Parameter); ok && c.Op == token.NOT {
			return paramCond{prm: prm, op: token.NOT}, true
		}
	case *ssa.BinOp:
		prm, x := c.X, c.Y
		op := c.Op
		if _, ok := prm.(*ssa.Parameter); !ok {
			prm, x = c.Y, c.X
			op = swapped[op]
		}
		p, ok := prm.(*ssa.Parameter)
		k, isConst := x.(*ssa.Const)
		if !ok || !isConst {
			break
		}
		switch op {
		case token.EQL, token.NEQ:
			return paramCond{prm: p, op: op, val: k.Value, isNil: k.Value == nil}, true
		case token.LSS, token.LEQ, token.GTR, token.GEQ:
			if k.Value != nil {
				return paramCond{prm: p, op: op, val: k.Value}, true
			}
		}
	}
	return paramCond{}, false
}

// swapped is the comparison with its operands' order swapped.
var swapped = map[token.Token]token.Token{
	token.EQL: token.EQL, token.NEQ: token.NEQ,
	token.LSS: token.GTR, token.GTR: token.LSS,
	token.LEQ: token.GEQ, token.GEQ: token.LEQ,
}

// holds is what the guard's condition gives for a parameter bound to a;
// known is false when the constants cannot be compared.
func (g guard) holds(a constArg) (value, known bool) {
	switch {
	case g.items:
		switch {
		case a.isNil || a.empty:
			return false, true
		case a.val != nil && a.val.Kind() == constant.String:
			return constant.StringVal(a.val) != "", true
		}
		return false, false
	case g.isNil:
		if a.isNil {
			return g.op == token.EQL, true
		}
		return g.op == token.NEQ, true // a constant is no nil
	case a.isNil || a.val == nil:
		return false, false
	case g.op == token.ILLEGAL || g.op == token.NOT:
		if a.val.Kind() != constant.Bool {
			return false, false
		}
		return constant.BoolVal(a.val) == (g.op == token.ILLEGAL), true
	}
	if !comparable(a.val.Kind(), g.val.Kind()) {
		return false, false
	}
	return constant.Compare(a.val, g.op, g.val), true
}

// comparable reports whether constants of kinds x and y compare: both
// numbers, or of one kind.
func comparable(x, y constant.Kind) bool {
	num := func(k constant.Kind) bool { return k == constant.Int || k == constant.Float }
	return x == y && x != constant.Unknown && x != constant.Complex || num(x) && num(y)
}

// dead reports whether call c of f does not run when f runs with the
// constants and dynamic types of b: a guard of its block does not hold.
func (p *Program) dead(f *Func, c *Call, b *argTypes) bool {
	if c.Never {
		return true // whatever the constants (see never.go)
	}
	if b == nil || f.flow == nil || int(c.block) >= len(f.flow.guards) || c.block < 0 {
		return false
	}
	for _, g := range f.flow.guards[c.block] {
		if g.edge != "" {
			if g.param < len(b.edges) && b.edges[g.param].set != nil && edgeRuled(g, b.edges[g.param].set) {
				return true
			}
			continue
		}
		if g.typ != nil {
			if g.param < len(b.types) && b.types[g.param] != nil {
				if v, known := asserts(b.types[g.param], g.typ); known && v != g.on {
					return true
				}
			}
			continue
		}
		if g.param >= len(b.consts) || !b.consts[g.param].set {
			continue
		}
		if v, known := g.holds(b.consts[g.param]); known && v != g.on {
			return true
		}
	}
	return false
}

// constOf is the constant a call of f running with b passes as e: nil,
// a constant's value, or the constant a parameter of f is bound to.
func (p *Program) constOf(f *Func, info *types.Info, b *argTypes, e ast.Expr) constArg {
	tv, ok := info.Types[e]
	switch {
	case !ok:
	case tv.IsNil():
		return constArg{set: true, isNil: true}
	case tv.Value != nil:
		return constArg{set: true, val: tv.Value}
	case isEmptyLit(info, e):
		return constArg{set: true, empty: true}
	case b != nil:
		if i, ok := p.copiesOf(f).param(info, e); ok && i < len(b.consts) && b.consts[i].set {
			a := b.consts[i]
			a.hops++
			return a
		}
	}
	return constArg{}
}

// guardedParams says, by index, which of g's parameters a constant known
// for it could make some of g's calls not run: a guard reads it, or g
// hands it on to a call, whose guards do, at most maxHops calls down.
// Binding the others would compute g's reach again for every constant
// its callers pass, for nothing.
func (p *Program) guardedParams(g *Func) []bool { return p.guardedWithin(g, maxHops) }

type guardKey struct {
	g     *Func
	depth int
}

func (p *Program) guardedWithin(g *Func, depth int) []bool {
	k := guardKey{g, depth}
	if u, ok := p.guarded[k]; ok {
		return u
	}
	if p.guarded == nil {
		p.guarded = map[guardKey][]bool{}
	}
	u := make([]bool, g.sig.Params().Len())
	p.guarded[k] = u // a call back into g adds nothing
	if g.flow != nil {
		for _, gs := range g.flow.guards {
			for _, gd := range gs {
				if gd.param < len(u) && gd.typ == nil { // a type's guard reads the types bound (see usedParams)
					u[gd.param] = true
				}
			}
		}
	}
	info := p.info(g)
	if depth == 0 || info == nil {
		return u
	}
	cp := p.copiesOf(g)
	for _, c := range g.Calls {
		if c.Expr == nil || len(c.Chain) > 0 || c.Callback {
			continue
		}
		for j, a := range c.Expr.Args {
			i, ok := cp.param(info, a)
			if !ok {
				i, ok = edgeParam(info, cp, a) // run.Edges.Workflow: what run loaded
			}
			if !ok || i >= len(u) || u[i] {
				continue
			}
			for _, h := range c.Callees {
				if h.Synthetic || h.instance || h.syntax == nil {
					continue
				}
				if hu := p.guardedWithin(h, depth-1); j < len(hu) && hu[j] {
					u[i] = true
					break
				}
			}
		}
	}
	return u
}

// constKey names the constants of a binding, for its key.
func constKey(cs []constArg) string {
	var out string
	for i, c := range cs {
		switch {
		case !c.set:
		case c.isNil:
			out += fmt.Sprintf("%d=nil@%d;", i, c.hops)
		case c.empty:
			out += fmt.Sprintf("%d=empty@%d;", i, c.hops)
		default:
			out += fmt.Sprintf("%d=%s@%d;", i, c.val.ExactString(), c.hops)
		}
	}
	return out
}

// liveSet is what a call of a function runs, with the constants of its
// calls: the functions (a bit by Func.id: a copy counts as its
// closure), and, of the calls a guard can rule out, those that run (by
// the call's Lparen and start). A call no guard rules out runs wherever
// its function does.
type liveSet struct {
	funcs []uint64
	calls map[token.Pos]bool
}

func (ls *liveSet) has(f *Func) bool {
	i := int(f.id)
	return f.id > 0 && i/64 < len(ls.funcs) && ls.funcs[i/64]&(1<<(i%64)) != 0
}

func (ls *liveSet) add(f *Func) {
	i := int(f.id)
	for i/64 >= len(ls.funcs) {
		ls.funcs = append(ls.funcs, 0)
	}
	ls.funcs[i/64] |= 1 << (i % 64)
}

// guarded reports whether a guard can rule out call c of f.
func guarded(f *Func, c *Call) bool {
	return f.flow != nil && c.block >= 0 && int(c.block) < len(f.flow.guards) && len(f.flow.guards[c.block]) > 0
}

// Runs reports whether entry e can run the code at pos, in fn
// (FuncAt(pos)): a call there (by its Lparen or its start) of a function
// it runs, on a path whose arguments do not rule the call out (see
// above); elsewhere in a function it runs. A helper that runs an N+1
// only for a filter is no N+1 of the routes that pass it nil, nor a
// middleware's loop for other paths one of the route's (see
// pathguards.go).
func (p *Program) Runs(e *Entry, fn *Func, pos token.Pos) bool {
	var at *Call
	for _, c := range fn.Calls {
		if c.Pos == pos || c.Expr != nil && c.Expr.Pos() == pos {
			at = c
			break
		}
	}
	for _, part := range e.Parts {
		if part.Chan != "" {
			// A receiver's body, run on the route's behalf (see
			// channels.go): what it calls.
			if slices.Contains(p.partFunctions(part, false, true), fn) {
				return true
			}
			continue
		}
		ls := p.partLive(e, part)
		if fn == part.Func && p.pathRuledOut(e, part, at, pos) {
			continue // in a branch of the middleware for other paths
		}
		if at != nil && guarded(fn, at) {
			if ls.calls[pos] {
				return true
			}
		} else if ls.has(fn) {
			return true
		}
	}
	return false
}

// liveOf walks what a call of f runs, each function under the constants
// and types its calls pass (see bind.go), as Reach does, but the calls
// cut. Without cuts, the walk is kept: the routes behind one middleware
// share it.
func (p *Program) liveOf(f *Func, cut map[token.Pos]bool) *liveSet {
	if len(cut) == 0 {
		if ls := p.live[f]; ls != nil {
			return ls
		}
	}
	p.components()
	ls := &liveSet{calls: map[token.Pos]bool{}}
	type visit struct {
		f *Func
		b *argTypes
	}
	type seenKey struct {
		f *Func
		b string
	}
	work := []visit{{f, nil}}
	seen := map[seenKey]bool{}
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		k := seenKey{f: v.f}
		if v.b != nil {
			k.b = v.b.key
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		ls.add(p.numbered(v.f))
		for _, c := range v.f.Calls {
			if cut[c.Pos] || p.dead(v.f, c, v.b) {
				continue
			}
			if guarded(v.f, c) {
				ls.calls[c.Pos] = true
				if c.Expr != nil {
					ls.calls[c.Expr.Pos()] = true
				}
			}
			if !perCall(c) {
				continue // a goroutine left running, a worker's loop: started here, not run
			}
			for _, g := range p.callees(v.f, c, v.b) {
				work = append(work, visit{g, p.bindArgs(v.f, c, g, v.b)})
			}
		}
	}
	if len(cut) == 0 {
		if p.live == nil {
			p.live = map[*Func]*liveSet{}
		}
		p.live[f] = ls
	}
	return ls
}

// numbered is f with its id (see Func.id) given, the first time asked: a
// copy of a closure (bound to one call of its constructor) has the
// closure's.
func (p *Program) numbered(f *Func) *Func {
	g := f
	if f.origin != nil {
		g = f.origin
	}
	if g.id == 0 {
		p.ids++
		g.id = p.ids
	}
	f.id = g.id
	return f
}
