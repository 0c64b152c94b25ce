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
// itself converted to an outside one, or held in an outward value: then
// every type converted to it is outward. A type a dependency's generic
// function or type is instantiated with reaches the dependency's code
// with no conversion the module's code spells, so it is outward too.
//
// A value made into an empty interface that stays in the module's code
// (see keptIn: a dependency set into the module's own context as any
// and asserted back) reaches nobody outside; nor does one only handed
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
func (p *Program) outwardTypes(live func(*Func) bool, narrow map[string]bool) map[*types.TypeName]bool {
	o := &outward{ours: func(pkg *types.Package) bool { return p.pkgs[pkg.Path()] != nil }, named: map[*types.TypeName]bool{}, seen: map[types.Type]bool{}, narrow: narrow}
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
			if live(c.in) && o.outside(c.to) && !o.seen[c.from] && o.lets(c) {
				o.walk(c.from)
				changed = true
			}
		}
	}
	return o.named
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
}

// conversion records the interface value v made of a value of type from
// in f: one made into an empty interface may stay in the module (see
// keptIn).
func (k *keptIn) conversion(f *Func, v ssa.Value, from types.Type) conversion {
	c := conversion{in: f, from: from, to: v.Type()}
	if iface, ok := v.Type().Underlying().(*types.Interface); ok && iface.Empty() {
		c.kept, c.guards = k.kept(v)
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
		o.walk(t.Underlying())
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
		for i := 0; i < t.NumMethods(); i++ {
			o.signature(t.Method(i).Type().(*types.Signature))
		}
	}
	// A func value handed over is live itself (see referenced); what it
	// takes and returns is not outward by that alone: a dependency
	// injection container (wire's sets, fx's providers) calls the
	// constructors it is given, not the methods of what they build.
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
