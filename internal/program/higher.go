package program

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Functions that call a function they are given — a transaction helper
// running its body, a retry wrapper, an each(items, fn) — are where a
// context-insensitive call graph loses most: every function any caller
// hands the helper flows into its parameter, so the helper's call of it
// reaches all of them, and every caller of the helper seems to run every
// other caller's body. Where the graph can see every caller, it does
// better: the call of the parameter is cut, and each caller gets an edge
// to the function it hands over, repeated by the loops around its own call
// and around the helper's call of the parameter.

// paramCall is a call, in fn or below it, of fn's parameter index: chain
// are the calls from fn down to it (the call of the parameter last).
type paramCall struct {
	index int
	chain []token.Pos
	call  *Call // the call of the parameter itself
}

// higherOrder rewires the calls of functions' own func-typed parameters
// (see above) where every caller of the function is a direct call that
// passes a function (or, further up, its own such parameter).
func (b *builder) higherOrder() {
	direct := map[*ssa.Function][]paramCall{}
	for _, f := range b.p.list {
		fn := b.ssaOf(f)
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				ci, ok := instr.(ssa.CallInstruction)
				if !ok || ci.Common().IsInvoke() {
					continue
				}
				prm, ok := ci.Common().Value.(*ssa.Parameter)
				if !ok || prm.Parent() != fn {
					continue
				}
				if i := slices.Index(fn.Params, prm); i >= 0 && b.calls[ci] != nil {
					direct[fn] = append(direct[fn], paramCall{index: i, chain: []token.Pos{b.calls[ci].Pos}, call: b.calls[ci]})
				}
			}
		}
	}
	if len(direct) == 0 {
		return
	}
	// Who calls whom directly, and which functions are also used as values
	// (then a caller could pass anything).
	callers := map[*ssa.Function][]ssa.CallInstruction{}
	outgoing := map[*ssa.Function][]ssa.CallInstruction{}
	taken := map[*ssa.Function]bool{}
	var rands []*ssa.Value
	for _, f := range b.p.list {
		fn := b.ssaOf(f)
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				var callee ssa.Value
				if ci, ok := instr.(ssa.CallInstruction); ok {
					callee = ci.Common().Value
					if g := ci.Common().StaticCallee(); g != nil && !ci.Common().IsInvoke() {
						callers[g] = append(callers[g], ci)
						outgoing[fn] = append(outgoing[fn], ci)
					}
				}
				rands = instr.Operands(rands[:0])
				for _, r := range rands {
					if g, ok := (*r).(*ssa.Function); ok && *r != callee {
						taken[g] = true
					}
				}
			}
		}
	}
	// The parameter calls of each function: its own, and those it
	// forwards its parameters to.
	calls := map[*ssa.Function][]paramCall{}
	var visit func(fn *ssa.Function, depth int) []paramCall
	visiting := map[*ssa.Function]bool{}
	visit = func(fn *ssa.Function, depth int) []paramCall {
		if pcs, ok := calls[fn]; ok || visiting[fn] || depth > 8 {
			return pcs
		}
		visiting[fn] = true
		pcs := append([]paramCall(nil), direct[fn]...)
		// A call passing one of fn's parameters to a function that calls
		// its own parameter: fn calls it, through that function.
		for _, ci := range outgoing[fn] {
			for _, pc := range visit(ci.Common().StaticCallee(), depth+1) {
				args := ci.Common().Args
				if pc.index >= len(args) {
					continue
				}
				prm, ok := args[pc.index].(*ssa.Parameter)
				if !ok || prm.Parent() != fn {
					continue
				}
				if i := slices.Index(fn.Params, prm); i >= 0 {
					chain := append([]token.Pos{ci.Common().Pos()}, pc.chain...)
					pcs = append(pcs, paramCall{index: i, chain: chain, call: pc.call})
				}
			}
		}
		visiting[fn] = false
		calls[fn] = pcs
		return pcs
	}
	for fn := range outgoing {
		visit(fn, 0)
	}
	for fn := range direct {
		visit(fn, 0)
	}
	// A function qualifies when it is never used as a value, and every
	// caller passes, for each parameter it calls, a function, or its own
	// parameter and qualifies itself.
	ok := map[*ssa.Function]bool{}
	for fn, pcs := range calls {
		ok[fn] = len(pcs) > 0 && !taken[fn] && len(callers[fn]) > 0
	}
	for changed := true; changed; {
		changed = false
		for fn, pcs := range calls {
			if !ok[fn] {
				continue
			}
			for _, ci := range callers[fn] {
				for _, pc := range pcs {
					args := ci.Common().Args
					good := pc.index < len(args)
					if good && b.funcValue(args[pc.index]) == nil {
						prm, isParam := args[pc.index].(*ssa.Parameter)
						good = isParam && ok[prm.Parent()]
					}
					if !good {
						ok[fn], changed = false, true
					}
				}
			}
		}
	}
	// Rewire: the parameter's calls reach nothing by themselves; each
	// caller passing a function runs it through the chain. (In the
	// graph's order: calls are appended.)
	for _, f := range b.p.list {
		fn := b.ssaOf(f)
		pcs := calls[fn]
		if !ok[fn] {
			continue
		}
		for _, pc := range pcs {
			pc.call.Callees = nil
		}
		for _, ci := range callers[fn] {
			caller := b.funcs[ci.Parent()]
			if caller == nil {
				continue
			}
			for _, pc := range pcs {
				h := b.funcValue(ci.Common().Args[pc.index])
				if h == nil {
					continue // the caller's own parameter: its callers are wired instead
				}
				pos := ci.Common().Pos()
				caller.Calls = append(caller.Calls, &Call{Pos: pos, Static: true, Callees: []*Func{h}, Chain: append([]token.Pos{pos}, pc.chain...)})
			}
		}
	}
}
