package queryinloop

import (
	"go/ast"
	"go/types"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// sameEachItem says whether call, in fn (a *ast.FuncDecl or
// *ast.FuncLit), passes nothing the loops of items make anew per item:
// the function it calls, its receiver and its arguments are made before
// them (queries.Flow; a context aside), no condition on what they make
// per item chooses the items it runs for (`if !ch.Enable { continue }`),
// and the loops' bodies change no state the callee could read instead (a
// field, a package variable, an element of what the call is handed, a
// method of a value made before the loop handed something made per
// item: s.set(it); s.flush()). Each item then runs the same statements
// with the same arguments: the fix is to run the call once, not to
// batch the items. The loops must be fn's own, around the call.
func sameEachItem(info *types.Info, fn ast.Node, call *ast.CallExpr, items []*queries.Loop) bool {
	if fn == nil || len(items) == 0 {
		return false
	}
	for _, l := range items {
		if l.Node == nil || l.Node.Pos() < fn.Pos() || l.Node.End() > fn.End() || call.Pos() < l.Node.Pos() || call.End() > l.Node.End() {
			return false
		}
	}
	f := queries.NewFlow(info, fn)
	if f == nil {
		return false
	}
	varies := func(x ast.Expr) bool { _, v := f.From(x, items); return v }
	exprs := []ast.Expr{call.Fun}
	for _, arg := range call.Args {
		if !isContext(info, arg) {
			exprs = append(exprs, arg)
		}
	}
	passed := map[*types.Var]bool{}
	for _, x := range exprs {
		if varies(x) {
			return false
		}
		ast.Inspect(x, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok {
					passed[v] = true
				}
			}
			return true
		})
	}
	for _, l := range items {
		if changesState(info, fn, l.Node, call, passed, varies) || chooses(l.Node, call, varies) {
			return false
		}
	}
	return true
}

// chooses says whether a condition in the body of loop, around call or
// before it, tests what varies per item: the call runs for some items
// only, which one call above the loop does not say.
func chooses(loop ast.Stmt, call *ast.CallExpr, varies func(ast.Expr) bool) bool {
	found := false
	ast.Inspect(loop, func(n ast.Node) bool {
		if n == nil || found {
			return false
		}
		if n != loop && n.Pos() >= call.Pos() && !(n.Pos() <= call.Pos() && call.End() <= n.End()) {
			return false // after the call, and not around it
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			found = varies(n.Cond)
		case *ast.SwitchStmt:
			found = n.Tag != nil && varies(n.Tag)
		case *ast.CaseClause:
			for _, e := range n.List {
				found = found || varies(e)
			}
		case *ast.TypeSwitchStmt:
			found = true
		case *ast.ForStmt:
			found = n != loop && n.Cond != nil && varies(n.Cond)
		}
		return !found
	})
	return found
}

// changesState says whether the body of loop writes state a call in it
// could read (see sameEachItem).
func changesState(info *types.Info, fn ast.Node, loop ast.Stmt, call *ast.CallExpr, passed map[*types.Var]bool, varies func(ast.Expr) bool) bool {
	inLoop := func(v *types.Var) bool { return loop.Pos() <= v.Pos() && v.Pos() < loop.End() }
	shared := func(lhs ast.Expr) bool {
		v := queries.Root(info, lhs)
		if _, plain := ast.Unparen(lhs).(*ast.Ident); plain {
			// A local: Flow follows what the call reads of it; a package
			// variable the callee may read.
			return v != nil && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
		}
		switch {
		case v == nil:
			return true // through a call's result
		case inLoop(v):
			return false // the item's own
		case v.Pkg() != nil && v.Parent() == v.Pkg().Scope(), !(fn.Pos() <= v.Pos() && v.Pos() < fn.End()):
			return true // a package variable, or the caller's
		}
		return passed[v] || isParamOf(info, fn, v)
	}
	found := false
	ast.Inspect(loop, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				found = found || shared(lhs)
			}
		case *ast.IncDecStmt:
			found = found || shared(n.X)
		case *ast.CallExpr:
			if n == call {
				return false
			}
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || info.Selections[sel] == nil || info.Selections[sel].Kind() != types.MethodVal || varies(sel.X) {
				break
			}
			for _, arg := range n.Args {
				if varies(arg) {
					found = true // s.set(it): the receiver keeps the item
				}
			}
		}
		return !found
	})
	return found
}

// isParamOf says whether v is a parameter or the receiver of fn.
func isParamOf(info *types.Info, fn ast.Node, v *types.Var) bool {
	var ft *ast.FuncType
	var recv *ast.FieldList
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		ft, recv = fn.Type, fn.Recv
	case *ast.FuncLit:
		ft = fn.Type
	}
	for _, fl := range []*ast.FieldList{recv, ft.Params} {
		if fl == nil {
			continue
		}
		for _, field := range fl.List {
			for _, name := range field.Names {
				if info.Defs[name] == v {
					return true
				}
			}
		}
	}
	return false
}

// isContext says whether x is a context.Context.
func isContext(info *types.Info, x ast.Expr) bool {
	t := info.TypeOf(x)
	return t != nil && types.TypeString(t, nil) == "context.Context"
}
