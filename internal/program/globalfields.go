package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A program often keeps its commands, jobs or handlers in package
// variables made by one literal each (var Http = &gcmd.Command{Name:
// "http", Func: func(...) {...}}) and calls one of them by name
// (Http.Func(ctx, parser)). The call graph's type propagation is
// field-based: every function stored into Command.Func flows to every
// read of it, so that call reached every command's code, an operator's
// one-off repair among them, as what the server's start runs.
//
// ownLiteral narrows such a call to the function the variable's literal
// stores, and those assignments of the module set that variable's field
// to (Requeue.Func = requeueFailed), when nothing else can have changed
// it: the variable is written only by its declaration (in the package's
// initializer, one store of one value made there), the field of that
// value is stored once there, and every other assignment of the field in
// the module is one of this variable's, of a function named.

// ownLiteral returns, of callees, those the package variable's literal
// and its assignments store in the field v reads; callees as they are
// when v is no such read or none of those is among them.
func (b *builder) ownLiteral(v ssa.Value, callees []*Func) []*Func {
	if len(callees) < 2 {
		return callees
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return callees
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok {
		return callees
	}
	// What a global pointer holds (var Cmd = &Command{...}); a struct
	// variable's fields (var Cmd Command) are stored one by one, anywhere:
	// not followed.
	ptr, ok := fa.X.(*ssa.UnOp)
	if !ok || ptr.Op != token.MUL {
		return callees
	}
	g, ok := ptr.X.(*ssa.Global)
	if !ok {
		return callees
	}
	made, ok := soleStore(g).(*ssa.Alloc)
	if !ok {
		return callees
	}
	gv, ok := g.Object().(*types.Var)
	if !ok || !b.onlyDeclared(gv) {
		return callees
	}
	st, ok := under(derefType(fa.X.Type())).(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return callees
	}
	set, ok := b.assignedOn(st.Field(fa.Field), gv)
	if !ok {
		return callees
	}
	val := soleFieldStore(made, fa.Field)
	if val == nil {
		return callees
	}
	n := len(set)
	b.valueFuncs(val, 0, false, func(g *Func) { set = append(set, g) }) // a literal, a function, what a factory returns
	if len(set) == n {
		return callees
	}
	var out []*Func
	for _, c := range callees {
		if slices.Contains(set, c) {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return callees
	}
	return out
}

// soleStore is the value stored into the global g by its package's
// initializer, when one store does (a global keeps no referrers; that
// nothing else writes it is onlyDeclared's to say).
func soleStore(g *ssa.Global) ssa.Value {
	init, _ := g.Pkg.Members["init"].(*ssa.Function)
	if init == nil {
		return nil
	}
	var val ssa.Value
	for _, blk := range init.Blocks {
		for _, in := range blk.Instrs {
			st, ok := in.(*ssa.Store)
			if !ok || st.Addr != g {
				continue
			}
			if val != nil {
				return nil
			}
			val = st.Val
		}
	}
	return val
}

// soleFieldStore is the value stored into field i of the struct x
// allocates, when one store does and the field's address goes nowhere
// else.
func soleFieldStore(x ssa.Value, i int) ssa.Value {
	var val ssa.Value
	for _, r := range *x.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa.Field != i {
			continue
		}
		for _, rr := range *fa.Referrers() {
			switch rr := rr.(type) {
			case *ssa.Store:
				if rr.Addr != fa || val != nil {
					return nil
				}
				val = rr.Val
			case *ssa.UnOp: // a load
			default:
				return nil // the field's address handed on
			}
		}
	}
	return val
}

// onlyDeclared reports whether the package variable v is written only by
// its declaration (see FilledAtStart's index): nothing assigns it, takes
// its address, or hands it to a decoder.
func (b *builder) onlyDeclared(v *types.Var) bool {
	places := b.p.writesIndex().of[v.Origin()]
	return len(places) == 1 && places[0].top && !places[0].lit
}

// assignedOn are the functions the module's assignments set the field f
// of the package variable v to (v.F = g); false when an assignment sets
// f of anything else (x.F = g: x may be v), or sets it to anything but a
// function of the module named.
func (b *builder) assignedOn(f *types.Var, v *types.Var) ([]*Func, bool) {
	var out []*Func
	for _, pl := range b.p.writesIndex().of[f.Origin()] {
		if pl.lit {
			continue
		}
		if pl.on != v || pl.val == nil || pl.info == nil {
			return nil, false
		}
		var obj types.Object
		switch x := ast.Unparen(pl.val).(type) {
		case *ast.Ident:
			obj = pl.info.Uses[x]
		case *ast.SelectorExpr:
			obj = pl.info.Uses[x.Sel]
		}
		fn, ok := obj.(*types.Func)
		if !ok || fn.Signature().Recv() != nil {
			return nil, false
		}
		g := b.funcs[b.prog.FuncValue(fn)]
		if g == nil {
			return nil, false
		}
		out = append(out, g)
	}
	return out, true
}
