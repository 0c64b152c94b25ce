package program

import (
	"go/token"
	"go/types"
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
	if !b.callsValues() {
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
	// The parameter calls of each function: its own, in its body or in
	// the closures it runs, and those it forwards its parameters to.
	calls := map[*ssa.Function][]paramCall{}
	var visit func(fn *ssa.Function, depth int) []paramCall
	visiting := map[*ssa.Function]bool{}
	visit = func(fn *ssa.Function, depth int) []paramCall {
		if pcs, ok := calls[fn]; ok || visiting[fn] || depth > 8 {
			return pcs
		}
		visiting[fn] = true
		var pcs []paramCall
		for i, prm := range fn.Params {
			if _, ok := prm.Type().Underlying().(*types.Signature); !ok {
				continue
			}
			for _, vc := range b.valueCalls(fn, prm, false, func(g *ssa.Function) []paramCall { return visit(g, depth+1) }) {
				vc.index = i
				pcs = append(pcs, vc)
			}
		}
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
	for _, f := range b.p.list { // in the graph's order: cycles cut the same way each run
		visit(b.ssaOf(f), 0)
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
				pos, at := ci.Common().Pos(), b.calls[ci]
				caller.Calls = append(caller.Calls, &Call{Pos: pos, Static: true, Callees: []*Func{h}, Chain: append([]token.Pos{pos}, pc.chain...), block: at.block, seq: at.seq})
			}
		}
	}
}

// callsValues reports whether any function of the graph calls a
// parameter or a captured variable: else there is nothing to rewire.
func (b *builder) callsValues() bool {
	for _, f := range b.p.list {
		for _, blk := range b.ssaOf(f).Blocks {
			for _, instr := range blk.Instrs {
				if ci, ok := instr.(ssa.CallInstruction); ok && !ci.Common().IsInvoke() {
					switch ci.Common().Value.(type) {
					case *ssa.Parameter, *ssa.FreeVar:
						return true
					}
				}
			}
		}
	}
	return false
}

// valueCalls are the calls, in fn or below it, of v, a func value of fn
// (its parameter, or a variable it captured): calls of v itself, and
// calls of it in the closures fn writes and runs, however deep —
//
//	func DoTemporaryError(fn func(int) error) error {
//		return Do(func(n int) (bool, error) { err := fn(n); ... })
//	}
//
// calls fn through the closure it hands Do. A closure fn runs is one it
// calls, starts (go) or defers, or hands to a function that calls that
// parameter (pcs says which a function of the module calls) or to code
// outside the module (assumed to run it, as every callback is: see
// addCall). A closure kept anywhere else (stored, returned: retry.Wrap
// returning a function that calls fn) runs later, not in fn's call, and
// its calls of v are left to the call graph. The index of what is
// returned is for the caller to set.
//
// go/ssa keeps a captured parameter in a variable (fn is stored in an
// Alloc, which the closure captures and loads): ptr says v is such a
// variable, followed only while nothing assigns it again.
func (b *builder) valueCalls(fn *ssa.Function, v ssa.Value, ptr bool, pcs func(*ssa.Function) []paramCall) []paramCall {
	refs := v.Referrers()
	if refs == nil {
		return nil
	}
	if ptr {
		once := 0 // a captured variable: stored into nowhere
		if _, ok := v.(*ssa.Alloc); ok {
			once = 1 // the parameter's own: stored into once, by the spill
		}
		if stores(v) > once {
			return nil // assigned again: it may hold anything
		}
	}
	var out []paramCall
	for _, instr := range *refs {
		switch instr := instr.(type) {
		case ssa.CallInstruction:
			if cc := instr.Common(); !ptr && !cc.IsInvoke() && cc.Value == v && b.calls[instr] != nil {
				out = append(out, paramCall{chain: []token.Pos{b.calls[instr].Pos}, call: b.calls[instr]})
			}
		case *ssa.Store: // the parameter spilled to the variable a closure captures
			if a, ok := instr.Addr.(*ssa.Alloc); ok && !ptr && instr.Val == v {
				out = append(out, b.valueCalls(fn, a, true, pcs)...)
			}
		case *ssa.UnOp: // a load of the variable
			if ptr && instr.Op == token.MUL {
				out = append(out, b.valueCalls(fn, instr, false, pcs)...)
			}
		case *ssa.MakeClosure:
			lit, ok := instr.Fn.(*ssa.Function)
			if !ok || instr.Parent() != fn {
				continue
			}
			runs := b.runs(instr, pcs)
			if runs == nil {
				continue // kept for later: not part of fn's call
			}
			for i, bound := range instr.Bindings {
				if bound != v {
					continue
				}
				for _, inner := range b.valueCalls(lit, lit.FreeVars[i], ptr, pcs) {
					for _, run := range runs {
						chain := append(slices.Clip(run), inner.chain...)
						out = append(out, paramCall{chain: chain, call: inner.call})
					}
				}
			}
		}
	}
	return out
}

// stores counts the stores into the variable v.
func stores(v ssa.Value) int {
	n := 0
	for _, instr := range *v.Referrers() {
		if st, ok := instr.(*ssa.Store); ok && st.Addr == v {
			n++
		}
	}
	return n
}

// runs are the ways the function of closure mc runs during its parent's
// call, each the chain of calls from the parent down to where the closure
// is called; nil when the closure is kept for later (see valueCalls).
func (b *builder) runs(mc *ssa.MakeClosure, pcs func(*ssa.Function) []paramCall) [][]token.Pos {
	var out [][]token.Pos
	for _, instr := range *mc.Referrers() {
		ci, ok := instr.(ssa.CallInstruction)
		if !ok || b.calls[ci] == nil {
			return nil // stored, returned, converted: kept
		}
		cc := ci.Common()
		pos := b.calls[ci].Pos
		if cc.Value == mc {
			out = append(out, []token.Pos{pos}) // called, started or deferred here
			continue
		}
		g := cc.StaticCallee()
		if g == nil || cc.IsInvoke() {
			return nil // handed to a call the graph resolves: could be kept
		}
		for j, arg := range cc.Args {
			if arg != mc {
				continue
			}
			if b.funcs[g] == nil {
				out = append(out, []token.Pos{pos}) // a callback outside the module
				continue
			}
			found := false
			for _, pc := range pcs(g) {
				if pc.index == j {
					out = append(out, append([]token.Pos{pos}, pc.chain...))
					found = true
				}
			}
			if !found {
				return nil // the function keeps it
			}
		}
	}
	return out
}
