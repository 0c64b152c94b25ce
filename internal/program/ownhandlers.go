package program

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/sqlheat/sqlheat/internal/httpapi"
)

// Services often put a handler type of their own over their router's
// (type HandlerFunc func(*Context) error), with middlewares of it (type
// MiddlewareFunc func(HandlerFunc) HandlerFunc), and adapt it to the
// router in one place: a closure of the router's handler signature that
// calls a value of the own type.
//
//	func Tenant() web.MiddlewareFunc {
//		return func(next web.HandlerFunc) web.HandlerFunc {
//			return func(c *web.Context) error {
//				...
//				return next(c)
//			}
//		}
//	}
//
// A middleware's call of next is the request going on to the route's
// handler, as next.ServeHTTP(w, r) is for net/http: the handler is an
// entry of its own, and the call graph, which keeps one set of values for
// every middleware's next, would give each middleware (and whatever runs
// one: a not-found handler, a route of the adapter's own closure) the
// queries of every route. So a call, in a closure a function of type
// func(T) T returns, of that function's parameter is cut as such
// dispatches are, where T is an own handler type: a func type a function
// of a router's handler signature calls values of. A decorator of another
// func type (a retry of func() error) is followed as before.
//
// For the same reason, a call of what applying a middleware to a function
// h returned (next := mw(h); next(c)) runs h or a closure a middleware
// made, not any other handler the graph's values for the middleware's
// result hold (a chain returning its parameter when it has no middleware
// holds every handler any chain was applied to).

// ownHandlerTypes finds the own handler types (see above): the func types
// of the values the module's functions of a handler signature call.
func (b *builder) ownHandlerTypes() {
	for fn := range b.funcs {
		if !httpapi.IsHandlerSig(fn.Signature) {
			continue
		}
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				ci, ok := instr.(ssa.CallInstruction)
				if !ok || ci.Common().IsInvoke() || ci.Common().StaticCallee() != nil {
					continue
				}
				if _, builtin := ci.Common().Value.(*ssa.Builtin); builtin {
					continue
				}
				t := ci.Common().Value.Type()
				if _, isFunc := t.Underlying().(*types.Signature); !isFunc || httpapi.IsHandlerType(t) || b.ownHandler(t) {
					continue
				}
				b.own = append(b.own, t)
			}
		}
	}
}

// ownHandler reports whether t is an own handler type.
func (b *builder) ownHandler(t types.Type) bool {
	return slices.ContainsFunc(b.own, func(o types.Type) bool { return types.Identical(o, t) })
}

// callsNext reports whether cc calls next in a middleware of an own
// handler type (see above): its callee is a variable of the closure that
// holds the parameter of the function making it, whose type is func(T) T
// for T the own handler type.
func (b *builder) callsNext(cc *ssa.CallCommon) bool {
	v := cc.Value
	if !b.ownHandler(v.Type()) {
		return false
	}
	spilled := false
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		v, spilled = u.X, true // the variable the parameter was spilled to
	}
	fv, ok := v.(*ssa.FreeVar)
	if !ok {
		return false
	}
	found, all := false, true
	b.bindings(fv, func(bound ssa.Value) {
		p := spilledParam(bound, spilled)
		if p == nil {
			all = false
			return
		}
		if !middlewareOf(p.Parent().Signature, cc.Value.Type()) {
			all = false
			return
		}
		found = true
	})
	return found && all
}

// spilledParam is the parameter a closure's binding is: itself, or, when
// spilled, the one stored once in the variable.
func spilledParam(bound ssa.Value, spilled bool) *ssa.Parameter {
	if !spilled {
		p, _ := bound.(*ssa.Parameter)
		return p
	}
	alloc, ok := bound.(*ssa.Alloc)
	if !ok || stores(alloc) != 1 {
		return nil // assigned again: it may hold anything
	}
	for _, r := range *alloc.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == alloc {
			p, _ := st.Val.(*ssa.Parameter)
			return p
		}
	}
	return nil
}

// applied narrows the callees of a call of what applying a middleware
// of an own handler type returned (see above): the function it was
// applied to, and the closures middlewares make. Where the function is
// not known, the graph's answer stands.
func (b *builder) applied(cc *ssa.CallCommon, callees []*Func) []*Func {
	app, ok := cc.Value.(*ssa.Call)
	t := cc.Value.Type()
	if !ok || len(app.Call.Args) != 1 || !b.ownHandler(t) || !middlewareOf(app.Call.Signature(), t) {
		return callees
	}
	inner := b.boundFuncs(app.Call.Args[0])
	if len(inner) == 0 {
		return callees
	}
	var out []*Func
	for _, g := range callees {
		fn := b.ssaOf(g)
		if slices.Contains(inner, g) || fn != nil && fn.Parent() != nil && middlewareOf(fn.Parent().Signature, t) {
			out = append(out, g)
		}
	}
	return out
}

// middlewareOf reports whether sig is func(T) T.
func middlewareOf(sig *types.Signature, t types.Type) bool {
	return sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		types.Identical(sig.Params().At(0).Type(), t) && types.Identical(sig.Results().At(0).Type(), t)
}
