package program

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// An interface with several implementations often says, through one of
// its methods, which way its callers should drive it:
//
//	func StoreSession(store Store, token string, callback func()) {
//		if !store.PermanentConnection() { // SqlDb: return true
//			store.Connect(token) // SqlDb's creates the database
//		}
//		callback()
//		...
//	}
//
// The call graph gives store.Connect every implementation, and each route
// behind the middleware calling StoreSession "ran" SqlDb's create
// database, which SqlDb never reaches there. A call through an interface
// value in a block that runs only when a method of that same value gives
// true (or false) — under if v.M(), if !v.M(), a conjunction with it,
// after if v.M() { return } — runs, of its callees, only those of the
// types whose M always returns the constant that makes the block run, or
// whose M returns no constant. The same value is the same SSA value, or
// the same field of the same value loaded again where the function
// stores no such field (x.pool.store twice). This holds whoever calls,
// so the callees are left out of the call (Call.Callees); a bound type
// (see bind.go) whose method was left out runs nothing there.

// capGuard says a block runs only when method m of value v gives on.
type capGuard struct {
	v  ssa.Value
	m  *types.Func
	on bool
}

// capGuardsOf are, by block of fn, the capability guards every path to
// it passes.
func capGuardsOf(fn *ssa.Function) [][]capGuard {
	var out [][]capGuard
	for _, blk := range fn.Blocks {
		ifi := branch(blk)
		if ifi == nil {
			continue
		}
		v, m, neg, ok := capCond(ifi.Cond)
		if !ok {
			continue
		}
		for k, s := range blk.Succs {
			if len(s.Preds) != 1 || blk.Succs[0] == blk.Succs[1] {
				continue // reached some other way too
			}
			for _, d := range fn.Blocks {
				if s.Dominates(d) {
					if out == nil {
						out = make([][]capGuard, len(fn.Blocks))
					}
					out[d.Index] = append(out[d.Index], capGuard{v: v, m: m, on: (k == 0) != neg})
				}
			}
		}
	}
	return out
}

// capCond reads a branch's condition as a call of a bool method through
// an interface value, or its negation.
func capCond(cond ssa.Value) (v ssa.Value, m *types.Func, neg, ok bool) {
	if u, isNot := cond.(*ssa.UnOp); isNot && u.Op == token.NOT {
		v, m, neg, ok = capCond(u.X)
		return v, m, !neg, ok
	}
	call, isCall := cond.(*ssa.Call)
	if !isCall || !call.Call.IsInvoke() {
		return nil, nil, false, false
	}
	if b, isBasic := call.Type().Underlying().(*types.Basic); !isBasic || b.Info()&types.IsBoolean == 0 {
		return nil, nil, false, false
	}
	return call.Call.Value, call.Call.Method, false, true
}

// sameValue reports whether x and y are one value of fn: one SSA value
// (through conversions to other interfaces), or one field of one value,
// loaded where fn stores to no such field.
func sameValue(fn *ssa.Function, x, y ssa.Value) bool {
	x, y = stripChange(x), stripChange(y)
	if x == y {
		return true
	}
	switch x := x.(type) {
	case *ssa.Field:
		y, ok := y.(*ssa.Field)
		return ok && x.Field == y.Field && sameValue(fn, x.X, y.X)
	case *ssa.UnOp:
		y, ok := y.(*ssa.UnOp)
		if !ok || x.Op != token.MUL || y.Op != token.MUL {
			return false
		}
		xa, ok1 := x.X.(*ssa.FieldAddr)
		ya, ok2 := y.X.(*ssa.FieldAddr)
		if !ok1 || !ok2 || xa.Field != ya.Field || !types.Identical(xa.X.Type(), ya.X.Type()) {
			return false
		}
		return !storesField(fn, xa) && sameValue(fn, xa.X, ya.X)
	}
	return false
}

func stripChange(v ssa.Value) ssa.Value {
	for {
		ci, ok := v.(*ssa.ChangeInterface)
		if !ok {
			return v
		}
		v = ci.X
	}
}

// storesField reports whether fn stores to the field fa addresses, of
// any value of its struct type, or takes its address for anything but a
// load.
func storesField(fn *ssa.Function, fa *ssa.FieldAddr) bool {
	for _, blk := range fn.Blocks {
		for _, in := range blk.Instrs {
			o, ok := in.(*ssa.FieldAddr)
			if !ok || o.Field != fa.Field || !types.Identical(o.X.Type(), fa.X.Type()) {
				continue
			}
			for _, r := range *o.Referrers() {
				if u, ok := r.(*ssa.UnOp); ok && u.Op == token.MUL {
					continue
				}
				if _, ok := r.(*ssa.DebugRef); ok {
					continue
				}
				return true
			}
		}
	}
	return false
}

// capGuarded is, of the callees of call ci through an interface, those
// the capability guards of its block leave: a callee whose type's method
// returns the constant that rules the block out is dropped (see above).
// out are the dropped ones.
func (b *builder) capGuarded(ci ssa.CallInstruction, callees []*Func) (kept, out []*Func) {
	cc := ci.Common()
	fn := ci.Parent()
	if !cc.IsInvoke() || len(callees) == 0 || fn == nil || ci.Block() == nil {
		return callees, nil
	}
	if b.capGuards == nil {
		b.capGuards = map[*ssa.Function][][]capGuard{}
	}
	gs, ok := b.capGuards[fn]
	if !ok {
		gs = capGuardsOf(fn)
		b.capGuards[fn] = gs
	}
	i := ci.Block().Index
	if i >= len(gs) || len(gs[i]) == 0 {
		return callees, nil
	}
	for _, g := range callees {
		if b.capRuledOut(fn, cc.Value, gs[i], g) {
			out = append(out, g)
		} else {
			kept = append(kept, g)
		}
	}
	return kept, out
}

// capRuledOut reports whether a guard of gs on value v rules callee g
// out: g's receiver type's method of the guard always returns the
// constant the block does not run on.
func (b *builder) capRuledOut(fn *ssa.Function, v ssa.Value, gs []capGuard, g *Func) bool {
	if g.sig == nil || g.sig.Recv() == nil {
		return false
	}
	recv := g.sig.Recv().Type()
	if types.IsInterface(recv) {
		return false
	}
	for _, gd := range gs {
		if !sameValue(fn, gd.v, v) {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(recv, true, gd.m.Pkg(), gd.m.Name())
		m, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		impl := b.prog.FuncValue(m.Origin())
		if impl == nil {
			continue
		}
		c, ok := b.returnsConst(impl, 0, 0)
		if !ok || c.val == nil || c.val.Kind() != constant.Bool {
			continue
		}
		if constant.BoolVal(c.val) != gd.on {
			return true
		}
	}
	return false
}
