package program

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A value of the module's made into an empty interface (any) reaches
// code outside the module only if the interface value does: a
// dependency injected as `flow.Set("deps", deps)` into the module's own
// context, kept in a map field of its flow and read back by
// `c.Get("deps").(*Dependencies)`, is handed to nobody, and the methods
// of the types it holds are no more callable from outside than if it
// were passed as *Dependencies. keptIn follows such a value through the
// module's code, by where the program can move it, and says whether it
// stays there (see kept).
//
// The value stays in the module while each use of it, and of every value
// it flows to, is one of:
//
//   - a comparison (==, !=), or a type assertion to a concrete type:
//     what the module's code then calls on it the graph sees; or to one
//     of the module's interfaces no type of another module is made into
//     (params["storer"].(store.Storer)): the value is then one of that
//     interface's, as if made into it (see asserted);
//   - an argument of a function that calls no method of it (inert);
//   - an argument of a function or method of the module, statically
//     called, or through one of the module's interfaces that no type of
//     another module is made into (followed into the parameters of the
//     methods of the module's types implementing it that the call can
//     run, promoted ones too);
//   - stored in a map or as the value of a field of a struct of the
//     module (a plain, not generic, struct), by the field, or in a map
//     made to be such a field's value (Params: map[string]any{"storer":
//     s}): followed into every read of that field, in any function — a
//     lookup in the map read (under a constant key, only one by the same
//     key: params["writer"] reads another entry), a range over it, the
//     field's value read;
//   - returned by a method whose value the module does not take,
//     followed to every call that can run it: static ones (of it or its
//     wrappers) and through interfaces its type implements. Code outside
//     may also call it if its receiver's type reaches outside, or its
//     package is one other modules call (not programOnly), and read an
//     exported field by reflection where its struct goes: the value is
//     kept unless one of these types (guards) is outward or in such a
//     package.
//
// Anything else — handed to a dependency (unless inert), stored in a
// slice, a package variable, a channel, a local a closure captures,
// returned by a function or a closure (whose callers the graph may not
// see), called through an interface (a call the graph resolves by the
// types that reach outside), asserted to an interface — lets it out: the
// conversion counts as before. So does following more than keptBudget
// values.
type keptIn struct {
	fns     map[*ssa.Function]bool
	ours    func(*types.Package) bool
	callers map[*types.Func][]*ssa.Call // static calls of methods (and of their wrappers)
	invokes map[string][]*ssa.Call      // calls through interfaces, by method name
	methods map[string][]*ssa.Function  // module methods by name
	fields  map[*types.Var][]ssa.Value  // reads of each field: *ssa.FieldAddr, *ssa.Field
	// valued are the methods whose values the module takes (x.Get,
	// T.Get: bound and thunk wrappers), called where the graph may not
	// see (anyValued: one it could not name); foreign are the module's interfaces that values of
	// types of other modules are made into, whose calls may run code
	// outside.
	valued    map[*types.Func]bool
	anyValued bool
	foreign   map[types.Type]bool
	// types are the module's package-level named types, whose method
	// sets say which methods a call through an interface may run;
	// targets caches them by interface and method name.
	types   []*types.TypeName
	targets map[targetKey]map[*types.Func]bool
}

type targetKey struct {
	iface *types.Interface
	name  string
}

// implementers are the module's methods a call of the method name
// through the interface iface may run: those each of the module's types
// implementing iface has for it (its own, or promoted from an embedded
// field); nil when a generic type of the module implements it, whose
// instances' methods are not compared.
func (k *keptIn) implementers(iface *types.Interface, name string) map[*types.Func]bool {
	key := targetKey{iface, name}
	if out, ok := k.targets[key]; ok {
		return out
	}
	out := map[*types.Func]bool{}
	for _, tn := range k.types {
		n, ok := tn.Type().(*types.Named)
		if !ok || types.IsInterface(n) {
			continue
		}
		for _, t := range []types.Type{n, types.NewPointer(n)} {
			if n.TypeParams() != nil {
				if obj, _, _ := types.LookupFieldOrMethod(t, true, tn.Pkg(), name); obj != nil {
					out = nil
				}
				break
			}
			if !types.Implements(t, iface) {
				continue
			}
			if obj, _, _ := types.LookupFieldOrMethod(t, true, tn.Pkg(), name); obj != nil {
				if fn, ok := obj.(*types.Func); ok && out != nil {
					out[fn.Origin()] = true
				}
			}
			break
		}
		if out == nil {
			break
		}
	}
	k.targets[key] = out
	return out
}

// keptBudget bounds the values followed for one conversion.
const keptBudget = 400

func newKeptIn(fns map[*ssa.Function]bool, ours func(*types.Package) bool) *keptIn {
	k := &keptIn{fns: fns, ours: ours, callers: map[*types.Func][]*ssa.Call{}, targets: map[targetKey]map[*types.Func]bool{}, invokes: map[string][]*ssa.Call{},
		methods: map[string][]*ssa.Function{}, fields: map[*types.Var][]ssa.Value{}, valued: map[*types.Func]bool{}, foreign: map[types.Type]bool{}}
	named := func(t types.Type) *types.TypeName {
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return n.Origin().Obj()
		}
		return nil
	}
	var ops []*ssa.Value
	pkgs := map[*types.Package]bool{}
	for fn := range fns {
		if fn.Pkg != nil && !pkgs[fn.Pkg.Pkg] {
			pkgs[fn.Pkg.Pkg] = true
			scope := fn.Pkg.Pkg.Scope()
			for _, name := range scope.Names() {
				if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() {
					k.types = append(k.types, tn)
				}
			}
		}
		if fn.Signature.Recv() != nil {
			k.methods[fn.Name()] = append(k.methods[fn.Name()], fn)
		}
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				for _, op := range instr.Operands(ops[:0]) {
					if g, ok := (*op).(*ssa.Function); ok && g.Synthetic != "" &&
						(strings.HasSuffix(g.Name(), "$bound") || strings.HasSuffix(g.Name(), "$thunk")) {
						if obj, ok := g.Object().(*types.Func); ok {
							k.valued[obj.Origin()] = true
						} else {
							k.anyValued = true
						}
					}
				}
				switch in := instr.(type) {
				case *ssa.MakeInterface, *ssa.ChangeInterface:
					from := in.(ssa.Value).Type()
					if mi, ok := in.(*ssa.MakeInterface); ok {
						from = mi.X.Type()
					} else {
						from = in.(*ssa.ChangeInterface).X.Type()
					}
					if n := named(from); n == nil || n.Pkg() == nil || !ours(n.Pkg()) {
						k.foreign[in.(ssa.Value).Type()] = true
					}
				case *ssa.Call:
					if in.Call.IsInvoke() {
						k.invokes[in.Call.Method.Name()] = append(k.invokes[in.Call.Method.Name()], in)
					} else if g := in.Call.StaticCallee(); g != nil {
						if obj, ok := g.Object().(*types.Func); ok && obj.Type().(*types.Signature).Recv() != nil {
							k.callers[obj.Origin()] = append(k.callers[obj.Origin()], in)
						}
					}
				case *ssa.FieldAddr:
					if v := fieldVar(in.X.Type().Underlying().(*types.Pointer).Elem(), in.Field); v != nil {
						k.fields[v] = append(k.fields[v], in)
					}
				case *ssa.Field:
					if v := fieldVar(in.X.Type(), in.Field); v != nil {
						k.fields[v] = append(k.fields[v], in)
					}
				}
			}
		}
	}
	return k
}

// fieldVar is the i-th field of the struct t, nil if t is no struct.
func fieldVar(t types.Type, i int) *types.Var {
	s, ok := t.Underlying().(*types.Struct)
	if !ok || i >= s.NumFields() {
		return nil
	}
	return s.Field(i)
}

// kept reports whether the interface value v, made in the module,
// stays in the module's code unless one of guards (the receivers of the
// methods returning it, the structs whose exported fields hold it)
// reaches outside (see keptIn).
func (k *keptIn) kept(v ssa.Value) (ok bool, guards []*types.TypeName, as []types.Type) {
	w := &keptWalk{k: k, seen: map[ssa.Value]bool{}, guards: map[*types.TypeName]bool{}}
	if !w.value(v) {
		return false, nil, nil
	}
	for g := range w.guards {
		guards = append(guards, g)
	}
	return true, guards, w.as
}

type keptWalk struct {
	k      *keptIn
	seen   map[ssa.Value]bool
	guards map[*types.TypeName]bool
	as     []types.Type // see asserted
	// keys are the constant keys the value is stored under in the map a
	// field holds, nil for one it is stored under by another key (any
	// lookup may read it); reading those of the field whose reads are
	// being followed.
	keys    map[*types.Var]map[string]bool
	reading map[string]bool
}

// mapKey is a map key's constant value as it prints, "" when it is not
// a constant.
func mapKey(k ssa.Value) string {
	c, ok := k.(*ssa.Const)
	if !ok || c.Value == nil {
		return ""
	}
	return c.Value.ExactString()
}

// value follows the uses of v, an interface value or a tuple holding
// one; false when one lets it out.
func (w *keptWalk) value(v ssa.Value) bool {
	if w.seen[v] {
		return true
	}
	if len(w.seen) >= keptBudget {
		return false
	}
	w.seen[v] = true
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		if !w.use(v, r) {
			return false
		}
	}
	return true
}

func (w *keptWalk) use(v ssa.Value, r ssa.Instruction) bool {
	switch r := r.(type) {
	case *ssa.DebugRef:
		return true
	case *ssa.BinOp:
		return r.Op == token.EQL || r.Op == token.NEQ
	case *ssa.TypeAssert:
		return !types.IsInterface(r.AssertedType) || w.asserted(r.AssertedType)
	case *ssa.Extract: // of a tuple holding v
		return types.IsInterface(r.Type()) && w.value(r) || !types.IsInterface(r.Type()) && !mayHold(r.Type())
	case *ssa.Phi, *ssa.Next:
		return w.value(r.(ssa.Value))
	case *ssa.Call:
		return w.call(v, r)
	case *ssa.MapUpdate:
		if r.Value != v {
			return true // the key of a map of the module's: compared only
		}
		return w.container(r.Map, mapKey(r.Key))
	case *ssa.Store:
		if r.Val != v {
			return false
		}
		fa, ok := r.Addr.(*ssa.FieldAddr)
		if !ok {
			return false
		}
		return w.field(fa.X.Type().Underlying().(*types.Pointer).Elem(), fa.Field, "")
	case *ssa.Return:
		return w.returned(r.Parent())
	}
	return false
}

// asserted records an assertion of the value to t, and reports whether
// the value stays in the module by it: t is one of the module's
// interfaces that no type of another module is made into, so what the
// value is then is a value of t the module's code has, as if it had been
// made into t (params["storer"].(store.Storer) reading back the store
// put in a map of the module's as any).
func (w *keptWalk) asserted(t types.Type) bool {
	if !w.ours(t) || w.k.foreign[t] {
		return false
	}
	for _, a := range w.as {
		if types.Identical(a, t) {
			return true
		}
	}
	w.as = append(w.as, t)
	return true
}

// mayHold reports whether a value of t may hold an interface value:
// anything but a basic type.
func mayHold(t types.Type) bool {
	_, basic := t.Underlying().(*types.Basic)
	return !basic
}

// call follows v handed to a call.
func (w *keptWalk) call(v ssa.Value, call *ssa.Call) bool {
	cc := call.Common()
	if cc.Value == v {
		return false // called through, or called
	}
	if b, ok := cc.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "len", "cap", "delete", "clear":
			return true
		}
		return false
	}
	if cc.IsInvoke() {
		if !w.ours(cc.Value.Type()) || w.k.foreign[cc.Value.Type()] {
			return false
		}
		for i, a := range cc.Args {
			if a != v {
				continue
			}
			iface, _ := cc.Value.Type().Underlying().(*types.Interface)
			impls := w.k.implementers(iface, cc.Method.Name())
			for _, fn := range w.k.methods[cc.Method.Name()] {
				obj, _ := fn.Object().(*types.Func)
				if impls != nil && (obj == nil || !impls[obj.Origin()]) {
					continue
				}
				if i+1 >= len(fn.Params) || !w.value(fn.Params[i+1]) {
					return false
				}
			}
		}
		return true
	}
	g := cc.StaticCallee()
	if g == nil {
		return false
	}
	if !w.k.fns[g] {
		name := staticName(cc)
		if name == "reflect.ValueOf" {
			return inertValue(call)
		}
		params, ok := inertArgs[name]
		if !ok {
			return false
		}
		for i, a := range cc.Args {
			if a == v && !slices.Contains(params, i) {
				return false
			}
		}
		return true
	}
	for i, a := range cc.Args {
		if a == v && (i >= len(g.Params) || !w.value(g.Params[i])) {
			return false
		}
	}
	return true
}

// ours reports whether t is one of the module's named interfaces.
func (w *keptWalk) ours(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && w.k.ours(n.Obj().Pkg())
}

// returned follows a value fn returns to every call of it: a method's
// of its name, through an interface or not. A function (not a method)
// may be called through a value the graph does not see.
func (w *keptWalk) returned(fn *ssa.Function) bool {
	recv := fn.Signature.Recv()
	if recv == nil || fn.Parent() != nil || !w.k.fns[fn] || w.k.valuedMethod(fn) {
		return false
	}
	if obj, ok := fn.Object().(*types.Func); ok && obj.Exported() {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := types.Unalias(t).(*types.Named)
		if !ok {
			return false
		}
		w.guards[n.Origin().Obj()] = true
	}
	obj, _ := fn.Object().(*types.Func)
	if obj == nil {
		return false
	}
	for _, c := range w.k.callers[obj.Origin()] {
		if !w.value(c) {
			return false
		}
	}
	for _, c := range w.k.invokes[fn.Name()] {
		iface, _ := c.Call.Value.Type().Underlying().(*types.Interface)
		if impls := w.k.implementers(iface, fn.Name()); impls != nil && !impls[obj.Origin()] {
			continue // an interface fn's type does not implement
		}
		if !w.value(c) {
			return false
		}
	}
	return true
}

// valuedMethod reports whether the module takes the value of the method
// fn, or of an interface's method that may run it.
func (k *keptIn) valuedMethod(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok || k.anyValued {
		return true
	}
	obj = obj.Origin()
	if k.valued[obj] {
		return true
	}
	for m := range k.valued {
		sig := m.Type().(*types.Signature)
		if m.Name() != obj.Name() || sig.Recv() == nil {
			continue
		}
		if iface, ok := sig.Recv().Type().Underlying().(*types.Interface); ok {
			if impls := k.implementers(iface, m.Name()); impls == nil || impls[obj] {
				return true
			}
		}
	}
	return false
}

// container follows a map v is stored in, under the constant key (""
// for another): it must be read from a field of the module's.
func (w *keptWalk) container(m ssa.Value, key string) bool {
	switch m := m.(type) {
	case *ssa.UnOp:
		if fa, ok := m.X.(*ssa.FieldAddr); ok && m.Op == token.MUL {
			return w.field(fa.X.Type().Underlying().(*types.Pointer).Elem(), fa.Field, key)
		}
	case *ssa.Field:
		return w.field(m.X.Type(), m.Field, key)
	case *ssa.MakeMap:
		// A map made to be a field's value (Params: map[string]any{"storer":
		// s}): followed into the field's reads.
		refs := m.Referrers()
		if refs == nil {
			return false
		}
		for _, r := range *refs {
			switch r := r.(type) {
			case *ssa.DebugRef:
			case *ssa.MapUpdate:
				if r.Map != m {
					return false
				}
			case *ssa.Store:
				fa, ok := r.Addr.(*ssa.FieldAddr)
				if !ok || r.Val != m || !w.field(fa.X.Type().Underlying().(*types.Pointer).Elem(), fa.Field, key) {
					return false
				}
			default:
				return false
			}
		}
		return true
	}
	return false
}

// field follows every read of the i-th field of the struct type st, a
// map holding the value under the constant key, or ("") the value itself
// or under another key.
func (w *keptWalk) field(st types.Type, i int, key string) bool {
	n, ok := types.Unalias(st).(*types.Named)
	if !ok || n.TypeArgs() != nil || n.Obj().Pkg() == nil || !w.k.ours(n.Obj().Pkg()) {
		return false
	}
	f := fieldVar(n, i)
	if f == nil {
		return false
	}
	if w.keys == nil {
		w.keys = map[*types.Var]map[string]bool{}
	}
	keys, stored := w.keys[f]
	if stored && (keys == nil || key != "" && keys[key]) {
		return true // its reads followed for every key, or for this one
	}
	switch {
	case key == "":
		w.keys[f] = nil
	case keys == nil:
		w.keys[f] = map[string]bool{key: true}
	default:
		keys[key] = true // followed again, for the keys so far
	}
	if f.Exported() || f.Embedded() {
		w.guards[n.Obj()] = true // reflection reads it where the struct goes
	}
	reading := w.reading
	w.reading = w.keys[f]
	defer func() { w.reading = reading }()
	for _, r := range w.k.fields[f] {
		if !w.read(r) {
			return false
		}
	}
	return true
}

// read follows the value of a field read (*ssa.Field) or addressed
// (*ssa.FieldAddr): its lookups, ranges, and loads.
func (w *keptWalk) read(r ssa.Value) bool {
	refs := r.Referrers()
	if refs == nil {
		return false
	}
	for _, u := range *refs {
		switch u := u.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			if u.Addr != r {
				return false // the field's address stored
			}
			// A write of the field: what it writes is its own.
		case *ssa.UnOp:
			if u.Op != token.MUL || !w.held(u) {
				return false
			}
		default:
			if _, ok := r.(*ssa.Field); !ok || !w.heldUse(r, u) {
				return false
			}
		}
	}
	return true
}

// held follows a field's value: an interface value itself, or a map of
// them.
func (w *keptWalk) held(v ssa.Value) bool {
	if types.IsInterface(v.Type()) {
		return w.value(v)
	}
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, u := range *refs {
		if !w.heldUse(v, u) {
			return false
		}
	}
	return true
}

// heldUse is a use of a map read from a field.
func (w *keptWalk) heldUse(m ssa.Value, u ssa.Instruction) bool {
	if types.IsInterface(m.Type()) {
		return w.use(m, u)
	}
	if _, ok := m.Type().Underlying().(*types.Map); !ok {
		return false
	}
	switch u := u.(type) {
	case *ssa.DebugRef:
		return true
	case *ssa.Lookup:
		if k := mapKey(u.Index); k != "" && w.reading != nil && !w.reading[k] {
			return true // another entry: params["writer"] is not params["storer"]
		}
		return w.value(u)
	case *ssa.MapUpdate:
		return u.Map == m // what it writes is its own
	case *ssa.Range:
		return w.value(u)
	case *ssa.Next:
		return w.value(u)
	case *ssa.Call:
		if b, ok := u.Call.Value.(*ssa.Builtin); ok {
			switch b.Name() {
			case "len", "delete", "clear":
				return true
			}
		}
	}
	return false
}
