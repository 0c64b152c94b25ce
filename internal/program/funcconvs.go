package program

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Functions converted to a named func type. A handler adapter of
// generated code calls its receiver:
//
//	type FindFlagsHandlerFunc func(FindFlagsParams) middleware.Responder
//
//	func (fn FindFlagsHandlerFunc) Handle(p FindFlagsParams) middleware.Responder {
//		return fn(p)
//	}
//
// and the application hands it its function as a conversion,
// api.FindFlagsHandler = operations.FindFlagsHandlerFunc(findFlags). The
// call graph's type propagation skips generated code (see build.go), so
// the call fn(p) has no callees; what it may call is what the module's
// code converts to the named type: each function or closure made a
// FindFlagsHandlerFunc anywhere in the module.

// convertedTo is, when v is the receiver of a method of a named func type
// (the adapter calling itself), the module's functions converted to that
// type; nil otherwise. A value of such a type held anywhere else (a
// middleware's next, a field) may be any of them, or one made outside:
// the call graph and the other fallbacks say which.
func (b *builder) convertedTo(v ssa.Value) []*Func {
	// The receiver of the type's own method: the adapter calling itself.
	p, ok := v.(*ssa.Parameter)
	if !ok || p.Parent() == nil || p.Parent().Signature.Recv() == nil || len(p.Parent().Params) == 0 || p.Parent().Params[0] != p {
		return nil
	}
	named, ok := types.Unalias(v.Type()).(*types.Named)
	if !ok {
		return nil
	}
	if _, ok := named.Underlying().(*types.Signature); !ok {
		return nil
	}
	if b.convs == nil {
		b.convs = map[*types.TypeName][]*Func{}
		for instr := range b.instrs() {
			ct, ok := instr.(*ssa.ChangeType)
			if !ok {
				continue
			}
			n, ok := types.Unalias(ct.Type()).(*types.Named)
			if !ok {
				continue
			}
			if g := b.funcOfValue(ct.X); g != nil && !slices.Contains(b.convs[n.Obj()], g) {
				b.convs[n.Obj()] = append(b.convs[n.Obj()], g)
			}
		}
	}
	return b.convs[named.Obj()]
}

// funcOfValue is the module's function v is: a declared function, a
// closure, or the method a bound method value calls.
func (b *builder) funcOfValue(v ssa.Value) *Func {
	var fn *ssa.Function
	switch x := v.(type) {
	case *ssa.Function:
		fn = x
	case *ssa.MakeClosure:
		fn, _ = x.Fn.(*ssa.Function)
	}
	if fn == nil {
		return nil
	}
	if f := b.funcs[fn]; f != nil {
		return f
	}
	if m, ok := fn.Object().(*types.Func); ok && fn.Synthetic != "" {
		if g := b.prog.FuncValue(m); g != nil {
			return b.funcs[g]
		}
	}
	return nil
}
