package program

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A middleware may put a function into the request's context for the
// handlers to call later, when they need what it computes:
//
//	lookup := func() int { ... store.Find(token) ... }
//	ctx = context.WithValue(ctx, accountIDKey(0), lookup)
//
//	func GetAccountID(r *http.Request) int {
//		if fn, ok := r.Context().Value(accountIDKey(0)).(func() int); ok {
//			return fn()
//		}
//		return 0
//	}
//
// The function goes through the context package's interface values,
// which the call graph does not follow, so fn() ran nothing. ctxFuncs
// gives such a call, when the graph gave it no callee, the module's
// functions stored with context.WithValue under a key of the same type
// as the one read (a type of the module's, as context keys are), whose
// signature is the one asserted. A key of a basic type (a string) is
// anyone's: nothing.

// ctxStore is one function value stored in a context under a key.
type ctxStore struct {
	key types.Type
	val ssa.Value
}

// ctxFuncs are the module functions the func value v, asserted from a
// context's Value(key), can be (see above); nil when v is no such read.
func (b *builder) ctxFuncs(v ssa.Value) []*Func {
	if e, ok := v.(*ssa.Extract); ok && e.Index == 0 {
		v = e.Tuple
	}
	ta, ok := v.(*ssa.TypeAssert)
	if !ok {
		return nil
	}
	sig, ok := ta.AssertedType.Underlying().(*types.Signature)
	if !ok {
		return nil
	}
	call, ok := ta.X.(*ssa.Call)
	if !ok || !call.Call.IsInvoke() || call.Call.Method.Name() != "Value" || call.Call.Method.Pkg() == nil || call.Call.Method.Pkg().Path() != "context" || len(call.Call.Args) != 1 {
		return nil
	}
	key := b.ctxKey(call.Call.Args[0])
	if key == nil {
		return nil
	}
	var out []*Func
	for _, s := range b.ctxStoresOf() {
		if !types.Identical(s.key, key) {
			continue
		}
		if vs, ok := s.val.Type().Underlying().(*types.Signature); !ok || !types.Identical(vs, sig) {
			continue
		}
		b.valueFuncs(s.val, 0, false, func(g *Func) {
			if !slices.Contains(out, g) {
				out = append(out, g)
			}
		})
	}
	return out
}

// ctxKey is the type of a context key, when it is a named type of the
// module's; nil for any other.
func (b *builder) ctxKey(v ssa.Value) types.Type {
	mi, ok := v.(*ssa.MakeInterface)
	if !ok {
		return nil
	}
	n, ok := types.Unalias(mi.X.Type()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || b.p.pkgs[n.Obj().Pkg().Path()] == nil {
		return nil
	}
	return n
}

// ctxStoresOf are the function values the module's functions store with
// context.WithValue, found once.
func (b *builder) ctxStoresOf() []ctxStore {
	if b.ctxStores != nil {
		return *b.ctxStores
	}
	var out []ctxStore
	for instr := range b.instrs() {
		c, ok := instr.(*ssa.Call)
		if !ok {
			continue
		}
		callee := c.Call.StaticCallee()
		if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg.Path() != "context" || callee.Name() != "WithValue" || len(c.Call.Args) != 3 {
			continue
		}
		key := b.ctxKey(c.Call.Args[1])
		val, ok := c.Call.Args[2].(*ssa.MakeInterface)
		if key == nil || !ok {
			continue
		}
		if _, isFunc := val.X.Type().Underlying().(*types.Signature); isFunc {
			out = append(out, ctxStore{key, val.X})
		}
	}
	b.ctxStores = &out
	return out
}
