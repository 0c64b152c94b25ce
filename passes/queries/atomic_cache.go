package queries

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/dbapi"
)

// A value loaded once for the process and kept in an atomic pointer:
//
//	if c := cache.Load(); c != nil {
//		return c, nil
//	}
//	c, err := load(ctx) // the query
//	...
//	cache.Store(c)
//
// The statements after the test run only while nothing is stored, and
// store what they computed: once for the process (concurrent first
// calls aside), not once per item of a loop around the call. The
// pointer must outlive the call (a field or a package-level variable of
// sync/atomic's Pointer or Value) and be stored after the test in the
// same block.

// atomicHit reports whether list[i] returns what an atomic cache holds,
// the statements after it filling the cache (see above).
func atomicHit(info *types.Info, list []ast.Stmt, i int) bool {
	ifs, ok := list[i].(*ast.IfStmt)
	if !ok || ifs.Init == nil || ifs.Else != nil || len(ifs.Body.List) == 0 {
		return false
	}
	if _, ok := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt); !ok {
		return false
	}
	as, ok := ifs.Init.(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return false
	}
	ptr := atomicCall(info, as.Rhs[0], "Load")
	if ptr == nil {
		return false
	}
	// The test is of what was loaded: v != nil.
	b, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	v := info.Defs[as.Lhs[0].(*ast.Ident)]
	if !(isNil(info, b.Y) && identIs(info, b.X, v) || isNil(info, b.X) && identIs(info, b.Y, v)) {
		return false
	}
	stored := false
	for _, st := range list[i+1:] {
		ast.Inspect(st, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok && atomicCall(info, e, "Store") == ptr {
				stored = true
			}
			_, lit := n.(*ast.FuncLit)
			return !stored && !lit
		})
	}
	return stored
}

// atomicCall is the long-lived variable (a field or a package-level
// variable) whose sync/atomic Pointer or Value method name e calls.
func atomicCall(info *types.Info, e ast.Expr, name string) *types.Var {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if fn == nil || !isSel || fn.Name() != name || fn.Pkg() == nil || fn.Pkg().Path() != "sync/atomic" {
		return nil
	}
	if r := dbapi.RecvName(fn); r != "Pointer" && r != "Value" {
		return nil
	}
	v := varOf(info, sel.X)
	if v == nil || v.Pkg() == nil || !(v.IsField() || v.Parent() == v.Pkg().Scope()) {
		return nil
	}
	return v
}

func identIs(info *types.Info, e ast.Expr, obj types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && obj != nil && info.Uses[id] == obj
}
