package queries

import (
	"go/ast"
	"go/token"
	"go/types"
)

// One item's work. A loop may do something for one of its items only:
//
//	for i, legacy := range req.Nodes {
//		if i == 0 {
//			host = convert(legacy)
//			if err := createHost(&host); err != nil { // queries
//				return err
//			}
//		}
//		node := convertNode(legacy, host)
//		...
//	}
//
// The body of such an if runs on one pass of the loop, not on every one:
// its queries run once per run of the loop (per item of the loops
// outside it, if any), not once per item. What counts, for the loop
// whose body holds the if, with no other loop between them:
//
//   - the condition compares the loop's index with a constant (i == 0,
//     0 == i): a range's key over a slice, array or string, or a counting
//     loop's counter, which the body never sets; or a range's key over a
//     map, which holds each key once;
//   - or it is a bool local declared before the loop, which the if's body
//     sets to false (if first { first = false; ... }) and nothing else in
//     the loop sets.
//
// Anything else in the condition (i == 0 && ok, i%100 == 0, i == n-1)
// keeps the body per item: a modulus is a chunk's flush, which chunks.go
// reads, and the last index is one item too but rarely written so.

// onePass is the index in loops of the loop the if statement s runs its
// body for one pass of (see above), -1 when it runs it per item.
func onePass(info *types.Info, s *ast.IfStmt, loops []*Loop) int {
	if s.Init != nil || len(loops) == 0 {
		return -1
	}
	// The condition's shape first: it is asked of every if in a loop.
	idx := indexTest(info, s.Cond)
	if _, flag := ast.Unparen(s.Cond).(*ast.Ident); idx == nil && !flag {
		return -1
	}
	l := loops[len(loops)-1]
	body := l.Body()
	if body == nil || !encloses(body, s) || loopBetween(body, s) {
		return -1
	}
	if idx != nil && isIndexOf(info, l, idx) && !setsVar(info, body, idx) {
		return len(loops) - 1
	}
	if v := firstFlag(info, s, l); v != nil {
		return len(loops) - 1
	}
	return -1
}

// indexTest is v of a condition `v == c` or `c == v` for a constant c,
// nil for other conditions.
func indexTest(info *types.Info, cond ast.Expr) *types.Var {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL {
		return nil
	}
	x, y := b.X, b.Y
	if tv, ok := info.Types[x]; ok && tv.Value != nil {
		x, y = y, x
	}
	if tv, ok := info.Types[y]; !ok || tv.Value == nil {
		return nil
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	return v
}

// isIndexOf reports whether v is the index of loop l: the key of a range
// over a slice, an array (or a pointer to one), a string or a map, or the
// counter of a counting for loop.
func isIndexOf(info *types.Info, l *Loop, v *types.Var) bool {
	switch s := l.Node.(type) {
	case *ast.RangeStmt:
		if s.Key == nil || info.ObjectOf(identOrNil(s.Key)) != v {
			return false
		}
		t := info.TypeOf(s.X)
		if t == nil {
			return false
		}
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		switch u := t.Underlying().(type) {
		case *types.Slice, *types.Array, *types.Map:
			return true
		case *types.Basic:
			return u.Info()&types.IsString != 0
		}
	case *ast.ForStmt:
		return countedBy(info, s) == v
	}
	return false
}

// firstFlag is the bool local that the if statement s, in loop l, tests
// and clears to run its body on the loop's first pass (see above), nil
// when s is no such statement.
func firstFlag(info *types.Info, s *ast.IfStmt, l *Loop) *types.Var {
	id, ok := ast.Unparen(s.Cond).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || v.Pos() >= l.Node.Pos() {
		return nil
	}
	if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
		return nil
	}
	cleared, other := false, false
	ast.Inspect(l.Node, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for j, lhs := range n.Lhs {
				lid, ok := ast.Unparen(lhs).(*ast.Ident)
				if !ok || info.Uses[lid] != v {
					continue
				}
				if len(n.Lhs) == len(n.Rhs) && n.Tok == token.ASSIGN && isFalse(info, n.Rhs[j]) && encloses(s.Body, n) && !loopBetween(s.Body, n) {
					cleared = true
				} else {
					other = true
				}
			}
		case *ast.UnaryExpr:
			if uid, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[uid] == v {
				other = true
			}
		}
		return !other
	})
	if !cleared || other {
		return nil
	}
	return v
}

// isFalse reports whether e is the constant false.
func isFalse(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.String() == "false"
}

// setsVar reports whether body assigns v, takes its address or
// increments it.
func setsVar(info *types.Info, body ast.Node, v *types.Var) bool {
	if assignsVar(info, body, v) {
		return true
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if s, ok := n.(*ast.IncDecStmt); ok {
			if id, ok := ast.Unparen(s.X).(*ast.Ident); ok && info.Uses[id] == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// encloses reports whether outer's source range holds inner's.
func encloses(outer, inner ast.Node) bool {
	return outer.Pos() <= inner.Pos() && inner.End() <= outer.End()
}

// loopBetween reports whether a loop or a function literal inside outer
// holds inner: then inner does not run on outer's own passes.
func loopBetween(outer, inner ast.Node) bool {
	found := false
	ast.Inspect(outer, func(n ast.Node) bool {
		if n == nil || found || !encloses(n, inner) {
			return false
		}
		if n != outer && n != inner {
			switch n.(type) {
			case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
				found = true
			}
		}
		return !found
	})
	return found
}
