package queries

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Lazy state of a receiver. An iterator over a result set often runs its
// statement on the first call that needs a row, not when it is made:
//
//	func (t *Iterator) Next(ctx context.Context) (*Row, error) {
//		if t.rows == nil {
//			if err := t.fetch(ctx); err != nil { // t.rows, err = t.db.QueryContext(...)
//				return nil, err
//			}
//		}
//		... // scan the next row of t.rows
//	}
//
// The statement runs once per iterator, however often Next is called: a
// loop calling Next on one iterator, or advancing a few iterators made
// before it (a merge, a union), runs it once per iterator, not once per
// item. A loop that makes a new iterator per item and reads it is still
// an N+1: the statement runs once per iterator, and there is one per
// item. The pass marks the calls such a statement makes
// (Result.PerRecv); the whole-program graph follows the receiver up to
// the loop and decides there (see program.Call.PerRecv).
//
// What counts: an if statement of a method whose condition tests a field
// of the receiver for emptiness (t.rows == nil, len(t.buf) == 0), or a
// bool field for false (!t.started), and whose body sets that field
// (t.rows = ..., t.started = true), itself or in a method of the package
// it calls on the receiver (three calls deep). A closure's receiver is
// its enclosing method's: a fill in a closure stays a process-wide one,
// as it was.

// recvFill reports whether s, in n, fills its receiver's state lazily
// (see above).
func (a *analyzer) recvFill(n *funcNode, s *ast.IfStmt) bool {
	if _, ok := n.node.(*ast.FuncDecl); !ok || n.fn == nil {
		return false // a closure: no receiver of its own
	}
	recv := n.fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return false
	}
	info := a.pass.TypesInfo
	field, flag := recvState(info, s.Cond, recv)
	return field != nil && a.setsField(s.Body, recv, field, flag, 0)
}

// recvState is the field of recv that cond tests for emptiness (nil,
// length 0), or, flag set, the bool field it tests for false; nil when
// cond is no such test.
func recvState(info *types.Info, cond ast.Expr, recv *types.Var) (field *types.Var, flag bool) {
	cond = ast.Unparen(cond)
	if u, ok := cond.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		v := recvField(info, u.X, recv)
		if v == nil {
			return nil, false
		}
		if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
			return nil, false
		}
		return v, true
	}
	return recvField(info, emptied(info, cond), recv), false
}

// recvField is the field x selects from recv (t.rows, t.state.rows), nil
// when x is no such selection.
func recvField(info *types.Info, x ast.Expr, recv *types.Var) *types.Var {
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	v, ok := info.Uses[sel.Sel].(*types.Var)
	if !ok || !v.IsField() || selRoot(info, sel.X) != recv {
		return nil
	}
	return v
}

// selRoot is the variable a chain of selections and dereferences starts
// from (t of t.a.b), nil when it starts from something else.
func selRoot(info *types.Info, x ast.Expr) *types.Var {
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.SelectorExpr:
			x = e.X
		case *ast.StarExpr:
			x = e.X
		case *ast.Ident:
			v, _ := info.Uses[e].(*types.Var)
			return v
		default:
			return nil
		}
	}
}

// setsField reports whether body, run with recv as its receiver, sets
// field of it (to true, when flag is set): itself, or in a method of the
// package it calls on recv, depth calls down already.
func (a *analyzer) setsField(body ast.Node, recv, field *types.Var, flag bool, depth int) bool {
	info := a.pass.TypesInfo
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // runs when called, perhaps never
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN {
				return true
			}
			for i, lhs := range n.Lhs {
				if recvField(info, lhs, recv) != field {
					continue
				}
				if !flag || len(n.Rhs) == len(n.Lhs) && isTrue(info, n.Rhs[i]) {
					found = true
				}
			}
		case *ast.CallExpr:
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || depth >= 3 {
				return true
			}
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); !ok || info.Uses[id] != recv {
				return true // not a method of the same receiver
			}
			fn := typeutil.StaticCallee(info, n)
			if fn == nil {
				return true
			}
			decl := a.caches().decl(fn)
			if decl == nil || decl.Recv == nil || len(decl.Recv.List) != 1 || len(decl.Recv.List[0].Names) != 1 {
				return true
			}
			if inner, ok := info.Defs[decl.Recv.List[0].Names[0]].(*types.Var); ok && a.setsField(decl.Body, inner, field, flag, depth+1) {
				found = true
			}
		}
		return true
	})
	return found
}
