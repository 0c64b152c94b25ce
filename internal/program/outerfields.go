package program

import (
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A struct embedded in many others often keeps a callback in a field: an
// event base type whose Next runs the function its hook set before
// (hook.Event's next, set by each Hook[T].Trigger to run that hook's
// handlers, called by Next):
//
//	type Event struct{ next func() error }
//	func (e *Event) Next() error          { return e.next() }
//	func (e *Event) setNext(f func() error) { e.next = f }
//	type RecordEvent struct { Event; ... }
//	type BackupEvent struct { Event; ... }
//
// The call graph keeps one set of values per field, not per struct the
// field's struct is part of: every event's Next ran every hook's handlers,
// and a route creating a backup "ran" what saving a record runs.
//
// The field of the inner struct, in an outer struct, is a place of its
// own: &rec.Event.next is never &bak.Event.next. A value reaches it through
// the outer struct's field (a FieldAddr on a *RecordEvent, the only way
// to address it, short of holding its address as an *Event), so the type
// of the outer struct and the field's index say which place an access is
// on: the key of the access. An access through a parameter of a function
// every caller of which is known (a method of the inner struct called on
// &rec.Event) has, at each call, the key of the argument. Then a call of
// the field runs only the functions stored into places of its key: those
// the code names there, nil, or what was read from the field (the
// previous handler restored), through local variables and closures'
// captures. An access whose key the code does not show (through an *Event
// held or passed around) counts for every key: a store of a function
// there adds it to all, of anything else gives up the field, and a call
// there keeps the graph's answer. So does a copy of the inner struct's
// value (it moves the field's value to another place), a conversion of a
// struct holding it, or the field's address handed on. A setter's
// parameter is what each of its calls passes; a method nothing calls, and
// nothing outside the module can (unexported, or the wrapper of a method
// promoted to a type never made into an interface), stores nothing.

// outerFields narrows the calls of func-typed fields by the outer struct
// the field's struct is part of at each access (see above).
func (b *builder) outerFields(u *uses) {
	type field struct {
		stores []*ssa.Store
		calls  []*ssa.Call // dynamic calls of a value loaded from the field
		bad    bool
	}
	fields := map[string]*field{}
	// moved are the struct types whose values are copied somewhere whole
	// (the place the copy lands in may be another outer struct's) or
	// converted to another type (whose fields are other places).
	moved := map[string]bool{}
	boxed := map[string]bool{} // types made into interfaces
	for _, f := range b.p.list {
		fn := b.ssaOf(f)
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				switch instr := instr.(type) {
				case *ssa.Store:
					if _, isStruct := instr.Val.Type().Underlying().(*types.Struct); isStruct {
						if c, ok := instr.Val.(*ssa.Const); !ok || c.Value != nil {
							moved[types.TypeString(instr.Val.Type(), nil)] = true
						}
					}
				case *ssa.MakeInterface:
					boxed[types.TypeString(instr.X.Type(), nil)] = true
				case *ssa.ChangeType, *ssa.Convert:
					x := instr.(ssa.Instruction).Operands(nil)[0]
					for _, t := range []types.Type{(*x).Type(), instr.(ssa.Value).Type()} {
						if st, ok := t.Underlying().(*types.Struct); ok {
							for i := 0; i < st.NumFields(); i++ {
								moved[types.TypeString(st.Field(i).Type(), nil)] = true
							}
						}
					}
				case *ssa.FieldAddr:
					v := fieldOf(instr.X.Type(), instr.Field)
					if v == nil {
						continue
					}
					if _, ok := v.Type().Underlying().(*types.Signature); !ok {
						continue
					}
					k := outerFieldKey(instr)
					fl := fields[k]
					if fl == nil {
						fl = &field{}
						fields[k] = fl
					}
					for _, r := range *instr.Referrers() {
						switch r := r.(type) {
						case *ssa.Store:
							if r.Addr != instr {
								fl.bad = true // the field's address stored
								continue
							}
							fl.stores = append(fl.stores, r)
						case *ssa.UnOp:
							for _, c := range *r.Referrers() {
								if call, ok := c.(*ssa.Call); ok && call.Call.Value == r && b.calls[call] != nil {
									fl.calls = append(fl.calls, call)
								}
							}
						case *ssa.DebugRef:
						default:
							fl.bad = true // its address handed on
						}
					}
				}
			}
		}
	}
	names := make([]string, 0, len(fields))
	for v := range fields {
		names = append(names, v)
	}
	slices.Sort(names) // the calls put at callers, in one order
	for _, v := range names {
		fl := fields[v]
		if fl.bad || len(fl.calls) == 0 || moved[v[:strings.LastIndexByte(v, '.')]] {
			continue
		}
		o := &outerField{b: b, u: u, boxed: boxed, field: v, held: map[string][]*Func{}, from: map[string][]string{}, gave: map[string]bool{}}
		for _, st := range fl.stores {
			o.store(st)
		}
		if o.giveUp {
			continue
		}
		for _, call := range fl.calls {
			c := b.calls[call]
			base := call.Call.Value.(*ssa.UnOp).X.(*ssa.FieldAddr).X
			fn := call.Parent()
			if k := outerKey(base); k != "" {
				c.Callees = o.narrow(k, c.Callees)
				continue
			}
			i := paramAt(fn, base)
			if i < 0 || !o.eligible(fn) {
				continue // the graph's answer stands
			}
			// Each call of fn runs, through the field, what the place
			// its argument is holds; the call is left as it is unless
			// some call of fn runs fewer.
			all := c.Callees
			runs := map[ssa.CallInstruction][]*Func{}
			fewer := false
			for _, ci := range u.callers[fn] {
				hs := all
				if k := outerKey(receiverArg(ci.Common(), i)); k != "" {
					hs = o.narrow(k, all)
				}
				runs[ci] = hs
				fewer = fewer || len(hs) < len(all)
			}
			if !fewer {
				continue
			}
			c.Callees = nil
			for _, ci := range u.callers[fn] {
				caller, at := b.funcs[ci.Parent()], b.calls[ci]
				if caller == nil || at == nil || len(runs[ci]) == 0 {
					continue
				}
				// One call, as the field's call is: it runs one of them.
				chain := []token.Pos{at.Pos, c.Pos}
				caller.Calls = append(caller.Calls, &Call{Pos: at.Pos, Static: true, Callees: runs[ci], Chain: chain, Async: b.asyncChain(chain), block: at.block, seq: at.seq})
			}
		}
	}
}

// outerField is what is known of the values of one func-typed field, by
// the key of the place (see outerKey).
type outerField struct {
	b     *builder
	u     *uses
	boxed map[string]bool
	field string
	// held are the functions stored at each key ("" for a place whose
	// key is unknown: every key's), from the keys whose values are stored
	// at each key (read from the field and stored back), gave the keys
	// something unknown was stored at.
	held   map[string][]*Func
	from   map[string][]string
	gave   map[string]bool
	giveUp bool
}

// outerFieldKey names the field fa addresses, by its struct's type and its
// index: one name for every instance of a generic type's instantiation.
func outerFieldKey(fa *ssa.FieldAddr) string {
	return types.TypeString(derefType(fa.X.Type()), nil) + "." + strconv.Itoa(fa.Field)
}

// outerKey is the key of the place of a field of the struct base points
// to: the outer struct's type and the index of the field base is in it,
// when base is the address of a struct's field; "" when the code does not
// show it.
func outerKey(base ssa.Value) string {
	fa, ok := base.(*ssa.FieldAddr)
	if !ok {
		return ""
	}
	return types.TypeString(fa.X.Type(), nil) + "#" + strconv.Itoa(fa.Field)
}

// paramAt is the parameter of fn that v is; -1 for anything else.
func paramAt(fn *ssa.Function, v ssa.Value) int {
	p, ok := v.(*ssa.Parameter)
	if !ok || p.Parent() != fn {
		return -1
	}
	return slices.Index(fn.Params, p)
}

// eligible reports whether every call of fn is known: one the graph has,
// of a function never used as a value.
func (o *outerField) eligible(fn *ssa.Function) bool {
	return !o.u.taken[fn] && len(o.u.callers[fn]) > 0 && fn.Parent() == nil
}

// unreached reports whether no code runs fn: no function of the graph
// calls it or uses it as a value, and no code outside the module's can
// (an unexported method of a module's package, or the wrapper of a method
// promoted to a type never made into an interface: the module's own calls
// of a promoted method call the method itself).
func (o *outerField) unreached(fn *ssa.Function) bool {
	recv := fn.Signature.Recv()
	if recv == nil || o.u.taken[fn] || len(o.u.callers[fn]) > 0 {
		return false
	}
	if fn.Synthetic != "" && !o.boxed[types.TypeString(recv.Type(), nil)] {
		return true
	}
	obj, ok := fn.Object().(*types.Func)
	return ok && !token.IsExported(fn.Name()) && obj.Pkg() != nil && o.b.p.pkgs[obj.Pkg().Path()] != nil
}

// store records one store into the field: with the key of its place and
// the value's, in fn or, for a function's parameters (a setter), at each
// of its calls.
func (o *outerField) store(st *ssa.Store) {
	fn := st.Parent()
	base := st.Addr.(*ssa.FieldAddr).X
	bi, vi := paramAt(fn, base), paramAt(fn, st.Val)
	if (bi >= 0 || vi >= 0) && o.eligible(fn) {
		for _, ci := range o.u.callers[fn] {
			k := outerKey(base)
			if bi >= 0 {
				k = outerKey(receiverArg(ci.Common(), bi))
			}
			val := st.Val
			if vi >= 0 {
				if val = receiverArg(ci.Common(), vi); val == nil {
					o.add(k, nil, nil, false)
					continue
				}
			}
			o.value(k, val, 0)
		}
		return
	}
	o.value(outerKey(base), st.Val, 0)
}

// add records, at key k, functions, keys whose values flow there, or
// something unknown.
func (o *outerField) add(k string, fs []*Func, from []string, known bool) {
	if !known {
		if k == "" {
			o.giveUp = true
		}
		o.gave[k] = true
		return
	}
	for _, f := range fs {
		if !slices.Contains(o.held[k], f) {
			o.held[k] = append(o.held[k], f)
		}
	}
	o.from[k] = append(o.from[k], from...)
}

// read records, at key k, the field's value read at key from: what is
// there, or, from a place of unknown key, what may be anywhere.
func (o *outerField) read(k, from string) {
	if from == "" {
		o.add(k, nil, nil, false)
		return
	}
	o.add(k, nil, []string{from}, true)
}

// value records the value v stored at key k: nil, a function the code
// names, a read of the field (directly or by a method returning it) or a
// local variable or captured variable holding only such values.
func (o *outerField) value(k string, v ssa.Value, depth int) {
	if depth > 4 {
		o.add(k, nil, nil, false)
		return
	}
	if c, ok := v.(*ssa.Const); ok && c.IsNil() {
		o.add(k, nil, nil, true)
		return
	}
	if g := o.b.funcValue(v); g != nil {
		o.add(k, []*Func{g}, nil, true)
		return
	}
	switch v := v.(type) {
	case *ssa.Parameter:
		// What each call of a function passes (a promoted method's
		// wrapper handing its argument on).
		fn := v.Parent()
		if i := paramAt(fn, v); i >= 0 && o.eligible(fn) {
			for _, ci := range o.u.callers[fn] {
				if arg := receiverArg(ci.Common(), i); arg != nil {
					o.value(k, arg, depth+1)
				} else {
					o.add(k, nil, nil, false)
				}
			}
			return
		}
		if o.unreached(fn) {
			return // no call stores it
		}
	case *ssa.UnOp:
		if v.Op != token.MUL {
			break
		}
		if fa, ok := v.X.(*ssa.FieldAddr); ok && outerFieldKey(fa) == o.field {
			o.read(k, outerKey(fa.X))
			return
		}
		if alloc := o.variable(v.X); alloc != nil {
			for _, r := range *alloc.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == alloc {
					o.value(k, st.Val, depth+1)
				}
			}
			return
		}
	case *ssa.Call:
		// A method returning the field of its receiver (a getter).
		g := v.Call.StaticCallee()
		if g != nil && len(g.Params) > 0 && o.getter(g) {
			o.read(k, outerKey(receiverArg(&v.Call, 0)))
			return
		}
	}
	o.add(k, nil, nil, false)
}

// variable is the local variable x is, or a closure's capture of one:
// one that is only stored into, loaded from and captured.
func (o *outerField) variable(x ssa.Value) *ssa.Alloc {
	if fv, ok := x.(*ssa.FreeVar); ok {
		fn := fv.Parent()
		i := slices.Index(fn.FreeVars, fv)
		parent := fn.Parent()
		if parent == nil || i < 0 {
			return nil
		}
		var alloc *ssa.Alloc
		for _, blk := range parent.Blocks {
			for _, instr := range blk.Instrs {
				if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
					a, ok := mc.Bindings[i].(*ssa.Alloc)
					if !ok || alloc != nil && alloc != a {
						return nil
					}
					alloc = a
				}
			}
		}
		x = alloc
		if alloc == nil {
			return nil
		}
	}
	alloc, ok := x.(*ssa.Alloc)
	if !ok {
		return nil
	}
	for _, r := range *alloc.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != alloc {
				return nil
			}
		case *ssa.UnOp, *ssa.MakeClosure, *ssa.DebugRef:
		default:
			return nil
		}
	}
	return alloc
}

// getter reports whether every result g returns is the field, read from
// its receiver.
func (o *outerField) getter(g *ssa.Function) bool {
	if g.Signature.Results().Len() != 1 || len(g.Blocks) == 0 {
		return false
	}
	for _, blk := range g.Blocks {
		if len(blk.Instrs) == 0 {
			continue
		}
		ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		u, ok := ret.Results[0].(*ssa.UnOp)
		if !ok || u.Op != token.MUL {
			return false
		}
		fa, ok := u.X.(*ssa.FieldAddr)
		if !ok || fa.X != g.Params[0] || outerFieldKey(fa) != o.field {
			return false
		}
	}
	return true
}

// narrow is what a call of the field, at a place of key k, may run: of
// the graph's callees, those stored at k, at keys flowing to k, or at
// unknown places, and those no store names (the graph's own answer, a
// method value resolved to its method); all of them when something
// unknown may be there, or a function stored there is not among them.
func (o *outerField) narrow(k string, callees []*Func) []*Func {
	seen := map[string]bool{}
	var held []*Func
	work := []string{k, ""}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[x] {
			continue
		}
		seen[x] = true
		if o.gave[x] {
			return callees
		}
		held = append(held, o.held[x]...)
		work = append(work, o.from[x]...)
	}
	for _, h := range held {
		if !slices.Contains(callees, h) {
			return callees
		}
	}
	elsewhere := map[*Func]bool{}
	for _, hs := range o.held {
		for _, h := range hs {
			elsewhere[h] = true
		}
	}
	var out []*Func
	for _, c := range callees {
		if slices.Contains(held, c) || !elsewhere[c] {
			out = append(out, c)
		}
	}
	return out
}
