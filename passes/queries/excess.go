package queries

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// A loop over the excess of a list past a limit the code keeps:
//
//	if len(sessions) >= cfg.Session.Limit {
//		for i := cfg.Session.Limit - 1; i < len(sessions); i++ {
//			store.Delete(sessions[i])
//		}
//	}
//
// trims the list back to the limit each time an item is added, so the
// list is never more than one over it and the loop normally runs once:
// one delete per insert, amortized, not one per item of the list. The
// shape is a loop over the tail of a list from a bound that is not a
// constant — `for i := k; i < len(s); i++` whose body reads s[i], or
// `for _, x := range s[k:]` — under an if comparing len(s) with the same
// bound (k, or k plus or minus a constant), or after an early return on
// such a comparison. A tail from a constant (i := 1: a header skipped), a
// tail from a bound with no test of the length against it (an offset
// handed in, a page), stay loops per item.

// excessLoop reports whether the for loop at cur runs over the excess of
// a list past a limit (see above).
func excessLoop(info *types.Info, cur inspector.Cursor, s *ast.ForStmt) bool {
	init, ok := s.Init.(*ast.AssignStmt)
	if !ok || len(init.Lhs) != 1 || len(init.Rhs) != 1 || (init.Tok != token.DEFINE && init.Tok != token.ASSIGN) {
		return false
	}
	id, ok := init.Lhs[0].(*ast.Ident)
	if !ok || info.ObjectOf(id) == nil {
		return false
	}
	i := info.ObjectOf(id)
	inc, ok := s.Post.(*ast.IncDecStmt)
	if !ok || inc.Tok != token.INC || !isVar(info, inc.X, i) {
		return false
	}
	b, ok := ast.Unparen(s.Cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	var list ast.Expr
	switch {
	case b.Op == token.LSS && isVar(info, b.X, i):
		list = lenArg(info, b.Y)
	case b.Op == token.GTR && isVar(info, b.Y, i):
		list = lenArg(info, b.X)
	}
	if list == nil || !indexes(info, s.Body, list, i) {
		return false
	}
	return trimmed(info, cur, list, init.Rhs[0])
}

// excessRange reports whether a range loop at cur runs over the tail of
// a list past a limit: range s[k:] (see above).
func excessRange(info *types.Info, cur inspector.Cursor, s *ast.RangeStmt) bool {
	sl, ok := ast.Unparen(s.X).(*ast.SliceExpr)
	if !ok || sl.Low == nil || sl.High != nil || sl.Slice3 {
		return false
	}
	return trimmed(info, cur, sl.X, sl.Low)
}

// trimmed reports whether start, the first index of a loop over list, is
// a bound that is not a constant, which a test before the loop at cur
// compares len(list) with: an if the loop is in the body of, or one
// before it that leaves the function.
func trimmed(info *types.Info, cur inspector.Cursor, list, start ast.Expr) bool {
	base := offsetBase(info, start)
	if base == nil {
		return false
	}
	for c := cur; ; c = c.Parent() {
		switch n := c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit, *ast.File:
			return false
		case *ast.BlockStmt:
			if ifs, ok := c.Parent().Node().(*ast.IfStmt); ok && ifs.Body == n && comparesLen(info, ifs.Cond, list, base, token.LAND) {
				return true
			}
		}
		for prev, ok := c.PrevSibling(); ok; prev, ok = prev.PrevSibling() {
			ifs, ok := prev.Node().(*ast.IfStmt)
			if ok && leaves(info, ifs.Body) && comparesLen(info, ifs.Cond, list, base, token.LOR) {
				return true
			}
		}
	}
}

// offsetBase is the variable part of a bound k, k+c or k-c, c a
// constant; nil when the bound is a constant.
func offsetBase(info *types.Info, e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; !ok || tv.Value != nil {
		return nil
	}
	if b, ok := e.(*ast.BinaryExpr); ok && (b.Op == token.ADD || b.Op == token.SUB) {
		if tv, ok := info.Types[b.Y]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
			return offsetBase(info, b.X)
		}
	}
	return e
}

// comparesLen reports whether cond, or one operand of the op chain (&& for
// an if entered, || for an if left), orders len(list) against base or
// base plus or minus a constant.
func comparesLen(info *types.Info, cond, list, base ast.Expr, op token.Token) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch b.Op {
	case op:
		return comparesLen(info, b.X, list, base, op) || comparesLen(info, b.Y, list, base, op)
	case token.LSS, token.LEQ, token.GTR, token.GEQ:
		for _, side := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
			if isLenOf(info, side[0], list) {
				if k := offsetBase(info, side[1]); k != nil && sameVar(info, k, base) {
					return true
				}
			}
		}
	}
	return false
}

// lenArg is x of len(x), or nil.
func lenArg(info *types.Info, e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || !isBuiltin(info, call, "len") {
		return nil
	}
	return call.Args[0]
}

// isVar reports whether e is the variable v.
func isVar(info *types.Info, e ast.Expr, v types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.ObjectOf(id) == v
}

// indexes reports whether body reads list[i].
func indexes(info *types.Info, body *ast.BlockStmt, list ast.Expr, i types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if ix, ok := n.(*ast.IndexExpr); ok && isVar(info, ix.Index, i) && sameVar(info, ix.X, list) {
			found = true
		}
		return !found
	})
	return found
}
