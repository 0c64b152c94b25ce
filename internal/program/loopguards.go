package program

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A helper's loop over a list parameter runs nothing for a call that
// passes no list:
//
//	func (p *provider) syncMembers(ctx context.Context, org string, add, remove []string) error {
//		for _, uid := range dedupTrim(add) {
//			if _, err := p.store.GetOrgMembership(ctx, org, uid); err != nil { // a query per added member
//				...
//
//	p.syncMembers(ctx, org, nil, op.Members) // removes only: no query
//
// The body of a loop over a parameter's items (a range, or i < len(p))
// is guarded by the parameter having some, as the body of `if len(p) > 0`
// would be: a call passing nil, an empty literal or "" for it does not
// run what the body calls (see guards.go). The list may also go through a
// function of the module that keeps an empty list empty (dedupTrim(add):
// it returns nil, the list itself or a slice of it, an empty make, or
// what it appends in its own loop over the list).

// loopGuards are, by block of fn, the guards of the loops over its
// parameters' items that every path to the block passes (see above).
func loopGuards(fn *ssa.Function) [][]guard {
	var out [][]guard
	recv := 0
	if fn.Signature.Recv() != nil {
		recv = 1
	}
	for prm, body := range itemLoops(fn, 0) {
		i := slices.Index(fn.Params, prm)
		if i < recv {
			continue // the receiver
		}
		out = guardBlocks(out, fn, body, guard{param: i - recv, items: true, on: true})
	}
	return out
}

// itemLoops yields, for each loop of fn over the items of one of its
// parameters, the parameter and the loop's body: the true branch of
// `i < len(p)` (i never negative, as a range's index), or of a range's
// next over a map or string p, entered only from there.
func itemLoops(fn *ssa.Function, depth int) func(yield func(*ssa.Parameter, *ssa.BasicBlock) bool) {
	return func(yield func(*ssa.Parameter, *ssa.BasicBlock) bool) {
		for _, blk := range fn.Blocks {
			if len(blk.Instrs) == 0 || len(blk.Succs) != 2 || len(blk.Succs[0].Preds) != 1 {
				continue
			}
			ifi, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.If)
			if !ok {
				continue
			}
			prm := itemsOf(ifi.Cond, depth)
			if prm == nil || prm.Parent() != fn {
				continue
			}
			if !yield(prm, blk.Succs[0]) {
				return
			}
		}
	}
}

// maxListDepth bounds how many functions a list is followed through.
const maxListDepth = 2

// itemsOf is the parameter a condition says has items when it holds:
// i < len(p) (len(p) > i) with i never negative, or the ok of a range's
// next over p; nil for any other condition.
func itemsOf(cond ssa.Value, depth int) *ssa.Parameter {
	switch c := cond.(type) {
	case *ssa.BinOp:
		x, n := c.X, c.Y
		switch c.Op {
		case token.LSS:
		case token.GTR:
			x, n = c.Y, c.X
		default:
			return nil
		}
		call, ok := n.(*ssa.Call)
		if !ok || len(call.Call.Args) != 1 || !nonNegative(x) {
			return nil
		}
		if b, ok := call.Call.Value.(*ssa.Builtin); !ok || b.Name() != "len" {
			return nil
		}
		return listParam(call.Call.Args[0], depth)
	case *ssa.Extract:
		next, ok := c.Tuple.(*ssa.Next)
		if !ok || c.Index != 0 {
			return nil
		}
		rng, ok := next.Iter.(*ssa.Range)
		if !ok {
			return nil
		}
		return listParam(rng.X, depth)
	}
	return nil
}

// nonNegative reports whether v, a loop's index, is never negative: a
// phi of constants at least -k and of itself plus k (a range's index is
// -1 then +1), plus k, or a phi of constants at least 0 and of itself
// plus a positive constant.
func nonNegative(v ssa.Value) bool {
	counter := func(phi *ssa.Phi, least int64) bool {
		for _, e := range phi.Edges {
			if k, ok := intOf(e); ok {
				if k < least {
					return false
				}
				continue
			}
			add, ok := e.(*ssa.BinOp)
			if !ok || add.Op != token.ADD || add.X != phi {
				return false
			}
			if k, ok := intOf(add.Y); !ok || k < 1 {
				return false
			}
		}
		return true
	}
	switch v := v.(type) {
	case *ssa.Phi:
		return counter(v, 0)
	case *ssa.BinOp:
		phi, ok := v.X.(*ssa.Phi)
		k, isConst := intOf(v.Y)
		return ok && isConst && v.Op == token.ADD && k >= 1 && counter(phi, -k)
	}
	return false
}

func intOf(v ssa.Value) (int64, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(c.Value)
}

// listParam is the parameter v is, directly or through a function that
// keeps an empty list empty (see keepsEmpty); nil when it is none.
func listParam(v ssa.Value, depth int) *ssa.Parameter {
	switch v := v.(type) {
	case *ssa.Parameter:
		return v
	case *ssa.ChangeType:
		return listParam(v.X, depth)
	case *ssa.Call:
		return emptyThrough(&v.Call, 0, depth)
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return emptyThrough(&call.Call, v.Index, depth)
		}
	}
	return nil
}

// emptyThrough is the parameter of the calling function that a call
// passes a function returning, as its k-th result, an empty list when
// that argument is one; nil when there is none.
func emptyThrough(call *ssa.CallCommon, k, depth int) *ssa.Parameter {
	if depth >= maxListDepth {
		return nil
	}
	callee := call.StaticCallee()
	if callee == nil || len(callee.Blocks) == 0 || call.IsInvoke() {
		return nil
	}
	for j, a := range call.Args {
		prm, ok := a.(*ssa.Parameter)
		if ok && j < len(callee.Params) && keepsEmpty(callee, callee.Params[j], k, depth+1) {
			return prm
		}
	}
	return nil
}

// keepsEmpty reports whether fn's k-th result is an empty list whenever
// its parameter prm is one: every return gives nil, prm or a slice of
// it, an empty make, or appends to such a list made in fn's loops over
// prm's items.
func keepsEmpty(fn *ssa.Function, prm *ssa.Parameter, k, depth int) bool {
	var loops []*ssa.BasicBlock
	for p, body := range itemLoops(fn, depth) {
		if p == prm {
			loops = append(loops, body)
		}
	}
	inLoop := func(b *ssa.BasicBlock) bool {
		return slices.ContainsFunc(loops, func(body *ssa.BasicBlock) bool { return body.Dominates(b) })
	}
	seen := map[ssa.Value]bool{}
	var empty func(v ssa.Value) bool
	empty = func(v ssa.Value) bool {
		if seen[v] {
			return true // a phi's way round: the other edges decide
		}
		seen[v] = true
		switch v := v.(type) {
		case *ssa.Const:
			return v.IsNil()
		case *ssa.Parameter:
			return v == prm
		case *ssa.ChangeType:
			return empty(v.X)
		case *ssa.Slice:
			return v.X == prm
		case *ssa.MakeSlice:
			n, ok := intOf(v.Len)
			return ok && n == 0
		case *ssa.Phi:
			for _, e := range v.Edges {
				if !empty(e) {
					return false
				}
			}
			return true
		case *ssa.Call:
			b, ok := v.Call.Value.(*ssa.Builtin)
			return ok && b.Name() == "append" && len(v.Call.Args) > 0 && inLoop(v.Block()) && empty(v.Call.Args[0])
		}
		return false
	}
	returns := 0
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		if k >= len(ret.Results) || !empty(ret.Results[k]) {
			return false
		}
		returns++
	}
	return returns > 0
}

// isEmptyLit reports whether e is a composite literal of no items of a
// slice or map type: a list of none, not one about to be filled, when it
// is what a call passes.
func isEmptyLit(info *types.Info, e ast.Expr) bool {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok || len(lit.Elts) > 0 {
		return false
	}
	switch under(info.TypeOf(lit)).(type) {
	case *types.Slice, *types.Map:
		return true
	}
	return false
}
