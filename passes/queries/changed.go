package queries

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
	astedge "golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Writes of what changed. A sync compares each row with its source and
// writes only the rows that differ:
//
//	var shouldUpdate bool
//	if remote.Phone != c.Phone {
//		c.Phone = remote.Phone
//		shouldUpdate = true
//	}
//	if remote.Name != c.Name {
//		c.Name = remote.Name
//		shouldUpdate = true
//	}
//	if shouldUpdate {
//		repo.UpdateByID(ctx, c) // UPDATE customers SET ...
//	}
//
// Run over every customer, the UPDATE is not work per customer: once a
// row holds what its source says, the next pass finds nothing to copy
// and writes nothing. It runs for the rows that changed since the last
// pass, as a failure branch runs for the items that failed (see
// failure.go), and its calls are walked as such a branch's; the
// standalone driver counts the loops it leaves out so in
// stats.changed_only_findings.
//
// What makes a branch one of change, by syntax and types: the body of an
// if whose condition tells a value apart from another and whose body
// copies one into the other (see copiesDifference) — or the body of `if
// flag`, flag a local bool that starts false (declared without a value
// or with false) and that every other write sets to true, and only in
// the body of such an if before it. Telling apart is `p != e` (neither
// side nil) or the negation of an equality function's call
// (`!slices.Equal(p, e)`, `!reflect.DeepEqual`, `!a.Equal(b)`), alone,
// ANDed with other conditions, or ORed with other such tests; copying is
// an assignment to p, to e, or to a value holding one of them (`c.Address
// = ...` after comparing c.Address.City), that is a field or an entry of
// a record the function is handed or its loop ranges over (see
// recordPath). A flag set on anything else
// (`if req.Name != nil { u.Name = *req.Name; dirty = true }`: what a
// request asks, not what changed), a test without the copy, or a flag
// declared outside a loop around its test (set by one item, it would
// write every later one) keep the branch counted.

// changedOnly reports whether the body of the if x runs only for a
// value that differs from its source (see above).
func (a *analyzer) changedOnly(x *ast.IfStmt) bool {
	if x.Init != nil {
		return false
	}
	if a.copiesDifference(x) {
		return true
	}
	return a.changedFlag(x.Cond, x.Pos())
}

// changedFlag reports whether cond, the condition of an if at at, is a
// local bool flag that only copies of a difference set (see above), each
// before at.
func (a *analyzer) changedFlag(cond ast.Expr, at token.Pos) bool {
	v := a.localFlag(cond)
	if v == nil {
		return false
	}
	declared, set := false, 0
	for _, w := range a.r.writes[v] {
		switch {
		case w.rhs == nil && w.tok == token.VAR, w.rhs != nil && a.isConst(w.rhs, false) && (w.tok == token.VAR || w.tok == token.DEFINE):
			declared = true
		case w.rhs != nil && a.isConst(w.rhs, true) && w.tok == token.ASSIGN:
			ifs := a.ifOfBody(w.block)
			if ifs == nil || ifs.Pos() >= at || ifs.Init != nil || !a.copiesDifference(ifs) {
				return false
			}
			set++
		default:
			return false
		}
	}
	// Declared within the same loops as the test, made anew per item: one
	// declared outside a loop around the test, once an item set it,
	// would have every later item write.
	return declared && set > 0 && a.r.declLoops[v] == a.loopsAt(cond)
}

// loopsAt counts the loop bodies around x in its file, as assignment
// counts them for a write (see resolver.writes).
func (a *analyzer) loopsAt(x ast.Node) int {
	n := 0
	for _, f := range a.pass.Files {
		if f.FileStart > x.Pos() || x.Pos() >= f.FileEnd {
			continue
		}
		path, _ := astutil.PathEnclosingInterval(f, x.Pos(), x.End())
		for i := 1; i < len(path); i++ {
			switch p := path[i].(type) {
			case *ast.ForStmt:
				if path[i-1] == p.Body {
					n++
				}
			case *ast.RangeStmt:
				if path[i-1] == p.Body {
					n++
				}
			}
		}
	}
	return n
}

// copiesDifference reports whether the if x tests that two values differ
// and its body copies one into the other (see above).
func (a *analyzer) copiesDifference(x *ast.IfStmt) bool {
	var assigned []string
	for _, s := range x.Body.List {
		if as, ok := s.(*ast.AssignStmt); ok && as.Tok == token.ASSIGN {
			for _, l := range as.Lhs {
				if a.recordPath(l) {
					assigned = append(assigned, types.ExprString(l))
				}
			}
		}
	}
	return len(assigned) > 0 && a.differs(x.Cond, assigned)
}

// differs reports whether cond holds only when a value differs from
// another and one of the two, or a value holding it, is among assigned.
func (a *analyzer) differs(cond ast.Expr, assigned []string) bool {
	switch e := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND:
			return a.differs(e.X, assigned) || a.differs(e.Y, assigned)
		case token.LOR:
			return a.differs(e.X, assigned) && a.differs(e.Y, assigned)
		case token.NEQ:
			if a.isNil(e.X) || a.isNil(e.Y) {
				return false
			}
			return copied(e.X, assigned) || copied(e.Y, assigned)
		}
	case *ast.UnaryExpr:
		call, ok := ast.Unparen(e.X).(*ast.CallExpr)
		if e.Op != token.NOT || !ok || !a.equality(call) {
			return false
		}
		for _, arg := range call.Args {
			if copied(arg, assigned) {
				return true
			}
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && a.pass.TypesInfo.Selections[sel] != nil {
			return copied(sel.X, assigned) // !a.Equal(b): a's method
		}
	}
	return false
}

// equality reports whether call is of a function or method named Equal,
// EqualFunc, EqualFold or DeepEqual answering a bool.
func (a *analyzer) equality(call *ast.CallExpr) bool {
	var name string
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		name = fun.Name
	case *ast.SelectorExpr:
		name = fun.Sel.Name
	case *ast.IndexExpr: // slices.EqualFunc[...]
		if sel, ok := ast.Unparen(fun.X).(*ast.SelectorExpr); ok {
			name = sel.Sel.Name
		}
	}
	switch name {
	case "Equal", "EqualFunc", "EqualFold", "DeepEqual":
	default:
		return false
	}
	tv, ok := a.pass.TypesInfo.Types[call]
	return ok && isBool(tv.Type)
}

// recordPath reports whether e is a field or an entry of a record the
// function is handed or its loop ranges over (c.Phone, i.Metadata[k],
// for c a parameter or a range variable): what a sync copies into, where
// the next pass reads it again. A local of its own (`last = k` after `if
// last != k`) or the receiver's state (`s.prev = k`) tells consecutive
// items apart, a walk over distinct keys that is still per item.
func (a *analyzer) recordPath(e ast.Expr) bool {
	for depth := 0; ; depth++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if a.pass.TypesInfo.Selections[x] == nil {
				return false // a package's name
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident:
			v, ok := a.pass.TypesInfo.Uses[x].(*types.Var)
			if depth == 0 || !ok {
				return false
			}
			_, param := a.r.params[v]
			_, ranged := a.r.ranged[v]
			return param || ranged
		default:
			return false
		}
	}
}

// copied reports whether e, or a value holding it (a prefix of its
// selectors and indexes), is among assigned.
func copied(e ast.Expr, assigned []string) bool {
	s := types.ExprString(ast.Unparen(e))
	for _, as := range assigned {
		if s == as || strings.HasPrefix(s, as+".") || strings.HasPrefix(s, as+"[") {
			return true
		}
	}
	return false
}

// walkChanged walks the if at c, whose body runs only for what changed:
// that branch as a failure's (see failure.go), the rest as usual.
func (a *analyzer) walkChanged(n *funcNode, c inspector.Cursor, loops []*Loop) {
	for part := range c.Children() {
		if part.ParentEdgeKind() != astedge.IfStmt_Body {
			a.walk(n, part, loops)
			continue
		}
		a.changing(func() { a.walk(n, part, loops) })
	}
}

// changing runs walk as a branch of change's: a failure's (see
// failure.go), told apart in the stats.
func (a *analyzer) changing(walk func()) {
	a.failOutside = append(a.failOutside, false)
	a.caching++
	a.onFailure++
	a.onChange++
	walk()
	a.onChange--
	a.onFailure--
	a.caching--
	a.failOutside = a.failOutside[:len(a.failOutside)-1]
}

// Skips of what is the same. The same holds when a loop passes over the
// records already done, and the rest of its body marks the one it does:
//
//	for _, inv := range invoices {
//		if inv.Metadata[Reconciled] == true {
//			continue
//		}
//		reconcile(ctx, inv)
//		inv.Metadata[Reconciled] = true
//		repo.UpdateByID(ctx, inv)
//	}
//
// or a function leaves when a record's state is the one asked already,
// `if ds.BeaconLocked == locked { return nil }; ds.BeaconLocked =
// locked; ...`: what follows runs once per record and change, not per
// pass. What makes it one, by syntax and types: an if without an else,
// its body ending in continue (of its own loop) or return, whose
// condition holds when a record's field (see recordPath) equals the value
// a later assignment at the top of the same block gives it — `p == e`
// then `p = e` (neither nil), or a bool `p` then `p = true` — ORed with
// anything or ANDed with a test that a value is there (`x != nil`,
// `len(x) > 0`). What follows the if in the block is then walked as a
// branch of change. A local of the function's own (`if last == k {
// continue }; last = k`: a walk over distinct keys), a mark set in a
// nested branch only, or a skip that a flag can turn off (`if !force &&
// p == e`) keep it counted.

// sameSkip is the index in list of an if skipping a record already in
// the state that a later statement of list gives it (see above), -1 if
// there is none.
func (a *analyzer) sameSkip(list []ast.Stmt) int {
	for i, st := range list {
		x, ok := st.(*ast.IfStmt)
		if !ok || x.Init != nil || x.Else != nil || len(x.Body.List) == 0 {
			continue
		}
		switch last := x.Body.List[len(x.Body.List)-1].(type) {
		case *ast.BranchStmt:
			if last.Tok != token.CONTINUE || last.Label != nil {
				continue
			}
		case *ast.ReturnStmt:
		default:
			continue
		}
		var pairs [][2]string
		for _, later := range list[i+1:] {
			as, ok := later.(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
				continue
			}
			for k, l := range as.Lhs {
				if a.recordPath(l) && !a.isNil(as.Rhs[k]) {
					pairs = append(pairs, [2]string{types.ExprString(l), types.ExprString(as.Rhs[k])})
				}
			}
		}
		if len(pairs) > 0 && a.same(x.Cond, pairs) {
			return i
		}
	}
	return -1
}

// same reports whether cond holds only when a record's field already has
// the value one of pairs, a later assignment's left and right sides,
// gives it (see above).
func (a *analyzer) same(cond ast.Expr, pairs [][2]string) bool {
	switch e := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LOR:
			return a.same(e.X, pairs) || a.same(e.Y, pairs)
		case token.LAND:
			return a.same(e.X, pairs) && (a.same(e.Y, pairs) || a.presence(e.Y)) || a.same(e.Y, pairs) && a.presence(e.X)
		case token.EQL:
			if a.isNil(e.X) || a.isNil(e.Y) {
				return false
			}
			x, y := types.ExprString(ast.Unparen(e.X)), types.ExprString(ast.Unparen(e.Y))
			return slices.Contains(pairs, [2]string{x, y}) || slices.Contains(pairs, [2]string{y, x})
		}
	case *ast.SelectorExpr, *ast.IndexExpr:
		if tv, ok := a.pass.TypesInfo.Types[e]; ok && isBool(tv.Type) {
			return slices.Contains(pairs, [2]string{types.ExprString(e), "true"})
		}
	}
	return false
}

// presence reports whether cond tests that a value is there: x != nil,
// len(x) > 0, len(x) != 0.
func (a *analyzer) presence(cond ast.Expr) bool {
	e, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch e.Op {
	case token.NEQ:
		if a.isNil(e.X) || a.isNil(e.Y) {
			return true
		}
	case token.GTR:
	default:
		return false
	}
	call, ok := ast.Unparen(e.X).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || !isBuiltin(a.pass.TypesInfo, call, "len") {
		return false
	}
	tv, ok := a.pass.TypesInfo.Types[e.Y]
	return ok && tv.Value != nil && tv.Value.String() == "0"
}

// walkAfterSkip walks the block at c, whose statement at skip leaves the
// records already done (see sameSkip): what follows it as a branch of
// change, the rest as usual.
func (a *analyzer) walkAfterSkip(n *funcNode, c inspector.Cursor, loops []*Loop, skip int) {
	i := 0
	for st := range c.Children() {
		if i <= skip {
			a.walk(n, st, loops)
			i++
			continue
		}
		a.changing(func() { a.walk(n, st, loops) })
		i++
	}
}
