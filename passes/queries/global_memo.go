package queries

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A value loaded once for the process and kept in a package-level
// variable, tested for being there before it is loaded:
//
//	var telemetry Telemetry
//
//	func fetchTelemetry() (Telemetry, error) {
//		if telemetry.Key != nil {
//			return telemetry, nil
//		}
//		var t Telemetry
//		err := db.QueryRow(`SELECT ...`).Scan(&t.Key) // the query
//		if err == nil {
//			telemetry = t
//		}
//		return t, err
//	}
//
// The statements after the test run only while the variable is empty, and
// fill it: once for the process (and again after a failure), not once per
// item of a loop around the call, as with an atomic pointer (see
// atomic_cache.go) or a receiver's lazy state (see lazy.go). What counts:
// an if statement with no else whose body ends in a return, whose
// condition tests a package-level variable, or a field of one, for being
// set (x != nil, len(x) > 0, x != ""), alone or ANDed with conditions that
// read only package-level names and constants; and a statement after it in
// the same block assigning that variable, or the field tested, or handing
// its address to a call (Scan(&x)), outside any function literal. It does not count when the package empties the
// variable anywhere (x = nil, x = "", x = T{}, or the field tested set to
// nil or ""): then the next call after that loads again.

// globalHit reports whether list[i] returns what a package-level variable
// holds, the statements after it filling it (see above).
func (a *analyzer) globalHit(list []ast.Stmt, i int) bool {
	info := a.pass.TypesInfo
	s, ok := list[i].(*ast.IfStmt)
	if !ok || s.Init != nil || s.Else != nil || len(s.Body.List) == 0 || i+1 >= len(list) {
		return false
	}
	if _, ok := s.Body.List[len(s.Body.List)-1].(*ast.ReturnStmt); !ok {
		return false
	}
	var x ast.Expr
	var root *types.Var
	for _, c := range conjuncts(s.Cond) {
		t := held(info, c)
		if t == nil {
			t = stringTest(info, c, token.NEQ)
		}
		if r := globalRoot(info, t); r != nil && root == nil {
			x, root = t, r
			continue
		}
		if !steady(info, c, nil) {
			return false
		}
	}
	if root == nil || a.resets(root) {
		return false
	}
	if sel, ok := ast.Unparen(x).(*ast.SelectorExpr); ok {
		if f, ok := info.Uses[sel.Sel].(*types.Var); ok && a.resets(f) {
			return false
		}
	}
	want := types.ExprString(ast.Unparen(x))
	filled := false
	for _, st := range list[i+1:] {
		ast.Inspect(st, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok && as.Tok == token.ASSIGN {
				for _, lhs := range as.Lhs {
					lhs = ast.Unparen(lhs)
					if id, ok := lhs.(*ast.Ident); ok && info.Uses[id] == root || types.ExprString(lhs) == want && selRoot(info, lhs) == root {
						filled = true
					}
				}
			}
			// Scan(&x): a call handed the variable's address fills it.
			if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND {
				if id, ok := ast.Unparen(u.X).(*ast.Ident); ok && info.Uses[id] == root || types.ExprString(ast.Unparen(u.X)) == want && selRoot(info, u.X) == root {
					filled = true
				}
			}
			_, lit := n.(*ast.FuncLit)
			return !filled && !lit
		})
		if filled {
			return true
		}
	}
	return false
}

// globalRoot is the package-level variable x is or selects a field of
// (telemetry, telemetry.Key), nil for other expressions.
func globalRoot(info *types.Info, x ast.Expr) *types.Var {
	if x == nil {
		return nil
	}
	v := selRoot(info, x)
	if v == nil || v.IsField() || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return nil
	}
	if sel, ok := ast.Unparen(x).(*ast.SelectorExpr); ok {
		if _, ok := info.Uses[sel.Sel].(*types.Var); !ok {
			return nil // a method value, a package's name
		}
	}
	return v
}
