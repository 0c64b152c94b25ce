package queries

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Fixed lists a function returns. A package keeps its defaults in a list
// written out once, and hands out copies so that no caller can change it:
//
//	var defaultTables = []string{"action", "filter", "indexer", ...}
//
//	func GetTables() []string { return append([]string(nil), defaultTables...) }
//
// A loop over what GetTables returns (tables := tools.GetTables(); for _,
// t := range tables) runs as often as one over the list itself: a fixed
// number of times, not once per item of data. What makes a function one:
// every return statement of its own (not a closure's) returns a fixed
// list — a composite literal with items, a package-level variable
// defined with one that nothing in its package assigns or takes the
// address of, append of such a variable's items to nil or to an empty
// literal (append([]T(nil), list...), append([]T{}, list...)), or
// slices.Clone of one. A function of another package carries it as a
// FixedList fact.

// fixedReturn is how many items the call's function returns when every
// return of it is a fixed list (see above): at most the longest.
func (r *resolver) fixedReturn(call *ast.CallExpr) (int, bool) {
	fn := typeutil.StaticCallee(r.pass.TypesInfo, call)
	if fn == nil {
		return 0, false
	}
	if fn.Pkg() != r.pass.Pkg {
		var f FixedList
		if fn.Pkg() != nil && r.pass.ImportObjectFact(fn, &f) {
			return f.Len, true
		}
		return 0, false
	}
	return r.returnsFixed(fn)
}

// returnsFixed is fixedReturn for a function of the package.
func (r *resolver) returnsFixed(fn *types.Func) (int, bool) {
	decl := r.funcs[fn]
	if decl == nil || decl.Body == nil {
		return 0, false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Results().Len() != 1 {
		return 0, false
	}
	most, ok, some := 0, true, false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a closure's returns are its own
		case *ast.ReturnStmt:
			if len(n.Results) != 1 {
				ok = false
				return false
			}
			k, good := r.fixedValue(n.Results[0])
			ok, some = good, true
			most = max(most, k)
		}
		return true
	})
	return most, ok && some
}

// fixedValue is the length of a fixed list an expression returns (see
// above).
func (r *resolver) fixedValue(e ast.Expr) (int, bool) {
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.CompositeLit:
		return fixedLen(e)
	case *ast.Ident:
		return r.fixedVar(e)
	case *ast.CallExpr:
		info := r.pass.TypesInfo
		if b, ok := info.Uses[identOf(e.Fun)].(*types.Builtin); ok && b.Name() == "append" {
			if len(e.Args) != 2 || !e.Ellipsis.IsValid() || !emptyList(info, e.Args[0]) {
				return 0, false
			}
			id, ok := ast.Unparen(e.Args[1]).(*ast.Ident)
			if !ok {
				return 0, false
			}
			return r.fixedVar(id)
		}
		if fn, _ := typeutil.Callee(info, e).(*types.Func); fn != nil && fn.FullName() == "slices.Clone" && len(e.Args) == 1 {
			if id, ok := ast.Unparen(e.Args[0]).(*ast.Ident); ok {
				return r.fixedVar(id)
			}
		}
	}
	return 0, false
}

// fixedVar is the length of the package-level list id names, defined
// with a literal that nothing in the package assigns again.
func (r *resolver) fixedVar(id *ast.Ident) (int, bool) {
	v, ok := r.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || r.addressed[v] {
		return 0, false
	}
	init, ok := r.pkgInit[v]
	if !ok {
		return 0, false
	}
	return fixedLen(init)
}

// emptyList matches nil, a conversion of nil ([]T(nil)) and an empty
// composite literal ([]T{}).
func emptyList(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.Ident:
		return info.Types[e].IsNil()
	case *ast.CompositeLit:
		return len(e.Elts) == 0
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return info.Types[e.Args[0]].IsNil()
		}
	}
	return false
}
