package program

import (
	"go/token"
	"go/types"
	"slices"
	"time"

	"golang.org/x/tools/go/ssa"
)

// The call graph (vta) keeps one set of dynamic types per field of a
// struct type, whichever value of the type holds it. A service that
// makes its container of stores twice — main over the decorated store
// (a cache, then a single-flight group, over the SQL store), a
// validation command over the bare one — then has the served handlers,
// which only ever see main's container, call the bare store directly as
// well as through the decorators: every per-item call of a cached read
// "ran" its query once per item.
//
// What a call through an interface dispatches on is therefore traced
// back, on demand, to the values made into that interface: through
// copies, phis and conversions; a function's result to what it returns,
// in the context of the call (so that a constructor's parameter is what
// that call passed, not what any call did); a parameter to what the
// call in context passes, or, without one, to what every call of the
// function passes; a variable a closure captured to what its function
// stores in it; and a field to what is stored into it on the values
// that reach the load — the allocations a pointer can come from, each
// with the call context it was made in, whose fields are set where they
// are allocated (the constructors' &T{f: x}). The receiver of a method
// that code outside the module may call (its type is made into an
// interface, or handed out) is any value of the type the module makes;
// a struct copied whole into a variable holds what any value of its
// type holds. The call then runs the methods of those types alone,
// among those the graph lists.
//
// Anything the trace does not see whole leaves the graph's answer: a
// field also set through a pointer that is not the fresh value (a
// setter), or by storing its struct whole through one; a value kept in
// a map (but for a package-level registry, see drivers.go), a slice, a
// channel or a package variable; a parameter of a function called
// through a func value or by code outside the module;
// values of a type made inside another value (an embedded field, an
// array's element) or returned by code outside the module (a generic
// function's new(T)), whose allocations the module does not show; a
// trace longer than maxSteps. Like the call graph, it takes no account
// of reflection or unsafe writing a field.

// maxSteps bounds the values one trace visits; maxFrames the calls it
// keeps as context (deeper, a parameter is what any call passes).
const (
	maxSteps  = 3000
	maxFrames = 8
)

// frame is a call a trace entered a function through, to return to for
// the function's parameters; nil: any call.
type frame struct {
	site ssa.CallInstruction
	up   *frame
	n    int
}

// object is an allocation and the calls it was made under.
type object struct {
	alloc *ssa.Alloc
	ctx   *frame
}

// held is what a trace found a value can be: the dynamic types of an
// interface, or the allocations a pointer points to.
type held struct {
	types []types.Type
	objs  []object
}

type visit struct {
	v    ssa.Value
	ctx  *frame
	objs bool
}

// wiring traces values back to where they are made (see above).
type wiring struct {
	b        *builder
	callers  map[*ssa.Function][]ssa.CallInstruction
	taken    map[*ssa.Function]bool
	closures map[*ssa.Function][]*ssa.MakeClosure
	stores   map[*types.Var][]*ssa.Store // stores into each field on the value allocated there
	loose    map[*types.Var]bool         // fields stored otherwise
	whole    map[*types.Named]bool       // struct types stored whole through a pointer
	copied   map[*ssa.Alloc]bool         // variables a struct value is copied into
	allocs   map[*types.Named][]*ssa.Alloc
	foreign  map[*types.Named]bool // values made where the module does not show it
	exposed  map[*types.Named]bool // values handed to interfaces or outside code
	frames   map[frame]*frame
	registry map[*ssa.Global][]mapEntry        // see drivers.go; nil: not read whole
	uses     map[*ssa.Global][]ssa.Instruction // the module's instructions naming each map variable

	steps int
	stack map[visit]*held // the values being traced, and the set each adds to

	top    *ssa.Function // see narrowOnPaths: the outermost function of the calls traced in context
	hitTop bool          // the trace took a parameter of top from every call of it
}

// narrowInvokes narrows the callees of each call through an interface
// to the methods of the types the trace finds it dispatches on. That
// includes the calls whose callees the graph took from the types alone
// (Assumed: a receiver only generated code, which the graph's type
// propagation skips, hands on — a generated monitoring wrapper's field):
// the trace reads generated code like any other.
func (b *builder) narrowInvokes(u *uses) {
	w := &wiring{
		b: b, callers: u.callers, taken: u.taken,
		closures: map[*ssa.Function][]*ssa.MakeClosure{},
		stores:   map[*types.Var][]*ssa.Store{},
		loose:    map[*types.Var]bool{},
		whole:    map[*types.Named]bool{},
		copied:   map[*ssa.Alloc]bool{},
		allocs:   map[*types.Named][]*ssa.Alloc{},
		foreign:  map[*types.Named]bool{},
		exposed:  map[*types.Named]bool{},
		frames:   map[frame]*frame{},
		registry: map[*ssa.Global][]mapEntry{},
		uses:     map[*ssa.Global][]ssa.Instruction{},
		stack:    map[visit]*held{},
	}
	var invokes []ssa.CallInstruction
	for _, f := range b.p.list {
		fn := b.ssaOf(f)
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				w.index(instr)
				if ci, ok := instr.(ssa.CallInstruction); ok && ci.Common().IsInvoke() {
					if c := b.calls[ci]; c != nil && len(c.Callees) > 1 {
						invokes = append(invokes, ci)
					}
				}
			}
		}
	}
	start := time.Now()
	for _, ci := range invokes {
		if w.narrow(ci) {
			b.p.Stats.Narrowed++
		}
	}
	for _, ci := range invokes {
		if len(b.calls[ci].Callees) > 1 {
			w.narrowOnPaths(ci)
		}
	}
	b.p.Stats.Traced += len(invokes)
	b.p.Stats.Wiring += time.Since(start)
}

// index records what instr says of the module's values.
func (w *wiring) index(instr ssa.Instruction) {
	var ops [8]*ssa.Value
	for _, op := range instr.Operands(ops[:0]) {
		if g, ok := (*op).(*ssa.Global); ok && isMapVar(g) {
			w.uses[g] = append(w.uses[g], instr)
		}
	}
	switch instr := instr.(type) {
	case *ssa.MakeClosure:
		if fn, ok := instr.Fn.(*ssa.Function); ok {
			w.closures[fn] = append(w.closures[fn], instr)
		}
	case *ssa.Store:
		if t := w.b.structOf(instr.Val.Type()); t != nil {
			// A struct stored whole: into a variable, a copy of values
			// made elsewhere; anywhere else, fields set out of sight.
			if a, ok := instr.Addr.(*ssa.Alloc); ok {
				w.copied[a] = true
			} else {
				w.whole[t] = true
			}
		}
		fa, ok := instr.Addr.(*ssa.FieldAddr)
		if !ok {
			break
		}
		f := fieldOf(fa.X.Type(), fa.Field)
		if f == nil {
			break
		}
		if _, fresh := fa.X.(*ssa.Alloc); fresh {
			w.stores[f] = append(w.stores[f], instr)
		} else {
			w.loose[f] = true
		}
	case *ssa.Alloc:
		if t := w.b.structOf(derefType(instr.Type())); t != nil {
			w.allocs[t] = append(w.allocs[t], instr)
		}
	case *ssa.FieldAddr, *ssa.IndexAddr:
		// A value inside another: not one of the type's allocations.
		if t := w.b.structOf(derefType(instr.(ssa.Value).Type())); t != nil {
			w.foreign[t] = true
		}
	case *ssa.MakeInterface:
		w.b.mentions(instr.X.Type(), w.exposed)
	case ssa.CallInstruction:
		if !w.outside(instr) {
			break
		}
		cc := instr.Common()
		for _, a := range cc.Args {
			w.b.mentions(a.Type(), w.exposed)
		}
		if call, ok := instr.(*ssa.Call); ok {
			w.b.mentions(call.Type(), w.foreign)
		}
	}
}

// outside reports whether ci may run code outside the module.
func (w *wiring) outside(ci ssa.CallInstruction) bool {
	cc := ci.Common()
	if _, builtin := cc.Value.(*ssa.Builtin); builtin {
		return false
	}
	if g := cc.StaticCallee(); g != nil {
		return w.b.funcs[g] == nil || len(g.Blocks) == 0
	}
	c := w.b.calls[ci]
	if c == nil || len(c.Callees) == 0 {
		return true
	}
	if cc.IsInvoke() {
		named, ok := types.Unalias(cc.Value.Type()).(*types.Named)
		return !ok || named.Obj().Pkg() == nil || w.b.p.pkgs[named.Obj().Pkg().Path()] == nil
	}
	return true // a func value: whatever it holds
}

// structOf is the module's named struct type t is, nil if none.
func (b *builder) structOf(t types.Type) *types.Named {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || b.p.pkgs[named.Obj().Pkg().Path()] == nil {
		return nil
	}
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return nil
	}
	return named.Origin()
}

// mentions marks in m the module's struct types whose values, or
// pointers to them, a value of type t holds.
func (b *builder) mentions(t types.Type, m map[*types.Named]bool) {
	for depth := 0; depth < 8; depth++ {
		switch u := types.Unalias(t).(type) {
		case *types.Tuple:
			for v := range u.Variables() {
				b.mentions(v.Type(), m)
			}
			return
		case *types.Map:
			b.mentions(u.Key(), m)
		}
		// A pointer's, slice's, array's, channel's or map's element.
		if c, ok := types.Unalias(t).(interface{ Elem() types.Type }); ok {
			t = c.Elem()
			continue
		}
		if s := b.structOf(t); s != nil {
			m[s] = true
		}
		return
	}
}

// narrow narrows the callees of the invoke ci (see above), and says
// whether it left out any.
func (w *wiring) narrow(ci ssa.CallInstruction) bool {
	c := w.b.calls[ci]
	keep, ok := w.dispatched(ci, nil)
	if !ok {
		return false
	}
	n := len(c.Callees)
	c.Callees = slices.DeleteFunc(c.Callees, func(g *Func) bool { return !keep[g] })
	return len(c.Callees) < n
}

// dispatched is the set of the invoke ci's callees that the trace of its
// receiver, in context ctx, finds it can run; false when the trace
// cannot tell.
func (w *wiring) dispatched(ci ssa.CallInstruction, ctx *frame) (map[*Func]bool, bool) {
	c := w.b.calls[ci]
	cc := ci.Common()
	w.steps = 0
	clear(w.stack)
	var h held
	if !w.flow(cc.Value, ctx, false, &h) || len(h.types) == 0 {
		return nil, false // not traced whole: the graph's answer
	}
	keep := map[*Func]bool{}
	for _, t := range h.types {
		sel := w.b.prog.MethodSets.MethodSet(t).Lookup(cc.Method.Pkg(), cc.Method.Name())
		if sel == nil {
			return nil, false
		}
		g := w.b.funcs[w.b.prog.MethodValue(sel)]
		if g == nil {
			continue // a method outside the module
		}
		if !slices.Contains(c.Callees, g) {
			return nil, false // the graph did not list it: keep the graph's answer
		}
		keep[g] = true
	}
	return keep, true
}

// push is the context of a call at site made in context up.
func (w *wiring) push(site ssa.CallInstruction, up *frame) *frame {
	n := 1
	if up != nil {
		n = up.n + 1
	}
	if n > maxFrames {
		return nil
	}
	k := frame{site: site, up: up, n: n}
	if f := w.frames[k]; f != nil {
		return f
	}
	f := &k
	w.frames[k] = f
	return f
}

// flow adds to h what v can be in context ctx: its dynamic types, or,
// with objs, the allocations it points to. It reports false when the
// trace cannot tell.
func (w *wiring) flow(v ssa.Value, ctx *frame, objs bool, h *held) bool {
	if w.steps++; w.steps > maxSteps {
		return false
	}
	// A value already on the way to the same set adds nothing to it
	// (a loop's phi); on the way to another one (through a field of a
	// value it comes from), the trace gives up.
	k := visit{v, ctx, objs}
	if into, ok := w.stack[k]; ok {
		return into == h
	}
	w.stack[k] = h
	defer delete(w.stack, k)
	switch v := v.(type) {
	case *ssa.Const:
		return v.IsNil()
	case *ssa.MakeInterface:
		if objs {
			return w.flow(v.X, ctx, objs, h)
		}
		if !slices.ContainsFunc(h.types, func(t types.Type) bool { return types.Identical(t, v.X.Type()) }) {
			h.types = append(h.types, v.X.Type())
		}
		return true
	case *ssa.Alloc:
		if !objs {
			return false
		}
		h.objs = append(h.objs, object{v, ctx})
		return true
	case *ssa.ChangeInterface:
		return w.flow(v.X, ctx, objs, h)
	case *ssa.ChangeType:
		return w.flow(v.X, ctx, objs, h)
	case *ssa.TypeAssert:
		return w.asserted(v, ctx, objs, h)
	case *ssa.Extract:
		switch t := v.Tuple.(type) {
		case *ssa.TypeAssert:
			if v.Index == 0 {
				return w.asserted(t, ctx, objs, h)
			}
		case *ssa.Call:
			return w.returns(t, v.Index, ctx, objs, h)
		case *ssa.Lookup:
			if v.Index == 0 {
				return w.lookup(t, ctx, objs, h)
			}
		}
		return false
	case *ssa.Lookup:
		return w.lookup(v, ctx, objs, h)
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !w.flow(e, ctx, objs, h) {
				return false
			}
		}
		return true
	case *ssa.Call:
		return w.returns(v, 0, ctx, objs, h)
	case *ssa.Parameter:
		return w.param(v, ctx, objs, h)
	case *ssa.FreeVar:
		return w.captured(v, func(bound ssa.Value) bool { return w.flow(bound, nil, objs, h) })
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return w.load(v.X, ctx, objs, h)
		}
	}
	return false
}

// asserted adds what a type assertion's operand can be, as the asserted
// type: that type itself when it is concrete.
func (w *wiring) asserted(v *ssa.TypeAssert, ctx *frame, objs bool, h *held) bool {
	if !objs && !types.IsInterface(v.AssertedType) {
		if !slices.ContainsFunc(h.types, func(t types.Type) bool { return types.Identical(t, v.AssertedType) }) {
			h.types = append(h.types, v.AssertedType)
		}
		return true
	}
	return w.flow(v.X, ctx, objs, h)
}

// returns adds what result i of call can be: what its callees return, in
// the context of the call.
func (w *wiring) returns(call *ssa.Call, i int, ctx *frame, objs bool, h *held) bool {
	var callees []*ssa.Function
	if g := call.Call.StaticCallee(); g != nil {
		callees = []*ssa.Function{g}
	} else if c := w.b.calls[call]; c != nil {
		for _, g := range c.Callees {
			callees = append(callees, w.b.ssaOf(g))
		}
	}
	if len(callees) == 0 || w.outside(call) {
		return false
	}
	if call.Call.IsInvoke() {
		// Through an interface: the methods of what the receiver can be,
		// where the trace names it (a driver looked up by its name).
		var recv held
		if w.flow(call.Call.Value, ctx, false, &recv) && len(recv.types) > 0 {
			var only []*ssa.Function
			for _, t := range recv.types {
				sel := w.b.prog.MethodSets.MethodSet(t).Lookup(call.Call.Method.Pkg(), call.Call.Method.Name())
				if sel == nil {
					only = nil
					break
				}
				g := w.b.prog.MethodValue(sel)
				if !slices.Contains(callees, g) {
					only = nil
					break
				}
				only = append(only, g)
			}
			if only != nil {
				callees = only
			}
		}
	}
	inner := w.push(call, ctx)
	for _, g := range callees {
		for _, blk := range g.Blocks {
			if len(blk.Instrs) == 0 {
				continue
			}
			ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return)
			if !ok {
				continue
			}
			if i >= len(ret.Results) || !w.flow(ret.Results[i], inner, objs, h) {
				return false
			}
		}
	}
	return true
}

// param adds what parameter p can be: what the call of ctx passes, or
// every call of its function. The receiver of a method that code outside
// the module may call (its type is made into an interface or handed
// out) is any allocation of the type.
func (w *wiring) param(p *ssa.Parameter, ctx *frame, objs bool, h *held) bool {
	fn := p.Parent()
	i := slices.Index(fn.Params, p)
	if i < 0 {
		return false
	}
	if ctx != nil && slices.Contains(w.runs(ctx.site), fn) {
		a := paramArg(ctx.site.Common(), i)
		return a != nil && w.flow(a, ctx.up, objs, h)
	}
	if fn == w.top {
		w.hitTop = true
	}
	if fn.Parent() != nil || w.taken[fn] {
		return false // called through a value
	}
	if recv := fn.Signature.Recv(); recv != nil {
		t := w.b.structOf(derefType(recv.Type()))
		if t == nil {
			return false
		}
		if w.exposed[t] {
			if i != 0 || !objs || w.foreign[t] || len(w.allocs[t]) == 0 {
				return false
			}
			for _, a := range w.allocs[t] {
				h.objs = append(h.objs, object{a, nil})
			}
			return true
		}
	}
	sites := w.callers[fn]
	if len(sites) == 0 {
		return false
	}
	for _, site := range sites {
		a := paramArg(site.Common(), i)
		if a == nil || !w.flow(a, nil, objs, h) {
			return false
		}
	}
	return true
}

// runs are the functions the call at site runs.
func (w *wiring) runs(site ssa.CallInstruction) []*ssa.Function {
	if g := site.Common().StaticCallee(); g != nil {
		return []*ssa.Function{g}
	}
	var out []*ssa.Function
	if c := w.b.calls[site]; c != nil {
		for _, g := range c.Callees {
			out = append(out, w.b.ssaOf(g))
		}
	}
	return out
}

// paramArg is what cc passes for parameter i of the function it runs: for
// a call through an interface, its receiver is the interface's value.
func paramArg(cc *ssa.CallCommon, i int) ssa.Value {
	if cc.IsInvoke() {
		if i == 0 {
			return cc.Value
		}
		i--
	}
	if i < 0 || i >= len(cc.Args) {
		return nil
	}
	return cc.Args[i]
}

// captured calls add with what each closure of v's function was made
// with for v, in the function that made it.
func (w *wiring) captured(v *ssa.FreeVar, add func(ssa.Value) bool) bool {
	fn := v.Parent()
	i := slices.Index(fn.FreeVars, v)
	mcs := w.closures[fn]
	if i < 0 || len(mcs) == 0 {
		return false
	}
	for _, mc := range mcs {
		if i >= len(mc.Bindings) || !add(mc.Bindings[i]) {
			return false
		}
	}
	return true
}

// load adds what a load from addr can be: a field of the values addr's
// struct pointer points to, as stored where each was allocated; a local
// variable, as stored into it.
func (w *wiring) load(addr ssa.Value, ctx *frame, objs bool, h *held) bool {
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		f := fieldOf(a.X.Type(), a.Field)
		t := w.b.structOf(derefType(a.X.Type()))
		if f == nil || t == nil || w.loose[f] || w.whole[t] {
			return false
		}
		var holders held
		if !w.flow(a.X, ctx, true, &holders) {
			return false
		}
		for _, o := range holders.objs {
			for _, st := range w.stores[f] {
				switch {
				case w.copied[o.alloc]:
					// A copy of some value of the type: what any holds.
					if !w.flow(st.Val, nil, objs, h) {
						return false
					}
				case st.Addr.(*ssa.FieldAddr).X == o.alloc:
					if !w.flow(st.Val, o.ctx, objs, h) {
						return false
					}
				}
			}
		}
		return true
	case *ssa.Alloc:
		if !onlyLoaded(a) {
			return false
		}
		for _, r := range *a.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == a {
				if !w.flow(st.Val, ctx, objs, h) {
					return false
				}
			}
		}
		return true
	case *ssa.FreeVar:
		return w.captured(a, func(bound ssa.Value) bool { return w.load(bound, nil, objs, h) })
	}
	return false
}

// onlyLoaded reports whether the variable at a is assigned only by
// stores to it in its own function: elsewhere, closures only read it,
// and its address goes nowhere else.
func onlyLoaded(a ssa.Value) bool {
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != a {
				return false // the address itself stored somewhere
			}
			if _, isFree := a.(*ssa.FreeVar); isFree {
				return false // a closure assigns it
			}
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.DebugRef:
		case *ssa.MakeClosure:
			fn, ok := r.Fn.(*ssa.Function)
			if !ok {
				return false
			}
			for i, b := range r.Bindings {
				if b == a && (i >= len(fn.FreeVars) || !onlyLoaded(fn.FreeVars[i])) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}
