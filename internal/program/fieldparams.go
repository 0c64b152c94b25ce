package program

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A function a struct of the module keeps in a func-typed field is
// often handed functions by the calls of that field, and calls them:
// gqlgen's schema directives. The application sets
//
//	c.Directives.HasRole = func(ctx context.Context, obj any, next graphql.Resolver, role Role) (any, error) {
//		... // read the caller's role
//		return next(ctx)
//	}
//
// and the generated code runs each field behind @hasRole as
// ec.directives.HasRole(ctx, obj, directive0, role), directive0 the
// closure calling the field's resolver. The type propagation runs over
// the code people write (see build), not the generated call, so next(ctx)
// reached nothing, and every mutation behind a directive ran none of its
// resolver's queries (taskcafe: 35 findings with no route).
//
// fieldParamFuncs gives a call of a func-typed parameter of such a
// function, when the graph gave it no callee, what the field-based
// propagation would have: the functions each call of a field holding
// the function (see fieldFuncs) passes for that parameter, anywhere in
// the module, generated code included.

// fieldParamFuncs are the functions the calls of the fields holding the
// function whose parameter v is pass for it; nil when v is no parameter
// of a function a field of the module holds.
func (b *builder) fieldParamFuncs(v ssa.Value) []*Func {
	prm, ok := v.(*ssa.Parameter)
	if !ok {
		return nil
	}
	if _, ok := prm.Type().Underlying().(*types.Signature); !ok {
		return nil
	}
	fn := prm.Parent()
	i := slices.Index(fn.Params, prm)
	if i < 0 || fn.Signature.Recv() != nil {
		return nil
	}
	idx := b.fieldCallIndex()
	var out []*Func
	for _, field := range idx.holding[fn] {
		for _, cc := range idx.calls[field] {
			if len(cc.Args) != len(fn.Params) {
				continue
			}
			b.valueFuncs(cc.Args[i], 0, false, func(g *Func) {
				if !slices.Contains(out, g) {
					out = append(out, g)
				}
			})
		}
	}
	slices.SortFunc(out, b.p.compare)
	return out
}

// fieldCalls indexes the func-typed fields of the module's structs: the
// functions each may hold, by function, and the calls of each.
type fieldCalls struct {
	holding map[*ssa.Function][]*types.Var
	calls   map[*types.Var][]*ssa.CallCommon
}

// fieldCallIndex is the module's fieldCalls, found once.
func (b *builder) fieldCallIndex() *fieldCalls {
	if b.fieldCallsIdx != nil {
		return b.fieldCallsIdx
	}
	idx := &fieldCalls{holding: map[*ssa.Function][]*types.Var{}, calls: map[*types.Var][]*ssa.CallCommon{}}
	b.fieldCallsIdx = idx
	for field := range b.fieldStoresOf() {
		b.fieldFuncs(field, 0, map[*types.Var]bool{}, func(g *Func) {
			fn := b.ssaOf(g)
			if !slices.Contains(idx.holding[fn], field) {
				idx.holding[fn] = append(idx.holding[fn], field)
			}
		})
	}
	if len(idx.holding) == 0 {
		return idx
	}
	for instr := range b.instrs() {
		ci, ok := instr.(ssa.CallInstruction)
		if !ok || ci.Common().IsInvoke() || ci.Common().StaticCallee() != nil {
			continue
		}
		if field := b.moduleField(ci.Common().Value); field != nil {
			idx.calls[field] = append(idx.calls[field], ci.Common())
		}
	}
	return idx
}
