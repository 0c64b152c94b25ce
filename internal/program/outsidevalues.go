package program

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Values from outside the module, behind an interface of the module.
//
// A call of a method of one of the module's interfaces that the call
// graph gives no callee is resolved by the types alone (Call.Assumed):
// every implementation in the module is a candidate, as for a value
// that came through a dependency injection container or reflection.
// But when the module's own code shows where the value comes from, and
// it is a dependency's — a helper taking a small interface of its own,
// handed a hash or a buffer —
//
//	type byteSink interface{ Write(p []byte) (int, error) }
//
//	func writeBytes(w byteSink, b []byte) { w.Write(b) }
//
//	h := sha256.New()
//	writeBytes(h, []byte(rule.Prefix))
//
// the module's implementations of Write (a WebDAV file that writes
// through the filer's store, on seaweedfs) are not what runs, and a loop
// computing hashes does not run their queries: the call is a leaf, as a
// call into a dependency is.

// maxOutsideDepth bounds the parameters fromOutside follows up to the
// arguments their function's callers pass.
const maxOutsideDepth = 3

// fromOutside reports whether every value the module's code shows v can
// be comes from outside the module: what a dependency's function or a
// method of a dependency's type answers as a type of a dependency, a
// dependency's type made an interface, or a
// parameter that every call of its function hands such a value (the
// function called only where the graph sees it: not taken as a value,
// nor a method some call through an interface may run).
// Anything else — a field, a global, a closure's capture, a module
// function's result — may hold one of the module's values.
func (b *builder) fromOutside(v ssa.Value, depth int) bool {
	return b.outsideValue(v, depth, map[ssa.Value]bool{})
}

// outsideValue is fromOutside's walk; seen are the values on its way (a
// loop's phi comes back to itself: no source of its own).
func (b *builder) outsideValue(v ssa.Value, depth int, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return true
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.ChangeInterface:
		return b.outsideValue(v.X, depth, seen)
	case *ssa.MakeInterface:
		return b.dependencyType(v.X.Type())
	case *ssa.Call:
		return b.outsideCall(v.Common()) && b.dependencyType(v.Type())
	case *ssa.Extract:
		if c, ok := v.Tuple.(*ssa.Call); ok {
			return b.outsideCall(c.Common()) && b.dependencyType(v.Type())
		}
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !b.outsideValue(e, depth, seen) {
				return false
			}
		}
		return len(v.Edges) > 0
	case *ssa.Parameter:
		fn := v.Parent()
		if depth == 0 || fn == nil || fn.Parent() != nil || b.funcs[fn] == nil || b.takenAsValue(fn) {
			return false
		}
		i := slices.Index(fn.Params, v)
		callers := b.staticCallers()[fn]
		if i < 0 || len(callers) == 0 {
			return false
		}
		for _, cc := range callers {
			if i >= len(cc.Args) || !b.outsideValue(cc.Args[i], depth-1, seen) {
				return false
			}
		}
		return true
	}
	return false
}

// outsideCall reports whether cc calls a dependency's function or method
// statically. (A method of a dependency's interface may be the module's:
// a context's Value answers what the module put there.)
func (b *builder) outsideCall(cc *ssa.CallCommon) bool {
	fn := cc.StaticCallee()
	if cc.IsInvoke() || fn == nil || fn.Pkg == nil {
		return false // a func value, a builtin, a wrapper the compiler made
	}
	return b.p.pkgs[fn.Pkg.Pkg.Path()] == nil
}

// dependencyType reports whether t, or what it points to, is a named
// type of a dependency (hash.Hash, *bytes.Buffer): what a dependency's
// function answers as one of those is its own. One answering any, or a
// type of the module (a container's Get, a generic Invoke[Store]), may
// answer the module's values: a dependency injection container's.
func (b *builder) dependencyType(t types.Type) bool {
	n, ok := types.Unalias(derefType(t)).(*types.Named)
	return ok && n.Obj().Pkg() != nil && b.p.pkgs[n.Obj().Pkg().Path()] == nil && n.TypeArgs().Len() == 0
}

// takenAsValue reports whether the module takes fn as a value anywhere,
// or calls a method of its name through an interface (see valueRefs):
// its calls may then be ones staticCallers does not list.
func (b *builder) takenAsValue(fn *ssa.Function) bool {
	if b.valued == nil {
		b.valued, b.invoked = b.valueRefs()
	}
	obj, ok := fn.Object().(*types.Func)
	return !ok || b.valued[obj.Origin()] || fn.Signature.Recv() != nil && b.invoked[fn.Name()]
}
