package program

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// A function that handles several kinds of message through one interface
// parameter branches on the message's dynamic type,
//
//	func marshalJSON(msg proto.Message) ([]byte, error) {
//		switch v := msg.(type) {
//		case *UplinkEvent:
//			return marshalUplink(v) // looks up each gateway
//		case *AckEvent:
//			return marshalAck(v)
//		...
//		}
//	}
//
// and its callers, often a handler per kind, each pass it a value of one
// concrete type (marshal(&ackEvent)). The call graph runs every case from
// every caller: the ack handler's loop "ran" the uplink's gateway lookup
// per item. As for the constants a call passes (see guards.go), what a
// call runs is computed in the context of the dynamic types it passes
// its interface parameters (see bind.go: a value of a concrete type, or a
// parameter an outer call on the same path bound so, a few calls deep):
// the callee's calls in the blocks that run only when a comma-ok type
// assertion on such a parameter gives otherwise are not run by that call.
// A type switch is lowered to those assertions, one per type of each
// case, so its case of another type does not run, nor its default when a
// case matches; a case of an interface type matches the types that
// implement it. Only assertions on the parameter itself are read (the
// value the call passed, converted to another interface at most): an
// assertion on a value stored and loaded, on a parameter assigned or
// whose address is taken (go/ssa then keeps it in memory), on a type
// parameter's value, or in a function whose type is unknown at the call
// keeps every case, as do the cases listing more than one type (whose
// body is reached from each test).

// assertGuard reads an if's condition as the ok of a comma-ok type
// assertion on a parameter of fn: cond is extract #1 of x.(T), x the
// parameter or the parameter converted to another interface.
func assertGuard(fn *ssa.Function, cond ssa.Value) (paramCond, bool) {
	ex, ok := cond.(*ssa.Extract)
	if !ok || ex.Index != 1 {
		return paramCond{}, false
	}
	ta, ok := ex.Tuple.(*ssa.TypeAssert)
	if !ok || !ta.CommaOk || generic(fn) {
		return paramCond{}, false
	}
	x := ta.X
	for {
		ci, ok := x.(*ssa.ChangeInterface)
		if !ok {
			break
		}
		x = ci.X
	}
	prm, ok := x.(*ssa.Parameter)
	if !ok {
		return paramCond{}, false
	}
	return paramCond{prm: prm, typ: ta.AssertedType}, true
}

// generic reports whether fn, or a function it is written in, has type
// parameters: its assertions may name them, which no type bound at a
// call is identical to.
func generic(fn *ssa.Function) bool {
	for ; fn != nil; fn = fn.Parent() {
		if fn.TypeParams().Len() > 0 {
			return true
		}
	}
	return false
}

// asserts is what a type assertion to asserted gives on a value of
// dynamic type t: t is asserted, or implements it when asserted is an
// interface; known is false when t is no concrete type.
func asserts(t, asserted types.Type) (value, known bool) {
	if types.IsInterface(t) {
		return false, false
	}
	if iface, ok := asserted.Underlying().(*types.Interface); ok {
		return types.Implements(t, iface), true
	}
	return types.Identical(t, asserted), true
}

// assertedParams marks, in u, the parameters of g whose type an
// assertion of g tests (see assertGuard).
func assertedParams(g *Func, u []bool) {
	if g.flow == nil {
		return
	}
	for _, gs := range g.flow.guards {
		for _, gd := range gs {
			if gd.typ != nil && gd.param < len(u) {
				u[gd.param] = true
			}
		}
	}
}
