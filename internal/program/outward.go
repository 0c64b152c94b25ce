package program

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
)

// outwardTypes finds the module's named types whose methods code outside
// the module may call, by the position of their declaration: those whose
// values reach a dependency as an interface, from code that runs (live:
// see Unreached). A value converted to an interface declared outside the
// module (http.Handler, sql.Scanner, fmt.Stringer, error, any) reaches
// code that can call its methods through that interface, or any other by
// a type assertion or reflection; and so does every value it holds (an
// encoder walks a struct's fields, a template calls the methods of what a
// method returns), so the types of its fields, elements and methods'
// parameters and results are outward too. A value of one of the module's
// interfaces is called through it in the graph, unless that interface is
// itself converted to an outside one: then every type converted to it is
// outward. An interface only held by an outward value (the type of a
// field of a job handed to a scheduler, or of a method's parameter) is
// one code outside cannot name: it calls the methods an interface of its
// own asks for (fmt's String, json's MarshalJSON, the scheduler's Run),
// which it may assert the value to, and no other by its name, so of a
// type converted to such an interface only those methods are callable
// from outside (the some of the result: see through), and the types they
// take and return are outward. An interface spelled as a literal is one
// of the module's, unless a value of it goes outside as it is (see
// handedOn). A type a dependency's generic
// function or type is instantiated with reaches the dependency's code
// with no conversion the module's code spells, so it is outward too.
//
// A value made into an empty interface that stays in the module's code
// (see keptIn: a dependency set into the module's own context as any
// and asserted back) reaches nobody outside; asserted back to one of the
// module's interfaces, it is as if made into that one; nor does one only handed
// to a function that calls no method of it (see inert: reflect.Swapper,
// sort.Slice), nor a type argument of a generic function of slices,
// maps, cmp (methodFreeGenerics).
//
// Only what live functions do counts: a handler handed to a dependency by
// a function only a test runs, or nothing, reaches the dependency only
// when that function runs. An instantiation outside any function (a
// field's type, a package variable's) counts whatever runs.
//
// narrow are the packages whose exported methods only the program calls
// (see programOnly): a method of another returning a value kept in the
// module hands it to other modules.
func (p *Program) outwardTypes(live func(*Func) bool, narrow map[string]bool) (all map[*types.TypeName]bool, some map[*types.TypeName]map[string]bool) {
	o := &outward{ours: func(pkg *types.Package) bool { return p.pkgs[pkg.Path()] != nil }, named: map[*types.TypeName]bool{}, seen: map[types.Type]bool{}, narrow: narrow,
		direct: map[*types.TypeName]bool{}, nested: map[types.Type]bool{}, callable: map[*types.TypeName]map[string]bool{}, deps: p.depMethods()}
	for _, in := range p.insts {
		if in.in == nil || live(in.in) {
			for _, t := range in.args {
				o.walk(t)
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, c := range p.convs {
			if !live(c.in) {
				continue
			}
			if !o.lets(c) {
				// Kept in the module, and asserted back to its
				// interfaces: as if made into those.
				for _, to := range c.as {
					changed = o.convert(c.from, to, false) || changed
				}
				continue
			}
			changed = o.convert(c.from, c.to, c.toDep) || changed
		}
	}
	return o.named, o.callable
}

// convert marks what a value of from made into the interface to hands
// outside, and reports whether that marked anything new; toDep says to
// is a literal whose value goes outside as it is (see handedOn).
func (o *outward) convert(from, to types.Type, toDep bool) bool {
	if !o.outside(to) {
		return false
	}
	held := false
	if lit := literalInterface(to); lit != nil && !toDep {
		// An interface the module spells, held outside as what an
		// outward value holds, or not at all (yet).
		switch direct, walked := o.walkedLiteral(lit); {
		case !walked:
			return false
		case !direct:
			held = true
		}
	} else {
		held = o.held(to) != nil
	}
	if held {
		switch {
		case o.ourInterface(from) != nil:
			// One of the module's interfaces made into another held
			// outside: its values are held so too.
			return o.hold(o.ourInterface(from))
		case !types.IsInterface(from):
			return o.through(from)
		}
	}
	switch {
	case !o.seen[from]:
		o.walkFrom(from)
		return true
	case o.nested[from]:
		// Walked as what an outward value holds, now handed outside
		// itself: an interface's values go whole.
		delete(o.nested, from)
		if obj := o.held(from); obj != nil {
			o.direct[obj] = true
			return true
		}
	}
	return false
}

// held returns the module's interface t when it reached outside only as
// what an outward value holds or its methods take (a field of type I of
// a job handed to a scheduler), or as another such: code outside calls
// only what an interface of its own asks for of its values (see
// through). Nil when t is no such interface, or its values reach
// outside whole: it was itself made into an outside interface (stored
// as any, handed to reflection).
func (o *outward) held(t types.Type) *types.TypeName {
	obj := o.ourInterface(t)
	if obj == nil || !o.named[obj] || o.direct[obj] {
		return nil
	}
	return obj
}

// ourInterface is t's name when t is one of the module's named
// interfaces, by its generic origin.
func (o *outward) ourInterface(t types.Type) *types.TypeName {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || !types.IsInterface(n) {
		return nil
	}
	obj := n.Origin().Obj()
	if obj.Pkg() == nil || !o.ours(obj.Pkg()) {
		return nil
	}
	return obj
}

// hold records that code outside holds the values of the module's
// interface obj only as what an outward value holds (see held), and
// reports whether that was new.
func (o *outward) hold(obj *types.TypeName) bool {
	if o.named[obj] {
		return false
	}
	o.named[obj] = true
	return true
}

// through marks the methods code outside can call on a value of t it
// holds as one of the module's interfaces (see held): those of the name
// and signature of a method of an interface declared outside the module
// (an encoder's MarshalJSON, a closer's Close, a scheduler's Run), which
// it may assert the value to. It cannot name the module's interface;
// reflection could call any other method by its name, but nothing that
// holds a value in a field of an interface type it cannot name does
// (templates aside, which are handed their data whole). It reports
// whether it marked any.
func (o *outward) through(t types.Type) bool {
	base := t
	if ptr, ok := base.(*types.Pointer); ok {
		base = ptr.Elem()
	}
	n, ok := types.Unalias(base).(*types.Named)
	if !ok {
		if o.seen[t] {
			return false
		}
		o.walkFrom(t)
		return true
	}
	obj := n.Origin().Obj()
	if obj.Pkg() == nil || !o.ours(obj.Pkg()) || o.named[obj] {
		return false
	}
	marked := false
	ms := types.NewMethodSet(types.NewPointer(n))
	for i := 0; i < ms.Len(); i++ {
		m := ms.At(i).Obj().(*types.Func)
		sig := m.Type().(*types.Signature)
		if !o.depMethod(m.Name(), sig) {
			continue
		}
		if o.callable[obj] == nil {
			o.callable[obj] = map[string]bool{}
		}
		if !o.callable[obj][m.Name()] {
			o.callable[obj][m.Name()] = true
			o.signature(sig)
			marked = true
		}
	}
	return marked
}

// depMethod reports whether an interface declared outside the module
// has a method of the name and the signature sig (receivers aside), or
// of the name in a generic interface, whose signature only an
// instantiation fixes.
func (o *outward) depMethod(name string, sig *types.Signature) bool {
	deps := o.deps[name]
	if len(deps) == 0 {
		return false
	}
	plain := unbound(sig)
	for _, s := range deps {
		if s == nil || types.Identical(s, plain) {
			return true
		}
	}
	return false
}

// unbound is sig without its receiver.
func unbound(sig *types.Signature) *types.Signature {
	return types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())
}

// literalInterface is t's interface when t is one spelled as a literal
// (interface{ A; B }), not a named one.
func literalInterface(t types.Type) *types.Interface {
	iface, ok := types.Unalias(t).(*types.Interface)
	if !ok {
		return nil
	}
	return iface
}

// walkedLiteral reports whether an interface identical to the literal
// lit reached outside (walked): as what an outward value holds or takes,
// or itself (direct), a value of it made into any or another interface.
func (o *outward) walkedLiteral(lit *types.Interface) (direct, walked bool) {
	for i, w := range o.lits {
		if types.Identical(w, lit) {
			walked = true
			direct = direct || o.litsDirect[i]
		}
	}
	return direct, walked
}

// conversion is a value of from made into, or asserted as, the interface
// to, in a function of the module (see outwardTypes).
type conversion struct {
	in       *Func
	from, to types.Type
	// kept says the interface value stays in the module's code unless
	// one of guards reaches outside (see keptIn).
	kept   bool
	guards []*types.TypeName
	// toDep says a value made into an interface spelled as a literal
	// goes to code outside the module as it is (see handedOn).
	toDep bool
	// as are the module's interfaces a kept value is asserted back to.
	as []types.Type
}

// conversion records the interface value v made of a value of type from
// in f: one made into an empty interface may stay in the module (see
// keptIn).
func (k *keptIn) conversion(f *Func, v ssa.Value, from types.Type) conversion {
	c := conversion{in: f, from: from, to: v.Type()}
	if literalInterface(v.Type()) != nil {
		c.toDep = k.handedOn(v)
	}
	if iface, ok := v.Type().Underlying().(*types.Interface); ok && iface.Empty() {
		c.kept, c.guards, c.as = k.kept(v)
	}
	return c
}

// lets reports whether a conversion's value reaches outside, as far as
// the types found outward so far say: unless it is kept in the module,
// or one of its guards is outward.
func (o *outward) lets(c conversion) bool {
	if !c.kept {
		return true
	}
	for _, g := range c.guards {
		if o.named[g] || !o.narrow[g.Pkg().Path()] {
			return true
		}
	}
	return false
}

// instantiation is a dependency's generic function or type instantiated
// with the module's type arguments, in a function of the module, or in
// none (in nil) (see outwardTypes).
type instantiation struct {
	in   *Func
	args []types.Type
}

// outwardUses records the conversions to interfaces of the module's
// functions and the instantiations of dependencies' generics in its
// packages, for outwardTypes. After link: it needs the Funcs.
func (b *builder) outwardUses(fns map[*ssa.Function]bool, mods []*packages.Package) {
	p := b.p
	kept := newKeptIn(fns, func(pkg *types.Package) bool { return p.pkgs[pkg.Path()] != nil })
	for fn := range fns {
		f := b.funcs[fn]
		if f == nil {
			continue
		}
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				switch in := instr.(type) {
				case *ssa.MakeInterface:
					if !inert(in) && !nilInterfacePointer(in.X) {
						p.convs = append(p.convs, kept.conversion(f, in, in.X.Type()))
					}
				case *ssa.ChangeInterface:
					if !inert(in) {
						p.convs = append(p.convs, kept.conversion(f, in, in.X.Type()))
					}
				case *ssa.TypeAssert:
					if types.IsInterface(in.AssertedType) {
						p.convs = append(p.convs, conversion{in: f, from: in.X.Type(), to: in.AssertedType})
					}
				}
			}
		}
	}
	// The functions written in each file, to find the innermost holding
	// an instantiation.
	byFile := map[*token.File][]*Func{}
	for _, f := range p.list {
		if f.syntax != nil && !f.Synthetic && !f.instance {
			tf := p.Fset.File(f.syntax.Pos())
			byFile[tf] = append(byFile[tf], f)
		}
	}
	for _, m := range mods {
		if m.TypesInfo == nil {
			continue
		}
		for id, inst := range m.TypesInfo.Instances {
			obj := m.TypesInfo.Uses[id]
			if obj == nil || obj.Pkg() == nil || p.pkgs[obj.Pkg().Path()] != nil || methodFreeGenerics[obj.Pkg().Path()] {
				continue
			}
			in := instantiation{}
			for i := 0; i < inst.TypeArgs.Len(); i++ {
				in.args = append(in.args, inst.TypeArgs.At(i))
			}
			for _, f := range byFile[p.Fset.File(id.Pos())] {
				if syn := f.syntax; syn.Pos() <= id.Pos() && id.Pos() < syn.End() &&
					(in.in == nil || syn.Pos() >= in.in.syntax.Pos() && syn.End() <= in.in.syntax.End()) {
					in.in = f
				}
			}
			p.insts = append(p.insts, in)
		}
	}
}

// inert reports whether the interface value v, made of a value of the
// module's, reaches no code that can call a method of it: its only uses
// are comparisons (==, !=) and arguments of functions outside the module
// that read values only by reflection of their kind, length and layout
// (inertArgs: reflect.Swapper, reflect.TypeOf, reflect.DeepEqual,
// sort.Slice, errors.Is's target), or of reflect.ValueOf whose Value is
// only asked such things (inertValue: Len, Kind, IsNil). Such a
// function holds no interface it could assert the value to and calls no
// method by reflection: `reflect.Swapper(actions)` to reverse a slice of
// the module's hooks hands the hooks to nobody. A function that does
// call methods (fmt's Stringer and Formatter, json's Marshaler, sort.Sort's
// Interface, http.Handle's Handler, rpc.Register by reflection) or one
// not listed keeps the value outward.
func inert(v ssa.Value) bool {
	refs := v.Referrers()
	if refs == nil || len(*refs) == 0 {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.BinOp:
			if r.Op != token.EQL && r.Op != token.NEQ {
				return false
			}
		case *ssa.Call:
			name := staticName(r.Common())
			if name == "reflect.ValueOf" {
				if !inertValue(r) {
					return false
				}
				continue
			}
			params, ok := inertArgs[name]
			if !ok {
				return false
			}
			for i, a := range r.Common().Args {
				if a == v && !slices.Contains(params, i) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// nilInterfacePointer reports whether v is a nil pointer to an
// interface, (*I)(nil): what protoc-gen-go-grpc's ServiceDesc keeps as
// its HandlerType, in every generated package's initializer, whether the
// program serves gRPC or not. It holds no value: *I has no methods, and
// reflection on it yields the type I, never a value of a type
// implementing it, so converting it to an interface hands no method of
// the module's types to anyone (a program serving gRPC hands its server
// to RegisterService as any, which does). A typed nil of another pointer
// type may still have its methods called with a nil receiver.
func nilInterfacePointer(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok || !c.IsNil() {
		return false
	}
	ptr, ok := c.Type().Underlying().(*types.Pointer)
	return ok && types.IsInterface(ptr.Elem())
}

// inertValue reports whether the reflect.Value a call of reflect.ValueOf
// returns is only asked what calls no method of the value it holds
// (inertValueMethods).
func inertValue(call *ssa.Call) bool {
	refs := call.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Call:
			name := staticName(r.Common())
			method, ok := strings.CutPrefix(name, "(reflect.Value).")
			if !ok || !inertValueMethods[method] {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// staticName is the full name (types.Func.FullName) of the function a
// call calls statically, "" for a dynamic call.
func staticName(cc *ssa.CallCommon) string {
	fn := cc.StaticCallee()
	if fn == nil {
		return ""
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return ""
	}
	return obj.FullName()
}

// inertArgs are the functions outside any module that take interface
// values and call no method of them, not by an assertion nor by
// reflection, with the indexes of those parameters (see inert).
var inertArgs = map[string][]int{
	"reflect.Swapper":    {0},
	"reflect.TypeOf":     {0},
	"reflect.DeepEqual":  {0, 1},
	"sort.Slice":         {0},
	"sort.SliceStable":   {0},
	"sort.SliceIsSorted": {0},
	"errors.Is":          {1}, // compared with ==: Is and Unwrap are err's
	"runtime.KeepAlive":  {0},
}

// inertValueMethods are the methods of reflect.Value that read the
// value's kind, type, length or scalar contents and call none of its
// methods, nor hand out anything that could (Interface, Method, Index,
// Field, Elem do).
var inertValueMethods = map[string]bool{
	"Len": true, "Cap": true, "Kind": true, "Type": true, "IsNil": true, "IsZero": true,
	"IsValid": true, "NumField": true, "NumMethod": true, "Pointer": true, "UnsafePointer": true,
	"Bool": true, "Int": true, "Uint": true, "Float": true, "Complex": true, "String": true,
	"CanAddr": true, "CanSet": true, "CanInterface": true, "CanInt": true, "CanUint": true, "CanFloat": true,
}

// methodFreeGenerics are the packages of the standard library whose
// generic functions and types call no method of their type arguments:
// their constraints have none (any, comparable, cmp.Ordered), and they
// convert no value of one to an interface (slices.Reverse, maps.Keys,
// atomic.Pointer[T]): instantiating one with a module's type hands that
// type's methods to nobody.
var methodFreeGenerics = map[string]bool{
	"slices": true, "maps": true, "cmp": true, "iter": true, "sync/atomic": true, "unique": true,
}

// outward walks the types whose values reach code outside the module.
type outward struct {
	ours   func(*types.Package) bool
	named  map[*types.TypeName]bool // the module's named types reached, by their generic origin
	seen   map[types.Type]bool
	narrow map[string]bool // see outwardTypes
	// direct are the module's interfaces a value of which was itself
	// made into an outside interface (a dependency holds the value
	// inside, whole); nested the types walked only as what another
	// outward type holds or takes, walked again if made into an outside
	// interface themselves; depth is the walk's, 0 at a conversion.
	direct map[*types.TypeName]bool
	nested map[types.Type]bool
	depth  int
	// callable are the methods, by name, of the module's types code
	// outside holds only as one of the module's interfaces (see through).
	callable map[*types.TypeName]map[string]bool
	// deps are the signatures of the methods of the interfaces declared
	// outside the module, by name (nil: a generic interface's).
	deps map[string][]*types.Signature
	// lits are the interfaces spelled as literals that reached outside,
	// litsDirect whether each did itself (see walkedLiteral).
	lits       []*types.Interface
	litsDirect []bool
}

// walkFrom walks a type a conversion hands outside (depth 0).
func (o *outward) walkFrom(t types.Type) {
	d := o.depth
	o.depth = 0
	o.walk(t)
	o.depth = d
}

// outside reports whether a value of the interface t can be called by
// code outside the module: t is declared outside it (or spelled as a
// literal, which any package can spell), or it is one of the module's
// interfaces that reached outside.
func (o *outward) outside(t types.Type) bool {
	t = types.Unalias(t)
	if n, ok := t.(*types.Named); ok {
		obj := n.Origin().Obj()
		if obj.Pkg() != nil && o.ours(obj.Pkg()) {
			return o.named[obj]
		}
	}
	return true
}

// walk marks t and every type a value of it holds or its methods take
// and return.
func (o *outward) walk(t types.Type) {
	if t == nil || o.seen[t] {
		return
	}
	o.seen[t] = true
	if o.depth > 0 {
		o.nested[t] = true
	}
	switch t := t.(type) {
	case *types.Alias:
		o.walk(types.Unalias(t))
	case *types.Named:
		if args := t.TypeArgs(); args != nil {
			for i := 0; i < args.Len(); i++ {
				o.walk(args.At(i))
			}
		}
		obj := t.Origin().Obj()
		if obj.Pkg() == nil || !o.ours(obj.Pkg()) {
			return // a dependency's type holds the module's only by its type arguments
		}
		o.named[obj] = true
		if types.IsInterface(t) && o.depth == 0 {
			o.direct[obj] = true
		}
		o.depth++
		defer func() { o.depth-- }()
		if iface, ok := t.Underlying().(*types.Interface); ok {
			o.methods(iface)
		} else {
			o.walk(t.Underlying())
		}
		if !types.IsInterface(t) {
			ms := types.NewMethodSet(types.NewPointer(t))
			for i := 0; i < ms.Len(); i++ {
				o.signature(ms.At(i).Type().(*types.Signature))
			}
		}
	case *types.Pointer:
		o.walk(t.Elem())
	case *types.Slice:
		o.walk(t.Elem())
	case *types.Array:
		o.walk(t.Elem())
	case *types.Chan:
		o.walk(t.Elem())
	case *types.Map:
		o.walk(t.Key())
		o.walk(t.Elem())
	case *types.Struct:
		// Reflection reads an unexported field but calls no method of
		// what it read (reflect panics), so only the exported fields
		// and the embedded ones, whose methods the struct's are, hold
		// what reaches outside.
		for i := 0; i < t.NumFields(); i++ {
			if f := t.Field(i); f.Exported() || f.Embedded() {
				o.walk(f.Type())
			}
		}
	case *types.Interface:
		o.lits = append(o.lits, t)
		o.litsDirect = append(o.litsDirect, o.depth == 0)
		o.methods(t)
	}
	// A func value handed over is live itself (see referenced); what it
	// takes and returns is not outward by that alone: a dependency
	// injection container (wire's sets, fx's providers) calls the
	// constructors it is given, not the methods of what they build.
}

// methods walks the signatures of an outward interface's methods.
func (o *outward) methods(iface *types.Interface) {
	for i := 0; i < iface.NumMethods(); i++ {
		o.signature(iface.Method(i).Type().(*types.Signature))
	}
}

// signature walks the parameters and results of a method of an outward
// value: reflection calls it with values it makes and hands on what it
// returns (a template calls the methods of a method's result).
func (o *outward) signature(sig *types.Signature) {
	for _, tup := range []*types.Tuple{sig.Params(), sig.Results()} {
		for i := 0; i < tup.Len(); i++ {
			o.walk(tup.At(i).Type())
		}
	}
}

// depMethods are the methods of the interfaces declared at the top of
// the packages outside the module that its packages import, directly or
// not, by name, their signatures without receivers (see outward.deps):
// the interfaces a dependency may assert a value it holds to.
func (p *Program) depMethods() map[string][]*types.Signature {
	if p.deps != nil {
		return p.deps
	}
	out := map[string][]*types.Signature{}
	seen := map[*types.Package]bool{}
	var visit func(pkg *types.Package)
	visit = func(pkg *types.Package) {
		if pkg == nil || seen[pkg] {
			return
		}
		seen[pkg] = true
		for _, imp := range pkg.Imports() {
			visit(imp)
		}
		if p.pkgs[pkg.Path()] != nil {
			return
		}
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || !tn.Exported() {
				continue
			}
			iface, ok := tn.Type().Underlying().(*types.Interface)
			if !ok {
				continue
			}
			generic := false
			if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
				generic = true
			}
			for i := 0; i < iface.NumMethods(); i++ {
				m := iface.Method(i)
				if generic {
					out[m.Name()] = append(out[m.Name()], nil)
				} else {
					out[m.Name()] = append(out[m.Name()], unbound(m.Type().(*types.Signature)))
				}
			}
		}
	}
	for _, pkg := range p.loaded {
		visit(pkg.Types)
	}
	p.deps = out
	return out
}

// handedOn reports whether the interface value v may go, as it is, to
// code outside the module: any use but a call of it, a comparison, an
// argument of one of the module's functions called statically (whose
// parameter of the same literal type the module's code uses, and hands
// on by a conversion of its own if it does), or the value of a field of
// one of the module's structs.
func (k *keptIn) handedOn(v ssa.Value) bool {
	refs := v.Referrers()
	if refs == nil {
		return true
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.BinOp:
			if r.Op != token.EQL && r.Op != token.NEQ {
				return true
			}
		case *ssa.Call:
			cc := r.Common()
			if cc.Value == v {
				continue // a call of its method
			}
			if g := cc.StaticCallee(); g == nil || !k.fns[g] {
				return true
			}
		case *ssa.Store:
			// Kept in a field of a struct of the module's, it goes
			// where the struct goes (see outward.walk).
			fa, ok := r.Addr.(*ssa.FieldAddr)
			if !ok || r.Val != v || !k.ourStruct(fa.X.Type().Underlying().(*types.Pointer).Elem()) {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// ourStruct reports whether t is one of the module's named structs.
func (k *keptIn) ourStruct(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !k.ours(n.Obj().Pkg()) {
		return false
	}
	_, ok = n.Underlying().(*types.Struct)
	return ok
}
