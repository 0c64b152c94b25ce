package queries

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// A loop over the chunks of a list, walked by index:
//
//	for i := 0; i < len(ids); i += size {
//		end := min(i+size, len(ids))
//		db.Exec(`DELETE FROM orders WHERE id = ANY($1)`, ids[i:end])
//	}
//
//	lb := 0
//	for lb < len(items) {
//		ub := min(lb+BatchSize, len(items))
//		chunk := items[lb:ub]
//		// one multi-row INSERT ... VALUES built from chunk
//		lb += BatchSize // or lb = ub
//	}
//
// advances an index by a step that is not one item and takes the items
// from the index on (xs[i:j], xs[i:min(i+n, len(xs))]): a statement sent
// with that slice, or with what the body builds from it (see chunkVars: a
// VALUES list and its arguments filled from the chunk's items), runs once
// per chunk — batching, the fix of an N+1, not one. Such a loop is a data
// loop whose element is the chunk (Loop.index, Loop.whole), as a range
// over a [][]T is: a call taking the chunk does not repeat per item (see
// TakesWhole); a call that does not — one per item of the chunk, `for _,
// x := range chunk { q(x) }`, or a query the chunk does not reach — still
// runs once per item of the loop.
//
// The step is the loop's post statement or, in a loop written with its
// condition alone (`for lb < size`), the one statement at the top of its
// body that assigns the index, nothing else in the body assigning it:
// `i += n` or `i = i + n`, n a constant above one or a value the
// iteration does not compute (a variable, field or constant declared
// outside the body: a batch size, not the length of the item at hand, as
// a tokenizer's `pos += len(tok)`), or `i = end`, end declared in the
// body as i + n or min(i+n, ...). The condition compares the index (i <
// len(ids), lb < size). A step of one (`i += 1`, i++) walks the items one
// by one. A loop stepping by more than one that slices nothing from its
// index keeps the older reading of its step alone (LoopChunk, see
// chunked): a page's offset, pairs of values.
func chunkLoop(info *types.Info, s *ast.ForStmt, cond *ast.BinaryExpr) (*types.Var, *ast.SliceExpr) {
	compared := func(v *types.Var) bool { return isVar(info, cond.X, v) || isVar(info, cond.Y, v) }
	var idx *types.Var
	if s.Post != nil {
		idx = stepped(info, s.Body, s.Post)
		if idx == nil || !compared(idx) || assigned(info, s.Body, idx) > 0 {
			return nil, nil
		}
	} else {
		for _, st := range s.Body.List {
			if v := stepped(info, s.Body, st); v != nil && compared(v) {
				if idx != nil {
					return nil, nil // two steps
				}
				idx = v
			}
		}
		if idx == nil || assigned(info, s.Body, idx) != 1 {
			return nil, nil
		}
	}
	var first *ast.SliceExpr
	ast.Inspect(s.Body, func(n ast.Node) bool {
		if sl, ok := n.(*ast.SliceExpr); ok && sl.Low != nil && isVar(info, sl.Low, idx) {
			first = sl
		}
		return first == nil
	})
	if first == nil {
		return nil, nil
	}
	return idx, first
}

// stepped is the integer variable st advances by a chunk's size (see
// chunkLoop), nil if st is no such step.
func stepped(info *types.Info, body *ast.BlockStmt, st ast.Stmt) *types.Var {
	as, ok := st.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return nil
	}
	id, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.IsField() {
		return nil
	}
	if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return nil // a string built up, a time stepped: no index
	}
	switch as.Tok {
	case token.ADD_ASSIGN:
		if chunkStep(info, body, v, as.Rhs[0]) {
			return v
		}
	case token.ASSIGN:
		if advances(info, body, v, as.Rhs[0], true) {
			return v
		}
	}
	return nil
}

// advances reports whether e is v plus a chunk's size (v + n), or, when
// named is set, a variable of the body defined as one, or as the least of
// one and something else (end := min(v+n, len(xs))).
func advances(info *types.Info, body *ast.BlockStmt, v *types.Var, e ast.Expr, named bool) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		return e.Op == token.ADD && (isVar(info, e.X, v) && chunkStep(info, body, v, e.Y) || isVar(info, e.Y, v) && chunkStep(info, body, v, e.X))
	case *ast.CallExpr:
		fn, _ := ast.Unparen(e.Fun).(*ast.Ident)
		if b, ok := info.Uses[fn].(*types.Builtin); ok && fn != nil && b.Name() == "min" {
			for _, a := range e.Args {
				if advances(info, body, v, a, false) {
					return true
				}
			}
		}
	case *ast.Ident:
		end, ok := info.Uses[e].(*types.Var)
		if !named || !ok || end.Pos() < body.Pos() || end.Pos() >= body.End() {
			return false
		}
		def := defined(info, body, end)
		return def != nil && advances(info, body, v, def, false)
	}
	return false
}

// chunkStep reports whether n is the size of a chunk a loop with index v
// walks by: a constant above one, or a value none of whose variables the
// body declares and that is not v itself.
func chunkStep(info *types.Info, body *ast.BlockStmt, v *types.Var, n ast.Expr) bool {
	if tv, ok := info.Types[n]; ok && tv.Value != nil {
		k, ok := constant.Int64Val(constant.ToInt(tv.Value))
		return ok && k > 1
	}
	outside := true
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if obj := info.Uses[id]; obj == v || obj != nil && body.Pos() <= obj.Pos() && obj.Pos() < body.End() {
				outside = false
			}
		}
		return outside
	})
	return outside
}

// defined is the expression a variable of body is declared with (v :=
// e, var v = e), nil if none.
func defined(info *types.Info, body *ast.BlockStmt, v *types.Var) ast.Expr {
	var def ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && info.Defs[id] == v {
						def = n.Rhs[i]
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					if info.Defs[id] == v {
						def = n.Values[i]
					}
				}
			}
		}
		return def == nil
	})
	return def
}

// assigned counts the statements of n that assign v, step it (v++) or
// take its address.
func assigned(info *types.Info, n ast.Node, v *types.Var) int {
	count := 0
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if isVar(info, lhs, v) {
					count++
				}
			}
		case *ast.IncDecStmt:
			if isVar(info, n.X, v) {
				count++
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && isVar(info, n.X, v) {
				count++
			}
		}
		return true
	})
	return count
}

// chunk reports whether s takes a chunk of a list walked by the loop's
// index (xs[i:end]; see chunkLoop).
func (l *Loop) chunk(info *types.Info, s *ast.SliceExpr) bool {
	return l.index != nil && s.Low != nil && isVar(info, s.Low, l.index)
}
