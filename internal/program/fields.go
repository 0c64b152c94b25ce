package program

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A type shared by several features often keeps functions it is given: a
// websocket hub its event handlers, by event name, or the function that
// confirms a user may act. Each feature makes its own hub, with its own
// handlers, and dispatches on it. The call graph keeps one set of values
// per field (and per map type), not per hub: every hub's dispatch reached
// every feature's handlers, and a planning-poker service's routes "ran"
// the queries of the retrospective board's 130 handlers.
//
// Which hub a call dispatches on says which handlers it runs, when that is
// plain in the code: the field is set only by constructors, each from one
// of its parameters, on the value it allocates; no code adds to the map
// afterwards; and every call of the function that calls the field (the
// hub's method) dispatches on a hub that one call of a constructor made —
// the constructor's result itself, or a field of the caller's set once,
// from that result — with, for the field, a function or a map the
// constructor's caller fills with functions. Then the field's call reaches
// nothing by itself, and each call of the method runs, through it, the
// functions of its own hub (Call.Chain: the call of the method, then the
// field's). Where any of this does not hold, the call graph's answer
// stands.

// fieldCall is a call, in fn, of a function kept in field of the value
// fn's parameter param is: h.f(...), h.handlers[k](...).
type fieldCall struct {
	fn    *ssa.Function
	param int
	field *types.Var
	call  *Call
}

// binding is where a constructor stores its parameter param into the
// field, on the value it allocates and returns.
type binding struct {
	ctor  *ssa.Function
	param int
}

// boundFields rewires the calls of functions kept in constructor-bound
// fields (see above).
func (b *builder) boundFields(u *uses) {
	stores := map[*types.Var][]*ssa.Store{} // every store into each field of the module's structs
	filled := map[*types.Var]bool{}         // map fields that may be added to after they are set
	var fcs []fieldCall
	for _, f := range b.p.list {
		fn := b.ssaOf(f)
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				switch instr := instr.(type) {
				case *ssa.Store:
					if fa, ok := instr.Addr.(*ssa.FieldAddr); ok {
						if v := fieldOf(fa.X.Type(), fa.Field); v != nil {
							stores[v] = append(stores[v], instr)
						}
					}
				case *ssa.UnOp, *ssa.Field:
					// A map of functions read from a field may be added
					// to only where it is looked up in or ranged over.
					if v, _ := loadedField(instr.(ssa.Value)); v != nil && !onlyRead(instr.(ssa.Value)) {
						if _, isMap := carriesFuncs(v.Type()); isMap {
							filled[v] = true
						}
					}
				case ssa.CallInstruction:
					cc := instr.Common()
					if cc.IsInvoke() || cc.StaticCallee() != nil || b.calls[instr] == nil {
						break
					}
					if v, x := calledField(cc.Value); v != nil {
						if prm, ok := x.(*ssa.Parameter); ok && prm.Parent() == fn {
							fcs = append(fcs, fieldCall{fn: fn, param: slices.Index(fn.Params, prm), field: v, call: b.calls[instr]})
						}
					}
				}
			}
		}
	}
	if len(fcs) == 0 {
		return
	}
	callers, taken := u.callers, u.taken
	bound := map[*types.Var][]binding{}
	for _, fc := range fcs {
		if _, seen := bound[fc.field]; !seen {
			bound[fc.field] = bindings(stores[fc.field], taken)
		}
	}
	type key struct {
		ci ssa.CallInstruction
		h  *Func
	}
	chains := map[key]*Call{}
	for _, fc := range fcs {
		binds := bound[fc.field]
		if len(binds) == 0 || filled[fc.field] || taken[fc.fn] || len(callers[fc.fn]) == 0 {
			continue
		}
		// What each call of fc.fn runs through the field, all known, or
		// the call graph's answer stands.
		runs := map[ssa.CallInstruction][]*Func{}
		ok := true
		for _, ci := range callers[fc.fn] {
			hs, known := b.heldBy(receiverArg(ci.Common(), fc.param), fc.field, binds, stores)
			if !known {
				ok = false
				break
			}
			runs[ci] = hs
		}
		if !ok {
			continue
		}
		fc.call.Callees = nil
		for _, ci := range callers[fc.fn] {
			caller, at := b.funcs[ci.Parent()], b.calls[ci]
			if caller == nil || at == nil {
				continue
			}
			chain := []token.Pos{at.Pos, fc.call.Pos}
			for _, h := range runs[ci] {
				if c := chains[key{ci, h}]; c != nil {
					c.alts = append(c.alts, chain) // called through two fields: either runs it
					continue
				}
				c := &Call{Pos: at.Pos, Static: true, Callees: []*Func{h}, Chain: chain, Async: b.asyncChain(chain), block: at.block, seq: at.seq}
				chains[key{ci, h}] = c
				caller.Calls = append(caller.Calls, c)
			}
		}
	}
}

// onlyRead reports whether a map loaded from a field is only looked up
// in, ranged over, measured or compared.
func onlyRead(m ssa.Value) bool {
	for _, r := range *m.Referrers() {
		switch r := r.(type) {
		case *ssa.Lookup, *ssa.Range, *ssa.BinOp, *ssa.DebugRef:
		case *ssa.Call:
			if bi, ok := r.Call.Value.(*ssa.Builtin); !ok || bi.Name() != "len" {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// carriesFuncs reports whether values of t are functions, or maps to
// functions.
func carriesFuncs(t types.Type) (ok, isMap bool) {
	switch u := t.Underlying().(type) {
	case *types.Signature:
		return true, false
	case *types.Map:
		_, ok := u.Elem().Underlying().(*types.Signature)
		return ok, true
	}
	return false, false
}

// loadedField is the field of the module's struct whose value v is (a
// load of it, through a pointer or from a struct value), and the struct
// it is loaded from.
func loadedField(v ssa.Value) (*types.Var, ssa.Value) {
	switch v := v.(type) {
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL {
			return fieldOf(fa.X.Type(), fa.Field), fa.X
		}
	case *ssa.Field:
		return fieldOf(v.X.Type(), v.Field), v.X
	}
	return nil, nil
}

// calledField is the field a called function value comes from, and the
// struct it is loaded from: h.f, or an element of the map h.f (h.f[k], or
// fn, ok := h.f[k]). Nil for a field that keeps no functions.
func calledField(v ssa.Value) (*types.Var, ssa.Value) {
	if ex, ok := v.(*ssa.Extract); ok && ex.Index == 0 {
		v = ex.Tuple
	}
	wantMap := false
	if lk, ok := v.(*ssa.Lookup); ok {
		v, wantMap = lk.X, true
	}
	field, x := loadedField(v)
	if field == nil {
		return nil, nil
	}
	if ok, isMap := carriesFuncs(field.Type()); !ok || isMap != wantMap {
		return nil, nil
	}
	return field, x
}

// bindings are the constructors that set a field, from the stores into
// it: none unless every store is a constructor's (of a parameter, on the
// value it allocates and returns) and no constructor is used as a value.
func bindings(stores []*ssa.Store, taken map[*ssa.Function]bool) []binding {
	var out []binding
	for _, st := range stores {
		ctor := st.Parent()
		alloc, ok := st.Addr.(*ssa.FieldAddr).X.(*ssa.Alloc)
		prm, isParam := st.Val.(*ssa.Parameter)
		if !ok || !isParam || prm.Parent() != ctor || taken[ctor] || !returns(ctor, alloc) {
			return nil
		}
		out = append(out, binding{ctor, slices.Index(ctor.Params, prm)})
	}
	return out
}

// returns reports whether fn returns the value it allocates in alloc (the
// pointer, or the struct).
func returns(fn *ssa.Function, alloc *ssa.Alloc) bool {
	for _, blk := range fn.Blocks {
		if len(blk.Instrs) == 0 {
			continue
		}
		if ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return); ok {
			for _, r := range ret.Results {
				if r == alloc {
					return true
				}
				if u, ok := r.(*ssa.UnOp); ok && u.Op == token.MUL && u.X == alloc {
					return true
				}
			}
		}
	}
	return false
}

// receiverArg is what cc passes for parameter i of the function it runs:
// for an interface's method's receiver, the value made into the interface
// when the call shows it.
func receiverArg(cc *ssa.CallCommon, i int) ssa.Value {
	if cc.IsInvoke() && i == 0 {
		if mi, ok := cc.Value.(*ssa.MakeInterface); ok {
			return mi.X
		}
		return nil
	}
	return argFor(cc, i)
}

// heldBy are the functions the field holds on v, the value a call
// dispatches on, when the code shows which call of a constructor made it:
// v is that call's result, or a field set once, from it.
func (b *builder) heldBy(v ssa.Value, field *types.Var, binds []binding, stores map[*types.Var][]*ssa.Store) ([]*Func, bool) {
	if w, _ := loadedField(v); w != nil {
		if len(stores[w]) != 1 {
			return nil, false
		}
		v = stores[w][0].Val
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return nil, false
	}
	for _, bd := range binds {
		if call.Call.StaticCallee() == bd.ctor && bd.param < len(call.Call.Args) {
			_, isMap := carriesFuncs(field.Type())
			return b.funcsIn(call.Call.Args[bd.param], call, isMap)
		}
	}
	return nil, false
}

// funcsIn are the module functions v holds: v is one (or nil), or, for a
// map, one its maker fills with functions only and hands to the call of
// the constructor only.
func (b *builder) funcsIn(v ssa.Value, ctorCall *ssa.Call, isMap bool) ([]*Func, bool) {
	if c, ok := v.(*ssa.Const); ok && c.IsNil() {
		return nil, true
	}
	if !isMap {
		if g := b.funcValue(v); g != nil {
			return []*Func{g}, true
		}
		return nil, false
	}
	mm, ok := v.(*ssa.MakeMap)
	if !ok {
		return nil, false
	}
	var out []*Func
	for _, r := range *mm.Referrers() {
		switch r := r.(type) {
		case *ssa.MapUpdate:
			g := b.funcValue(r.Value)
			if r.Map != mm || g == nil {
				return nil, false
			}
			if !slices.Contains(out, g) {
				out = append(out, g)
			}
		case *ssa.Call:
			if r != ctorCall {
				return nil, false
			}
		case *ssa.DebugRef:
		default:
			return nil, false
		}
	}
	return out, true
}
