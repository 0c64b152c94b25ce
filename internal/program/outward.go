package program

import (
	"go/types"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
)

// outwardTypes finds the module's named types whose methods code outside
// the module may call, by the position of their declaration: those whose
// values reach a dependency as an interface. A value converted to an
// interface declared outside the module (http.Handler, sql.Scanner,
// fmt.Stringer, error, any) reaches code that can call its methods
// through that interface, or any other by a type assertion or
// reflection; and so does every value it holds (an encoder walks a
// struct's fields, a template calls the methods of what a method
// returns), so the types of its fields, elements and methods' parameters
// and results are outward too. A value of one of the module's interfaces
// is called through it in the graph, unless that interface is itself
// converted to an outside one, or held in an outward value: then every
// type converted to it is outward. A type a dependency's generic
// function or type is instantiated with reaches the dependency's code
// with no conversion the module's code spells, so it is outward too.
// See Unreached.
func outwardTypes(fns map[*ssa.Function]bool, mods []*packages.Package, ours func(*types.Package) bool) map[*types.TypeName]bool {
	type conv struct{ from, to types.Type } // a value of from made into, or asserted as, the interface to
	var convs []conv
	o := &outward{ours: ours, named: map[*types.TypeName]bool{}, seen: map[types.Type]bool{}}
	for fn := range fns {
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				switch in := instr.(type) {
				case *ssa.MakeInterface:
					convs = append(convs, conv{in.X.Type(), in.Type()})
				case *ssa.ChangeInterface:
					convs = append(convs, conv{in.X.Type(), in.Type()})
				case *ssa.TypeAssert:
					if types.IsInterface(in.AssertedType) {
						convs = append(convs, conv{in.X.Type(), in.AssertedType})
					}
				}
			}
		}
	}
	for _, m := range mods {
		if m.TypesInfo == nil {
			continue
		}
		for id, inst := range m.TypesInfo.Instances {
			obj := m.TypesInfo.Uses[id]
			if obj == nil || obj.Pkg() == nil || ours(obj.Pkg()) {
				continue
			}
			for i := 0; i < inst.TypeArgs.Len(); i++ {
				o.walk(inst.TypeArgs.At(i))
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, c := range convs {
			if o.outside(c.to) && !o.seen[c.from] {
				o.walk(c.from)
				changed = true
			}
		}
	}
	return o.named
}

// outward walks the types whose values reach code outside the module.
type outward struct {
	ours  func(*types.Package) bool
	named map[*types.TypeName]bool // the module's named types reached, by their generic origin
	seen  map[types.Type]bool
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
