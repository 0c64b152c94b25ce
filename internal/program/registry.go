package program

import (
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/ssa"
)

// A message bus runs, for each message sent, the functions registered
// for the message's type, looked up at run time:
//
//	var handlers = make(map[string]any)
//
//	func AddHandler(handler any) {
//		handlers[keyOf(reflect.TypeOf(handler).In(1))] = handler
//	}
//
//	func Dispatch(ctx context.Context, msgs ...any) error {
//		for _, msg := range msgs {
//			handler := handlers[keyOf(reflect.TypeOf(msg))]
//			reflect.ValueOf(handler).Call([]reflect.Value{reflect.ValueOf(ctx), reflect.ValueOf(msg)})
//		}
//	}
//
//	bus.AddHandler(getPost)                      // func(context.Context, *query.GetPost) error
//	bus.Dispatch(ctx, &query.GetPost{ID: id})    // runs getPost
//
// The call graph sees no call of getPost (reflection calls it), so a
// handler sending every query over the bus ran no SQL, and a route none.
// A registry here is a package-level map or slice of interface or func
// values that a module function (the registrar) stores its parameter in,
// itself or appended to a list; a dispatcher is a function that takes
// values out of it and calls them through reflect.Value's Call. Which one
// a message reaches is keyed by its type in a way the graph does not
// follow (a reflected name), so the key is matched by the types instead:
// a call of the dispatcher runs each registered function whose parameters
// not of an interface type are all of the types of the values the call
// passes (a *query.GetPost, to a func(context.Context, *query.GetPost)
// error). A call whose values' types are not seen (passed on from a
// parameter, an interface) runs none: fanning out to every registered
// function would make each message cost what all of them do. A function
// passing its parameters on to a dispatcher (MustDispatch) is one too,
// for its own callers.

// maxForward bounds the functions passing messages on to a dispatcher.
const maxForward = 3

// registryCalls adds, to each call of a dispatcher, the registered
// functions its messages' types select (see above).
func (b *builder) registryCalls() {
	regs := b.registries()
	if len(regs) == 0 {
		return
	}
	// What each registry holds: the functions the registrars' callers
	// pass.
	held := map[*ssa.Global][]*Func{}
	for g, rs := range regs {
		for _, r := range rs {
			for _, cc := range b.staticCallers()[r.fn] {
				if r.index >= len(cc.Args) {
					continue
				}
				if h := b.funcValue(stripIface(cc.Args[r.index])); h != nil && !slices.Contains(held[g], h) {
					held[g] = append(held[g], h)
				}
			}
		}
	}
	dispatchers := map[*ssa.Function][]*ssa.Global{}
	for fn := range b.funcs {
		for _, g := range b.dispatches(fn, regs) {
			if len(held[g]) > 0 {
				dispatchers[fn] = append(dispatchers[fn], g)
			}
		}
	}
	for range maxForward {
		for fn, gs := range b.forwarders(dispatchers) {
			dispatchers[fn] = gs
		}
	}
	// For Unreached, what a registry's functions are reached by, which
	// is not what a call costs: any of the types a message may have
	// (mayPass). A registry with a message whose types are not seen
	// (partial) may run any of its functions.
	resolved := map[*ssa.Global]bool{} // a dispatch selects one of its functions
	partial := map[*ssa.Global]bool{}
	// In the graph's order, each function's calls in its order: calls
	// are appended.
	for _, f := range b.p.list {
		fn := b.ssaOf(f)
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				ci, ok := instr.(ssa.CallInstruction)
				if !ok || b.calls[ci] == nil {
					continue
				}
				gs := dispatchers[ci.Common().StaticCallee()]
				if gs == nil {
					continue
				}
				types := passedTypes(ci.Common())
				may, all := b.mayPass(ci.Common(), fn, dispatchers)
				var run []*Func
				for _, g := range gs {
					partial[g] = partial[g] || !all
					for _, h := range held[g] {
						if selects(h.sig, types) && !slices.Contains(run, h) {
							run = append(run, h)
						}
						if selects(h.sig, may) {
							resolved[g] = true
							if b.p.busReach == nil {
								b.p.busReach = map[*Func][]*Func{}
							}
							if !slices.Contains(b.p.busReach[f], h) {
								b.p.busReach[f] = append(b.p.busReach[f], h)
							}
						}
					}
				}
				if len(run) == 0 {
					continue
				}
				// A call of its own at the dispatcher's call, so that
				// the loops around that call repeat them.
				sort.Slice(run, func(i, j int) bool { return b.p.less(run[i], run[j]) })
				at := b.calls[ci]
				f.Calls = append(f.Calls, &Call{Pos: at.Pos, Callees: run, block: at.block, seq: at.seq})
			}
		}
	}
	for g := range partial {
		if partial[g] {
			delete(resolved, g)
		}
	}
	b.p.registrars = registrarArgs(regs, resolved)
}

// maxTraced bounds the values mayPass follows per call.
const maxTraced = 32

// mayPass are the types the messages of a dispatcher's call, in fn, may
// have, found through the values they may be (a variable assigned one of
// several messages, what the functions of the module a call reaches
// return, through a func value too), and whether
// every message's were found: for reachability, where a message whose
// type is not seen may be any registered function's. A forwarder's call
// passing its own parameter on passes what its callers do, which are
// calls of their own.
func (b *builder) mayPass(cc *ssa.CallCommon, fn *ssa.Function, dispatchers map[*ssa.Function][]*ssa.Global) ([]types.Type, bool) {
	var out []types.Type
	all := true
	seen := map[ssa.Value]bool{}
	var trace func(v ssa.Value)
	trace = func(v ssa.Value) {
		if seen[v] {
			return
		}
		if seen[v] = true; len(seen) > maxTraced {
			all = false
			return
		}
		switch x := v.(type) {
		case *ssa.MakeInterface:
			if types.IsInterface(x.X.Type()) {
				trace(x.X)
			} else if !slices.ContainsFunc(out, func(t types.Type) bool { return types.Identical(t, x.X.Type()) }) {
				out = append(out, x.X.Type())
			}
		case *ssa.ChangeInterface:
			trace(x.X)
		case *ssa.Phi:
			for _, e := range x.Edges {
				trace(e)
			}
		case *ssa.Const: // nil: no message
		case *ssa.Parameter:
			if x.Parent() != fn || dispatchers[fn] == nil {
				all = false
			}
		case *ssa.Call:
			var gs []*ssa.Function
			if g := x.Call.StaticCallee(); g != nil {
				gs = append(gs, g)
			} else if c := b.calls[x]; c != nil {
				for _, h := range c.Callees {
					gs = append(gs, b.ssaOf(h))
				}
			}
			if len(gs) == 0 || x.Call.Signature().Results().Len() != 1 {
				all = false
				return
			}
			for _, g := range gs {
				if g == nil || len(g.Blocks) == 0 {
					all = false
					return
				}
				for _, blk := range g.Blocks {
					if ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return); ok {
						trace(ret.Results[0])
					}
				}
			}
		default:
			all = false
		}
	}
	for _, a := range cc.Args {
		if !carriesAny(a.Type()) || isContext(a.Type()) {
			continue
		}
		if !types.IsInterface(a.Type()) { // a list of messages
			if elems := spelled(a); len(elems) > 0 {
				for _, e := range elems {
					trace(e)
				}
				continue
			}
		}
		trace(a)
	}
	return out, all
}

// registrarArgs are, by the position of their declaration, the
// registrars of the registries some dispatch was resolved for, with the
// argument of a call of one that is the function registered: handing a
// function to one of them is not a use that runs it (see Unreached); the
// dispatches the graph follows are. A registry no dispatch was resolved
// for runs its functions in ways the graph does not see: handing one to
// its registrar stays a use of the function's value.
func registrarArgs(regs map[*ssa.Global][]registrar, resolved map[*ssa.Global]bool) map[token.Pos]int {
	var out map[token.Pos]int
	for g, rs := range regs {
		if !resolved[g] {
			continue
		}
		for _, r := range rs {
			obj, ok := r.fn.Object().(*types.Func)
			if !ok {
				continue // a closure: not called by name
			}
			i := r.index
			if obj.Type().(*types.Signature).Recv() != nil {
				i-- // the receiver is the first of an SSA method's parameters
			}
			if out == nil {
				out = map[token.Pos]int{}
			}
			out[obj.Origin().Pos()] = i
		}
	}
	return out
}

// registrar is a function storing its parameter index in a registry.
type registrar struct {
	fn    *ssa.Function
	index int
}

// registries are the module's package-level maps and slices of interface
// or func values that a module function stores its parameter in, with
// those functions.
func (b *builder) registries() map[*ssa.Global][]registrar {
	var out map[*ssa.Global][]registrar
	add := func(g *ssa.Global, fn *ssa.Function, v ssa.Value) {
		if g == nil || b.p.pkgs[g.Pkg.Pkg.Path()] == nil || !holdsFuncs(g.Type().(*types.Pointer).Elem()) {
			return
		}
		i := paramIndex(fn, v)
		if i < 0 {
			return
		}
		if out == nil {
			out = map[*ssa.Global][]registrar{}
		}
		if r := (registrar{fn, i}); !slices.Contains(out[g], r) {
			out[g] = append(out[g], r)
		}
	}
	for instr, fn := range b.instrs() {
		switch x := instr.(type) {
		case *ssa.MapUpdate: // m[k] = h, m[k] = append(m[k], h)
			add(loadedGlobal(x.Map), fn, x.Value)
		case *ssa.Store: // list = append(list, h)
			if g, ok := x.Addr.(*ssa.Global); ok {
				add(g, fn, x.Val)
			}
		}
	}
	return out
}

// holdsFuncs reports whether t, a registry's type, is a map or slice of
// interface or func values (or of lists of them).
func holdsFuncs(t types.Type) bool {
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Map:
		elem = u.Elem()
	case *types.Slice:
		elem = u.Elem()
	default:
		return false
	}
	if s, ok := elem.Underlying().(*types.Slice); ok {
		elem = s.Elem()
	}
	switch elem.Underlying().(type) {
	case *types.Interface, *types.Signature:
		return true
	}
	return false
}

// paramIndex is the parameter of fn that v is, as it is, converted to
// an interface, or appended to a list (append(list, h)); -1 otherwise.
func paramIndex(fn *ssa.Function, v ssa.Value) int {
	v = stripIface(v)
	if c, ok := v.(*ssa.Call); ok {
		if bi, ok := c.Call.Value.(*ssa.Builtin); ok && bi.Name() == "append" && len(c.Call.Args) == 2 {
			for _, x := range spelled(c.Call.Args[1]) {
				if i := paramIndex(fn, x); i >= 0 {
					return i
				}
			}
		}
		return -1
	}
	p, ok := v.(*ssa.Parameter)
	if !ok || p.Parent() != fn {
		return -1
	}
	return slices.Index(fn.Params, p)
}

// stripIface is v before its conversions to interfaces and named types.
func stripIface(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return v
		}
	}
}

// spelled are the values a slice built in place holds: the elements of
// the variadic arguments of a call (f(a, b) makes an array, stores a and
// b in it and slices it).
func spelled(v ssa.Value) []ssa.Value {
	s, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	arr, ok := s.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var out []ssa.Value
	for _, r := range *arr.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		for _, rr := range *ia.Referrers() {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
				out = append(out, st.Val)
			}
		}
	}
	return out
}

// loadedGlobal is the package-level variable v is loaded from, nil when
// none.
func loadedGlobal(v ssa.Value) *ssa.Global {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		g, _ := u.X.(*ssa.Global)
		return g
	}
	return nil
}

// dispatches are the registries of regs whose values fn calls: a value
// taken out of one (by key, by index, by ranging over it), however
// converted, reaching the receiver of reflect.Value's Call or CallSlice
// through reflect.ValueOf. (A value asserted to a func type and called
// is the call graph's to follow: its types flow through the interface.)
func (b *builder) dispatches(fn *ssa.Function, regs map[*ssa.Global][]registrar) []*ssa.Global {
	var out []*ssa.Global
	for _, blk := range fn.Blocks {
		for _, instr := range blk.Instrs {
			u, ok := instr.(*ssa.UnOp)
			if !ok || u.Op != token.MUL {
				continue
			}
			g, ok := u.X.(*ssa.Global)
			if !ok || regs[g] == nil || slices.Contains(out, g) {
				continue
			}
			if callsHeld(u) {
				out = append(out, g)
			}
		}
	}
	return out
}

// maxHeld bounds the values callsHeld follows from a registry's load.
const maxHeld = 64

// callsHeld reports whether a value taken out of the registry loaded by
// load is called (see dispatches).
func callsHeld(load *ssa.UnOp) bool {
	seen := map[ssa.Value]bool{}
	work := []ssa.Value{load}
	for len(work) > 0 && len(seen) < maxHeld {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[v] {
			continue
		}
		seen[v] = true
		refs := v.Referrers()
		if refs == nil {
			continue
		}
		for _, r := range *refs {
			switch x := r.(type) {
			case *ssa.Lookup: // m[k]
				if x.X == v {
					work = append(work, x)
				}
			case *ssa.Index:
				if x.X == v {
					work = append(work, x)
				}
			case *ssa.IndexAddr: // list[i], for _, h := range list
				if x.X == v {
					work = append(work, x)
				}
			case *ssa.UnOp: // *list[i]
				if x.Op == token.MUL {
					work = append(work, x)
				}
			case *ssa.Extract: // h, ok := m[k]; the value of a map's range
				work = append(work, x)
			case *ssa.Range:
				work = append(work, x)
			case *ssa.Next:
				work = append(work, x)
			case *ssa.Phi, *ssa.ChangeInterface, *ssa.ChangeType, *ssa.TypeAssert:
				work = append(work, x.(ssa.Value))
			case *ssa.Call:
				if reflectCall(x) {
					return true
				}
			}
		}
	}
	return false
}

// reflectCall reports whether call is reflect.ValueOf(h) whose result is
// called (its Call or CallSlice method).
func reflectCall(call *ssa.Call) bool {
	fn := call.Call.StaticCallee()
	if fn == nil {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.FullName() != "reflect.ValueOf" {
		return false
	}
	for _, r := range *call.Referrers() {
		ci, ok := r.(ssa.CallInstruction)
		if !ok {
			continue
		}
		cc := ci.Common()
		m := cc.StaticCallee()
		if m == nil || len(cc.Args) == 0 || cc.Args[0] != call {
			continue
		}
		if obj, ok := m.Object().(*types.Func); ok {
			switch obj.FullName() {
			case "(reflect.Value).Call", "(reflect.Value).CallSlice":
				return true
			}
		}
	}
	return false
}

// forwarders are the functions, not yet dispatchers, that pass a
// parameter of theirs on to a dispatcher's parameter of an interface
// type other than a context, or a list of them (MustDispatch(ctx,
// msgs...) calling Dispatch(ctx, msgs...)): their callers' messages are
// the dispatcher's.
func (b *builder) forwarders(dispatchers map[*ssa.Function][]*ssa.Global) map[*ssa.Function][]*ssa.Global {
	out := map[*ssa.Function][]*ssa.Global{}
	for ci := range b.calls {
		gs := dispatchers[ci.Common().StaticCallee()]
		fn := ci.Parent()
		if gs == nil || dispatchers[fn] != nil {
			continue
		}
		for _, a := range ci.Common().Args {
			p, ok := a.(*ssa.Parameter)
			if !ok || p.Parent() != fn || !carriesAny(p.Type()) || isContext(p.Type()) {
				continue
			}
			for _, g := range gs {
				if !slices.Contains(out[fn], g) {
					out[fn] = append(out[fn], g)
				}
			}
		}
	}
	return out
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	return types.TypeString(types.Unalias(t), nil) == "context.Context"
}

// carriesAny reports whether a value of type t is an interface value, or
// a list of them.
func carriesAny(t types.Type) bool {
	if s, ok := t.Underlying().(*types.Slice); ok {
		t = s.Elem()
	}
	return types.IsInterface(t)
}

// passedTypes are the types of the values a call passes as interfaces,
// as they were before the conversion (*query.GetPost, not any): one by
// one, or in a variadic list spelled at the call; a value that was an
// interface already gives none.
func passedTypes(cc *ssa.CallCommon) []types.Type {
	var out []types.Type
	add := func(v ssa.Value) {
		if mi, ok := v.(*ssa.MakeInterface); ok && !types.IsInterface(mi.X.Type()) {
			if !slices.ContainsFunc(out, func(t types.Type) bool { return types.Identical(t, mi.X.Type()) }) {
				out = append(out, mi.X.Type())
			}
		}
	}
	for _, a := range cc.Args {
		add(a)
		for _, x := range spelled(a) {
			add(x)
		}
	}
	return out
}

// selects reports whether a registered function of signature sig takes
// what a call passing values of the given types sends: each of its
// parameters of a type that is not an interface is of one of them, and
// it has one at least.
func selects(sig *types.Signature, passed []types.Type) bool {
	n := 0
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if types.IsInterface(t) {
			continue
		}
		if !slices.ContainsFunc(passed, func(p types.Type) bool { return types.Identical(p, t) }) {
			return false
		}
		n++
	}
	return n > 0
}
