package queries

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Written is how many items at most the writes of v, a local variable
// declared in fn (a function, or any node holding v's declaration and
// its uses), put in it, when every write is a composite literal or an
// append of items written out, none repeated — in a loop or a closure
// that does not also declare v afresh:
//
//	mws := []Middleware{auth}
//	if cfg.Log {
//		mws = append(mws, logger)
//	}
//
//	candidates := []string{refresh, access}
//	if hint == access {
//		candidates = []string{access, refresh}
//	}
//
// A map also holds the keys put in it (m[k] = e, none repeated), from
// an empty make(map[K]V) on:
//
//	meta := make(map[string]string)
//	meta["version"] = version
//	meta["arch"] = arch
//
// The count adds up every write, whichever runs (an upper bound). ok is
// false for any other write (a list read from somewhere, an append in a
// loop, &v), and for a map handed to a function before use, the position
// of the use counted for (which may put any keys).
func Written(info *types.Info, fn ast.Node, v *types.Var, use token.Pos) (n int, ok bool) {
	if fn == nil || v.Pos() < fn.Pos() || v.Pos() >= fn.End() {
		return 0, false // not a local of fn
	}
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.ObjectOf(id) == v
	}
	// items is how many items an expression assigned to v holds.
	items := func(e ast.Expr) (int, bool) {
		switch e := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			return len(e.Elts), true
		case *ast.CallExpr:
			if isMake(info, e) {
				return 0, true // make(map[K]V): the keys come from its puts
			}
			if b, ok := info.Uses[identOf(e.Fun)].(*types.Builtin); !ok || b.Name() != "append" || len(e.Args) == 0 || !is(e.Args[0]) {
				return 0, false
			}
			if !e.Ellipsis.IsValid() {
				return len(e.Args) - 1, true
			}
			lit, ok := ast.Unparen(e.Args[len(e.Args)-1]).(*ast.CompositeLit)
			if !ok {
				return 0, false // append(v, other...): as many as other holds
			}
			return len(e.Args) - 2 + len(lit.Elts), true
		}
		return 0, false
	}
	ok = Writes(info, fn, v, func(w LocalWrite) bool {
		if w.Value == nil || repeated(w.Around, v) {
			return false
		}
		m, good := items(w.Value)
		n += m
		return good
	})
	if _, isMap := v.Type().Underlying().(*types.Map); isMap && ok {
		m, good := Puts(info, fn, v, use)
		n, ok = n+m, good
	}
	return n, ok
}

// isMake matches make(M) and make(M, hint) of a map type M.
func isMake(info *types.Info, call *ast.CallExpr) bool {
	b, ok := info.Uses[identOf(call.Fun)].(*types.Builtin)
	if !ok || b.Name() != "make" || len(call.Args) == 0 {
		return false
	}
	_, isMap := underlying(info.TypeOf(call.Args[0])).(*types.Map)
	return isMap
}

// Puts is how many keys the writes of v[k] = e put in v, a local map
// declared in fn, when none is repeated (in a loop or a closure that does
// not also declare v afresh) and v is handed to no function nor method
// (which may put any keys) before use (or repeatedly); ok is false
// otherwise.
func Puts(info *types.Info, fn ast.Node, v *types.Var, use token.Pos) (n int, ok bool) {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.ObjectOf(id) == v
	}
	ok = InspectAround(fn, func(node ast.Node, stack []ast.Node) bool {
		ok := true
		switch x := node.(type) {
		case *ast.AssignStmt:
			for _, lhs := range x.Lhs {
				if ix, isIndex := ast.Unparen(lhs).(*ast.IndexExpr); isIndex && is(ix.X) {
					n++
					ok = ok && !repeated(stack, v)
				}
			}
		case *ast.CallExpr:
			if b, isBuiltin := info.Uses[identOf(x.Fun)].(*types.Builtin); isBuiltin && (b.Name() == "len" || b.Name() == "delete") {
				break
			}
			after := use.IsValid() && x.Pos() >= use && !repeated(stack, v)
			for _, a := range x.Args {
				ok = ok && (after || !is(a))
			}
			if sel, isSel := ast.Unparen(x.Fun).(*ast.SelectorExpr); isSel && is(sel.X) && !after {
				ok = false // a method of a named map type
			}
		}
		return ok
	})
	return n, ok
}

// InspectAround walks fn as ast.Inspect does, giving visit each node and
// the nodes enclosing it, outermost first; it stops, and reports false,
// at the first node visit rejects.
func InspectAround(fn ast.Node, visit func(node ast.Node, around []ast.Node) bool) bool {
	ok := true
	var stack []ast.Node
	ast.Inspect(fn, func(node ast.Node) bool {
		if node == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if ok = ok && visit(node, stack); ok {
			stack = append(stack, node) // popped by the call with nil
		}
		return ok
	})
	return ok
}

// LocalWrite is one write setting a local variable whole: v = Value (or
// v := Value, var v = Value), or v, err := Call() setting v to the
// call's Index-th result (Value nil). Around are the nodes enclosing the
// write, outermost first.
type LocalWrite struct {
	Value  ast.Expr
	Call   *ast.CallExpr
	Index  int
	Around []ast.Node
}

// Writes calls visit with each write of v, a local variable declared in
// fn, and reports whether every write sets v whole (none of v += e, v++,
// &v, a range assigning v, a multi-value write of no call) and visit
// accepted each; it stops at the first that does not.
func Writes(info *types.Info, fn ast.Node, v *types.Var, visit func(LocalWrite) bool) bool {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.ObjectOf(id) == v
	}
	// write visits the k-th of lhs, set from rhs.
	write := func(k, lhs int, rhs []ast.Expr, around []ast.Node) bool {
		switch {
		case lhs == len(rhs):
			return visit(LocalWrite{Value: rhs[k], Around: around})
		case len(rhs) == 1:
			if call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr); ok {
				return visit(LocalWrite{Call: call, Index: k, Around: around})
			}
			if lhs == 2 && k == 0 && commaOK(rhs[0]) {
				return visit(LocalWrite{Value: rhs[0], Around: around}) // v, ok := m[k]: m[k]
			}
		}
		return false
	}
	return InspectAround(fn, func(node ast.Node, stack []ast.Node) bool {
		ok := true
		switch x := node.(type) {
		case *ast.AssignStmt:
			for k, lhs := range x.Lhs {
				if is(lhs) {
					ok = ok && (x.Tok == token.ASSIGN || x.Tok == token.DEFINE) && write(k, len(x.Lhs), x.Rhs, stack)
				}
			}
		case *ast.ValueSpec:
			for k, name := range x.Names {
				if info.Defs[name] == v && len(x.Values) > 0 {
					ok = ok && write(k, len(x.Names), x.Values, stack)
				}
			}
		case *ast.IncDecStmt:
			if is(x.X) {
				ok = false
			}
		case *ast.UnaryExpr:
			if x.Op == token.AND && is(x.X) {
				ok = false
			}
		case *ast.RangeStmt:
			if x.Tok == token.ASSIGN && (x.Key != nil && is(x.Key) || x.Value != nil && is(x.Value)) {
				ok = false
			}
		}
		return ok
	})
}

// commaOK reports whether e is a comma-ok form's operand: a map index, a
// type assertion, a receive.
func commaOK(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.IndexExpr, *ast.TypeAssertExpr:
		return true
	case *ast.UnaryExpr:
		return e.Op == token.ARROW
	}
	return false
}

// repeated reports whether a write within around runs more than once per
// declaration of v: a loop or a closure around it that v is not
// declared in.
func repeated(around []ast.Node, v *types.Var) bool {
	for _, s := range around {
		switch s.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
			if v.Pos() < s.Pos() || v.Pos() >= s.End() {
				return true
			}
		}
	}
	return false
}
