package program

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A type that tells listeners of its events keeps their callbacks in
// lists, one field per event, all of one type:
//
//	type Notifier struct {
//		deleted []func(id uint) error
//		added   []func(id uint) error
//	}
//	func (n *Notifier) OnDeleted(cb func(uint) error) { n.deleted = append(n.deleted, cb) }
//	func (n *Notifier) fireDeleted(id uint) { for _, cb := range n.deleted { cb(id) } }
//
// The call graph keeps one set of values for the elements of every slice
// of a type, not one per field: the route that deletes a user ran the
// callbacks registered for its creation (a plugin manager's set-up, six
// statements). Which functions a field's lists can hold is plain in the
// code when every store into the field is a list of its own with more
// functions appended (append(n.deleted, cb)), a list spelled in place, or
// nil, and each function appended is one the code names there, or a
// parameter every caller of its function (never used as a value) passes
// one for. Then a call of an element of the field's list runs those
// functions alone. Where the field's address is taken, an element is
// written, or a store is anything else, the graph's answer stands.

// listFields narrows the calls of the elements of lists of functions
// kept in struct fields to what the field's stores put in it (see
// above).
func (b *builder) listFields(u *uses) {
	type field struct {
		stores []*ssa.Store
		calls  []ssa.CallInstruction
		bad    bool
	}
	fields := map[*types.Var]*field{}
	get := func(v *types.Var) *field {
		f := fields[v]
		if f == nil {
			f = &field{}
			fields[v] = f
		}
		return f
	}
	// load records a load of a field's list: the calls of its elements,
	// and whether an element is written.
	load := func(f *field, l ssa.Value) {
		for _, r := range *l.Referrers() {
			ia, ok := r.(*ssa.IndexAddr)
			if !ok || ia.X != l {
				continue
			}
			for _, w := range *ia.Referrers() {
				switch w := w.(type) {
				case *ssa.Store:
					f.bad = true // an element written: it may hold anything
				case *ssa.UnOp:
					for _, c := range *w.Referrers() {
						if ci, ok := c.(ssa.CallInstruction); ok && ci.Common().Value == w && b.calls[ci] != nil {
							f.calls = append(f.calls, ci)
						}
					}
				}
			}
		}
	}
	for _, f := range b.p.list {
		for _, blk := range b.ssaOf(f).Blocks {
			for _, instr := range blk.Instrs {
				switch instr := instr.(type) {
				case *ssa.FieldAddr:
					v := fieldOf(instr.X.Type(), instr.Field)
					if v == nil || !isFuncList(v.Type()) {
						continue
					}
					fl := get(v)
					for _, r := range *instr.Referrers() {
						switch r := r.(type) {
						case *ssa.Store:
							if r.Addr != instr {
								fl.bad = true // the field's address stored
								continue
							}
							fl.stores = append(fl.stores, r)
						case *ssa.UnOp:
							load(fl, r)
						case *ssa.DebugRef:
						default:
							fl.bad = true // its address handed on
						}
					}
				case *ssa.Field:
					if v := fieldOf(instr.X.Type(), instr.Field); v != nil && isFuncList(v.Type()) {
						load(get(v), instr)
					}
				}
			}
		}
	}
	for v, fl := range fields {
		if fl.bad || len(fl.calls) == 0 {
			continue
		}
		var held []*Func
		ok := true
		for _, st := range fl.stores {
			hs, known := b.listHolds(st.Val, v, u)
			if !known {
				ok = false
				break
			}
			for _, h := range hs {
				if !slices.Contains(held, h) {
					held = append(held, h)
				}
			}
		}
		if !ok {
			continue
		}
		slices.SortFunc(held, b.p.compare)
		for _, ci := range fl.calls {
			b.calls[ci].Callees = held
		}
	}
}

// listHolds are the functions a value stored into the list field v adds
// to it: none for nil, the functions of a list spelled in place, those
// appended to the field's own list; ok is false for anything else.
func (b *builder) listHolds(val ssa.Value, v *types.Var, u *uses) ([]*Func, bool) {
	switch x := val.(type) {
	case *ssa.Const:
		return nil, x.IsNil()
	case *ssa.Call:
		bi, ok := x.Call.Value.(*ssa.Builtin)
		if !ok || bi.Name() != "append" || len(x.Call.Args) != 2 {
			return nil, false
		}
		if c, isConst := x.Call.Args[0].(*ssa.Const); !isConst || !c.IsNil() {
			if w, _ := loadedField(x.Call.Args[0]); w != v {
				return nil, false // appended to another list, which may hold anything
			}
		}
		return b.listed(x.Call.Args[1], u, 0)
	}
	return b.listed(val, u, 0)
}

// listed are the functions of a list spelled in place (see handedAt),
// each a function the code names or a parameter of a function whose
// every caller passes one (see passedFuncs).
func (b *builder) listed(list ssa.Value, u *uses, depth int) ([]*Func, bool) {
	var out []*Func
	ok := b.eachListed(list, func(v ssa.Value) bool {
		hs, known := b.spelled(v, depth)
		if !known {
			prm, isParam := v.(*ssa.Parameter)
			if !isParam {
				return false
			}
			if hs, known = b.passedFuncs(prm, u, depth); !known {
				return false
			}
		}
		out = append(out, hs...)
		return true
	})
	return out, ok
}

// passedFuncs are the functions every caller of prm's function passes
// for it, a function never used as a value; ok is false when some caller
// passes anything else.
func (b *builder) passedFuncs(prm *ssa.Parameter, u *uses, depth int) ([]*Func, bool) {
	fn := prm.Parent()
	i := slices.Index(fn.Params, prm)
	if i < 0 || u.taken[fn] || depth > maxHanded {
		return nil, false
	}
	var out []*Func
	for _, ci := range u.callers[fn] {
		arg := argFor(ci.Common(), i)
		hs, ok := b.spelled(arg, depth+1)
		if !ok {
			p, isParam := arg.(*ssa.Parameter)
			if !isParam {
				return nil, false
			}
			if hs, ok = b.passedFuncs(p, u, depth+1); !ok {
				return nil, false
			}
		}
		out = append(out, hs...)
	}
	return out, true
}
