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
	recv := methodRecv(n)
	if recv == nil {
		return false
	}
	info := a.pass.TypesInfo
	field, flag := recvState(info, s.Cond, recv)
	return field != nil && a.setsField(s.Body, recv, field, flag, 0)
}

// methodRecv is the receiver of n when n is a method's declaration; nil
// for a function, and for a closure, which has no receiver of its own.
func methodRecv(n *funcNode) *types.Var {
	if _, ok := n.node.(*ast.FuncDecl); !ok || n.fn == nil {
		return nil
	}
	return n.fn.Type().(*types.Signature).Recv()
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

// A getter that hands back what its receiver holds, and builds it only
// when the receiver holds nothing yet, is the same lazy fill written the
// other way round:
//
//	func (d *Deps) Settings() *Settings {
//		if d.settings != nil {
//			return d.settings
//		}
//		d.settings = LoadSettings(d.db) // queries: once per container
//		return d.settings
//	}
//
// What the statements after the test run, they run once per receiver
// (for a container the program keeps, once per process), not once per
// call of the getter: a loop or a request that calls it pays nothing
// after the first call. What counts: an if statement of a method whose
// condition tests a field of the receiver for being set (d.x != nil,
// len(d.x) > 0), alone or ANDed with conditions that read only the
// receiver, package-level names and constants, whose body returns, and
// after which the block sets that field (itself or in a method of the
// package it calls on the receiver). It does not count when the package
// sets the field back to nil anywhere (d.x = nil: a reset, after which
// the next call builds again), nor when the extra condition reads a
// local, or a parameter other than a bool flag the method reads as
// `!reload`: with one, the fill holds for the calls passing the constant
// false (the whole-program graph decides per call).

// recvHit reports whether list[i], in n, returns what its receiver
// holds when set, the rest of list filling it (see above).
//
// flag, when not 0, says the test is ANDed with `!p` for the method's
// bool parameter p (flag-1 its index among the parameters, the receiver
// not counted), which nothing in the method assigns: a call passing the
// constant false keeps the fast path, any other value makes that call
// build again (see program.Call.Unless).
func (a *analyzer) recvHit(n *funcNode, list []ast.Stmt, i int) (ok bool, flag int) {
	s, ok := list[i].(*ast.IfStmt)
	if !ok || s.Init != nil || s.Else != nil || i+1 >= len(list) || len(s.Body.List) == 0 {
		return false, 0
	}
	if _, ok := s.Body.List[len(s.Body.List)-1].(*ast.ReturnStmt); !ok {
		return false, 0 // the hit goes on: not a getter's fast path
	}
	recv := methodRecv(n)
	if recv == nil {
		return false, 0
	}
	info := a.pass.TypesInfo
	var field *types.Var
	for _, c := range conjuncts(s.Cond) {
		if v := recvField(info, held(info, c), recv); v != nil && field == nil {
			field = v
			continue
		}
		if k := a.offFlag(n, c); k > 0 && flag == 0 {
			flag = k
			continue
		}
		if !steady(info, c, recv) {
			return false, 0 // a caller's switch, or a value of this call
		}
	}
	if field == nil || a.resets(field) {
		return false, 0
	}
	rest := &ast.BlockStmt{List: list[i+1:]}
	return a.setsField(rest, recv, field, false, 0), flag
}

// offFlag is, when c is `!p` for a bool parameter p of n that n never
// assigns, 1 + p's index among n's parameters; 0 otherwise.
func (a *analyzer) offFlag(n *funcNode, c ast.Expr) int {
	u, ok := ast.Unparen(c).(*ast.UnaryExpr)
	if !ok || u.Op != token.NOT {
		return 0
	}
	id, ok := ast.Unparen(u.X).(*ast.Ident)
	if !ok {
		return 0
	}
	v, _ := a.pass.TypesInfo.Uses[id].(*types.Var)
	if v == nil {
		return 0 // a constant: steady tells
	}
	if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
		return 0
	}
	params := n.fn.Type().(*types.Signature).Params()
	for k := range params.Len() {
		if params.At(k) == v && !assignsVar(a.pass.TypesInfo, n.body, v) {
			return k + 1
		}
	}
	return 0
}

// assignsVar reports whether body assigns v or takes its address.
func assignsVar(info *types.Info, body ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && info.Uses[id] == v {
					found = true
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[id] == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// held is what cond tests for being set: x of `x != nil`, `nil != x`,
// `len(x) != 0` or `len(x) > 0`; nil for other conditions.
func held(info *types.Info, cond ast.Expr) ast.Expr {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	switch {
	case b.Op == token.NEQ && isNil(info, b.Y):
		return b.X
	case b.Op == token.NEQ && isNil(info, b.X):
		return b.Y
	case (b.Op == token.NEQ || b.Op == token.GTR) && isZero(info, b.Y):
		if call, ok := ast.Unparen(b.X).(*ast.CallExpr); ok && len(call.Args) == 1 {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "len" {
				return call.Args[0]
			}
		}
	}
	return nil
}

// steady reports whether cond reads only recv, package-level names and
// constants: the same answer for every call on one receiver.
func steady(info *types.Info, cond ast.Expr, recv *types.Var) bool {
	ok := true
	ast.Inspect(cond, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.CallExpr:
			if _, conv := n.(*ast.CallExpr); conv {
				if tv, found := info.Types[n.(*ast.CallExpr).Fun]; found && (tv.IsType() || tv.IsBuiltin()) {
					return true
				}
			}
			ok = false // what a call answers may change from call to call
		case *ast.Ident:
			if v, isVar := info.Uses[n].(*types.Var); isVar && v != recv && !v.IsField() && (v.Pkg() == nil || v.Parent() != v.Pkg().Scope()) {
				ok = false // a parameter or a local
			}
		}
		return ok
	})
	return ok
}

// resets reports whether the package sets field to nil anywhere: a
// getter of that field builds again after each reset.
func (a *analyzer) resets(field *types.Var) bool {
	if a.reset == nil {
		a.reset = map[*types.Var]bool{}
		info := a.pass.TypesInfo
		for _, f := range a.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
					return true
				}
				for i, lhs := range as.Lhs {
					if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && isNil(info, as.Rhs[i]) {
						if v, ok := info.Uses[sel.Sel].(*types.Var); ok && v.IsField() {
							a.reset[v] = true
						}
					}
				}
				return true
			})
		}
	}
	return a.reset[field]
}
