package queries

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
)

// Drains. A job working off a backlog in batches calls the same
// function with the same arguments on every pass, and stops when it
// answers less than a full batch:
//
//	for i := 0; i < maxBatchesPerTick; i++ {
//		n, err := store.ChainPending(ctx, cutoff, batchSize)
//		if err != nil {
//			break
//		}
//		if n < batchSize {
//			break // caught up
//		}
//	}
//
// Each pass is one statement for a whole batch of rows, not one per
// item: the bound only caps how much one tick does, as `for { ... }`
// would without it (a loop this package leaves uncounted). What makes a
// loop one, by data flow: a counting loop (see countingLoop) whose
// counter the body reads nowhere but where a count of attempts may (see
// onlyCounts), whose body, at its top, assigns a result of a call and
// then leaves (break, return) when that result — or its length — is
// below or equal to one of the same call's arguments, or is zero (`n <
// batchSize`, `len(rows) == 0`, `n == 0`). A loop whose calls take the
// counter (a page, an offset), or that goes on however much the call
// answered, stays data.

// drainLoop reports whether the loop at cur is a drain (see above).
func drainLoop(info *types.Info, cur inspector.Cursor) bool {
	body := countedBody(info, cur)
	if body == nil {
		return false
	}
	args := map[*types.Var][]ast.Expr{} // result -> the arguments of the call answering it
	for _, st := range body.List {
		switch st := st.(type) {
		case *ast.AssignStmt:
			if len(st.Rhs) != 1 {
				continue
			}
			call, ok := ast.Unparen(st.Rhs[0]).(*ast.CallExpr)
			if !ok {
				continue
			}
			for _, l := range st.Lhs {
				if v, ok := info.ObjectOf(identOrNil(l)).(*types.Var); ok && !types.Identical(v.Type(), errorType) {
					args[v] = call.Args
				}
			}
		case *ast.IfStmt:
			if st.Init == nil && st.Else == nil && (leaves(info, st.Body) || endsIn(st.Body, token.BREAK)) && drained(info, st.Cond, args) {
				return true
			}
		}
	}
	return false
}

// endsIn reports whether b ends with an unlabeled tok (break, continue)
// of the loop around it.
func endsIn(b *ast.BlockStmt, tok token.Token) bool {
	if len(b.List) == 0 {
		return false
	}
	last, ok := b.List[len(b.List)-1].(*ast.BranchStmt)
	return ok && last.Tok == tok && last.Label == nil
}

// drained reports whether cond holds when a call's result (one of args'
// keys), or its length, is at most one of that call's arguments, or is
// zero.
func drained(info *types.Info, cond ast.Expr, args map[*types.Var][]ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	x, y := b.X, b.Y
	switch b.Op {
	case token.LSS, token.LEQ, token.EQL:
	case token.GTR, token.GEQ:
		x, y = y, x // batchSize > n
	default:
		return false
	}
	if call, ok := ast.Unparen(x).(*ast.CallExpr); ok && len(call.Args) == 1 && isBuiltin(info, call, "len") {
		x = call.Args[0]
	}
	v, ok := info.ObjectOf(identOrNil(x)).(*types.Var)
	if !ok {
		return false
	}
	in, ok := args[v]
	if !ok {
		return false
	}
	if tv, ok := info.Types[y]; ok && tv.Value != nil {
		return tv.Value.String() == "0"
	}
	s := types.ExprString(ast.Unparen(y))
	return slices.ContainsFunc(in, func(a ast.Expr) bool { return types.ExprString(ast.Unparen(a)) == s })
}
