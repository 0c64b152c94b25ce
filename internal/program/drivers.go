package program

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A store whose driver the configuration picks keeps its drivers in a
// registry by name, each driver's init adding itself, and opens a store
// with the driver the name it is given looks up:
//
//	func Register(name string, d Driver) { drivers[name] = d }
//	func init() { kv.Register(DriverName, &Driver{}) } // package mem
//
//	func Open(ctx context.Context, cfg Config) (Store, error) {
//		d, ok := drivers[cfg.Type]
//		...
//		return d.Open(ctx, cfg)
//	}
//
// The call graph has every driver behind d.Open, so a store a job opens
// in memory for its own bookkeeping (kv.Open(ctx, Config{Type:
// mem.DriverName})) "ran" the SQL driver's queries. The trace (see
// wiring.go) therefore reads a value looked up in a package-level map as
// the values stored into it — where a function stores its parameters,
// what each call passes — and, when the key the lookup is given traces
// to a constant (the name spelled in the call, as it is, or as the field
// of the struct literal passed down), only those stored under that key.
// A call through an interface whose receiver the trace names then
// returns what those types' methods return. A lookup whose key the
// trace cannot name (the configured name) gets every value stored into
// the map, and so does an entry stored under a key it cannot name; a
// map used other than looked up, ranged over, measured, deleted from and
// stored into (handed to other code, read whole) leaves the graph's
// answer.

// mapEntry is a value stored into a registry under key, both as the
// code storing them (or the call handing them to it) spells them.
type mapEntry struct {
	key ssa.Value // nil: not known
	val ssa.Value
}

// lookup adds what a lookup in a package-level map can be: the values
// stored into it under the key the lookup is given, when the trace names
// it; otherwise, any value stored into it.
func (w *wiring) lookup(l *ssa.Lookup, ctx *frame, objs bool, h *held) bool {
	g := loadedGlobal(l.X)
	if g == nil {
		return false
	}
	entries, ok := w.entries(g)
	if !ok || len(entries) == 0 {
		return false
	}
	want, named := w.constant(l.Index, ctx, 0)
	matched := false
	for _, e := range entries {
		if named && e.key != nil {
			if k, ok := w.constant(e.key, nil, 0); ok && !constant.Compare(k, token.EQL, want) {
				continue
			}
		}
		matched = true
		if !w.flow(e.val, nil, objs, h) {
			return false
		}
	}
	return matched
}

// entries are the values stored into the map g, and false when g is
// used other than loaded, looked up, ranged over, deleted from, stored
// into, or set once to a new map.
func (w *wiring) entries(g *ssa.Global) ([]mapEntry, bool) {
	if es, seen := w.registry[g]; seen {
		return es, es != nil
	}
	w.registry[g] = nil
	var out []mapEntry
	for _, r := range w.uses[g] {
		switch r := r.(type) {
		case *ssa.Store:
			if _, ok := r.Val.(*ssa.MakeMap); !ok || r.Addr != g {
				return nil, false
			}
			continue
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil, false
			}
		default:
			return nil, false
		}
		load := r.(*ssa.UnOp)
		for _, u := range *load.Referrers() {
			switch u := u.(type) {
			case *ssa.Lookup, *ssa.Range, *ssa.DebugRef:
			case *ssa.Call:
				if bi, ok := u.Call.Value.(*ssa.Builtin); !ok || (bi.Name() != "delete" && bi.Name() != "len") {
					return nil, false
				}
			case *ssa.MapUpdate:
				es, ok := w.stored(u)
				if !ok {
					return nil, false
				}
				out = append(out, es...)
			default:
				return nil, false
			}
		}
	}
	if out == nil {
		out = []mapEntry{}
	}
	w.registry[g] = out
	return out, true
}

// stored is what the update u stores: where its function stores its own
// parameters, what each static call of it passes.
func (w *wiring) stored(u *ssa.MapUpdate) ([]mapEntry, bool) {
	fn := u.Parent()
	vi := paramIndex(fn, u.Value)
	if vi < 0 || fn.Parent() != nil || w.taken[fn] {
		return []mapEntry{{key: u.Key, val: u.Value}}, true
	}
	sites := w.callers[fn]
	if len(sites) == 0 {
		return nil, false
	}
	ki := -1
	if p, ok := u.Key.(*ssa.Parameter); ok && p.Parent() == fn {
		ki = slices.Index(fn.Params, p)
	}
	var out []mapEntry
	for _, site := range sites {
		v := paramArg(site.Common(), vi)
		if v == nil {
			return nil, false
		}
		e := mapEntry{key: u.Key, val: v}
		if ki >= 0 {
			e.key = paramArg(site.Common(), ki)
		} else if _, ok := u.Key.(*ssa.Const); !ok {
			e.key = nil
		}
		out = append(out, e)
	}
	return out, true
}

// constant is the constant v is in context ctx: spelled as it is,
// passed for a parameter by the call of ctx, or the field of a struct
// literal so passed; false when it is not one the trace can name.
func (w *wiring) constant(v ssa.Value, ctx *frame, depth int) (constant.Value, bool) {
	if depth > maxFrames {
		return nil, false
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil {
			return nil, false
		}
		return v.Value, true
	case *ssa.ChangeType:
		return w.constant(v.X, ctx, depth+1)
	case *ssa.Parameter:
		if a := w.passed(v, ctx); a != nil {
			return w.constant(a, ctx.up, depth+1)
		}
	case *ssa.Field:
		return w.fieldConstant(v.X, v.Field, ctx, depth)
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL {
			if a, ok := fa.X.(*ssa.Alloc); ok {
				return w.allocField(a, fa.Field, ctx, depth)
			}
		}
	}
	return nil, false
}

// passed is what the call of ctx passes for p; nil without a call, or
// when the call does not run p's function.
func (w *wiring) passed(p *ssa.Parameter, ctx *frame) ssa.Value {
	if ctx == nil || !slices.Contains(w.runs(ctx.site), p.Parent()) {
		return nil
	}
	return paramArg(ctx.site.Common(), slices.Index(p.Parent().Params, p))
}

// fieldConstant is the constant field i of the struct value x holds in
// context ctx: a struct literal's, set once where it is made.
func (w *wiring) fieldConstant(x ssa.Value, i int, ctx *frame, depth int) (constant.Value, bool) {
	switch x := x.(type) {
	case *ssa.Parameter:
		if a := w.passed(x, ctx); a != nil {
			return w.fieldConstant(a, i, ctx.up, depth+1)
		}
	case *ssa.UnOp:
		if a, ok := x.X.(*ssa.Alloc); ok && x.Op == token.MUL {
			return w.allocField(a, i, ctx, depth)
		}
	}
	return nil, false
}

// allocField is the constant field i of the struct variable a holds in
// context ctx: the field as a literal sets it, or of the value the
// variable is set to whole (a parameter's copy).
func (w *wiring) allocField(a *ssa.Alloc, i int, ctx *frame, depth int) (constant.Value, bool) {
	if !fieldsOnly(a) {
		return nil, false
	}
	var whole, val ssa.Value
	n, ni := 0, 0 // stores in all, stores to field i
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			whole = r.Val
			n++
		case *ssa.FieldAddr:
			for _, rr := range *r.Referrers() {
				if st, ok := rr.(*ssa.Store); ok && st.Addr == r {
					n++
					if r.Field == i {
						val = st.Val
						ni++
					}
				}
			}
		}
	}
	switch {
	case whole != nil && n == 1:
		return w.fieldConstant(whole, i, ctx, depth+1)
	case whole == nil && val != nil && ni == 1:
		// A literal, or a field set once: a field set again on some
		// path (cfg.Type = "mem"; if c { cfg.Type = "pg" }) is not one
		// constant.
		return w.constant(val, ctx, depth+1)
	}
	return nil, false
}

// isMapVar reports whether g is a package-level variable of map type.
func isMapVar(g *ssa.Global) bool {
	_, ok := derefType(g.Type()).Underlying().(*types.Map)
	return ok
}

// fieldsOnly reports whether the struct variable at a is used only by
// its fields' addresses, loads and debug references: a literal set field
// by field, never stored whole nor handed on by address.
func fieldsOnly(a *ssa.Alloc) bool {
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.FieldAddr:
			for _, rr := range *r.Referrers() {
				switch rr := rr.(type) {
				case *ssa.Store:
					if rr.Addr != r {
						return false
					}
				case *ssa.UnOp:
					if rr.Op != token.MUL {
						return false
					}
				case *ssa.DebugRef:
				default:
					return false
				}
			}
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.Store:
			if r.Addr != a {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}
