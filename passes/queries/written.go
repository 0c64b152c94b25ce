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
// The count adds up every write, whichever runs (an upper bound). ok is
// false for any other write (a list read from somewhere, an append in a
// loop, &v).
func Written(info *types.Info, fn ast.Node, v *types.Var) (n int, ok bool) {
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
	ok = true
	var stack []ast.Node
	// repeated reports whether the write at the top of the stack runs
	// more than once per declaration of v: a loop or a closure around it
	// that v is not declared in.
	repeated := func() bool {
		for _, s := range stack {
			switch s.(type) {
			case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
				if v.Pos() < s.Pos() || v.Pos() >= s.End() {
					return true
				}
			}
		}
		return false
	}
	ast.Inspect(fn, func(node ast.Node) bool {
		if node == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if !ok {
			return false
		}
		switch x := node.(type) {
		case *ast.AssignStmt:
			for k, lhs := range x.Lhs {
				if !is(lhs) {
					continue
				}
				if len(x.Lhs) != len(x.Rhs) || repeated() {
					ok = false
					return false
				}
				m, good := items(x.Rhs[k])
				n, ok = n+m, ok && good
			}
		case *ast.ValueSpec:
			for k, name := range x.Names {
				if info.Defs[name] != v || len(x.Values) == 0 {
					continue
				}
				if len(x.Values) != len(x.Names) || repeated() {
					ok = false
					return false
				}
				m, good := items(x.Values[k])
				n, ok = n+m, ok && good
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
		if ok {
			stack = append(stack, node) // popped by the call with nil
		}
		return ok
	})
	return n, ok
}
