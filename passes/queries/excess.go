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
// such a comparison; the bound a setting of the configuration (a field
// read from a configuration file, see LoopConfig, directly or through a
// local defined as one): a limit an operator sets, not a position in
// the data. A tail from a constant (i := 1: a header skipped), a tail
// from a bound with no test of the length against it, or from one that
// is no setting (an offset handed in, in-memory paging: `if offset >=
// len(s) { return }; for _, x := range s[offset:]`), stay loops per item.

// excessLoop reports whether the for loop at cur runs over the excess of
// a list past a limit (see above).
func excessLoop(r *resolver, cur inspector.Cursor, s *ast.ForStmt) bool {
	info := r.pass.TypesInfo
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
	return trimmed(r, cur, list, init.Rhs[0])
}

// excessRange reports whether a range loop at cur runs over the tail of
// a list past a limit: range s[k:] (see above).
func excessRange(r *resolver, cur inspector.Cursor, s *ast.RangeStmt) bool {
	sl, ok := ast.Unparen(s.X).(*ast.SliceExpr)
	if !ok || sl.Low == nil || sl.High != nil || sl.Slice3 {
		return false
	}
	return trimmed(r, cur, sl.X, sl.Low)
}

// trimmed reports whether start, the first index of a loop over list, is
// a setting of the configuration (plus or minus a constant), which a
// test before the loop at cur compares len(list) with: an if the loop
// is in the body of, or one before it that leaves the function.
func trimmed(r *resolver, cur inspector.Cursor, list, start ast.Expr) bool {
	info := r.pass.TypesInfo
	base := offsetBase(info, start)
	if base == nil || !configured(r, base) {
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

// dispatched reports whether a call goes through a table of functions
// indexed by the item of a range loop, with arguments that are the item
// or what the loop does not change:
//
//	var handler = map[string]func(param) error{"flows": ..., "audit_logs": ...}
//	for _, table := range tables {
//		handler[table](param{table: table, cfg: cfg})
//	}
//
// It is the switch on the item that constantItem takes (`switch table {
// case "flows": cleanFlows(cfg) ...}`) written as a table: each key runs
// its own function, once per item equal to it, and a list of options
// given once each runs each at most once — as many runs as the table has
// functions, each different code, as a range over the functions would
// (LoopFuncs). A key given twice repeats the same call with the same
// arguments, not one per data item. The table is a map of functions a
// package-level variable holds, defined with a literal that is not
// empty and that no function of its package assigns again; the key is the
// range's element (over a slice or an array) or its key (over a map,
// whose keys are distinct). Arguments that read anything the loop
// changes other than the item (a counter, a variable the body assigns,
// a call's result) are per item, and stay reported, as does a table of
// functions indexed by a field of the item (handlers[ev.Kind](ev): one
// event each).
func (a *analyzer) dispatched(path []ast.Node, l *Loop) bool {
	call, ok := path[0].(*ast.CallExpr)
	if !ok {
		return false
	}
	rs, ok := l.Node.(*ast.RangeStmt)
	if !ok {
		return false
	}
	info := a.pass.TypesInfo
	ix, ok := ast.Unparen(call.Fun).(*ast.IndexExpr)
	if !ok {
		return false
	}
	mt, ok := underlying(info.TypeOf(ix.X)).(*types.Map)
	if !ok || !funcs(mt) {
		return false
	}
	if lit, ok := a.table(ix.X).(*ast.CompositeLit); !ok || len(lit.Elts) == 0 {
		return false // a map filled elsewhere may hold a closure per item
	}
	var item types.Object
	switch xt := info.TypeOf(rs.X); {
	case xt == nil:
		return false
	case isMap(xt):
		item = info.ObjectOf(identOrNil(rs.Key))
	default:
		item = info.ObjectOf(identOrNil(rs.Value))
	}
	if item == nil || !identIs(info, ix.Index, item) {
		return false
	}
	for _, arg := range call.Args {
		if !a.invariant(arg, rs, item, 0) {
			return false
		}
	}
	return true
}

// table is what defines the map m: a package-level variable's
// initializer, which no function of its package assigns. (A local map,
// however defined, may be filled with a closure per item in the
// function: m[x.ID] = func() { load(x) }.)
func (a *analyzer) table(m ast.Expr) ast.Expr {
	id, ok := ast.Unparen(m).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	if init, ok := a.r.pkgInit[v]; ok {
		return ast.Unparen(init)
	}
	return nil
}

// invariant reports whether e reads nothing that changes from one run of
// the loop's body to the next but the item: constants, functions, the
// item, variables declared outside the loop that its body does not
// write, and variables of the body defined once from such (a literal
// made of them). A call is not: its result may differ each time.
func (a *analyzer) invariant(e ast.Expr, loop *ast.RangeStmt, item types.Object, depth int) bool {
	info := a.pass.TypesInfo
	ok := depth < 4
	ast.Inspect(e, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if tv, conv := info.Types[n.Fun]; !conv || !tv.IsType() {
				ok = false // a conversion is not a call
			}
		case *ast.FuncLit:
			ok = false
		case *ast.Ident:
			v, isVar := info.Uses[n].(*types.Var)
			if !isVar || v == item || v.IsField() {
				return true
			}
			if v.Pos() < loop.Pos() || v.Pos() >= loop.End() {
				ok = !writtenIn(info, loop.Body, v) // declared before the loop
				return ok
			}
			if v.Pos() < loop.Body.Pos() {
				ok = false // the range's other variable: an index, or a value by its key
				return ok
			}
			rhs := a.r.definition(v)
			ok = rhs != nil && !writtenIn(info, loop.Body, v) && a.invariant(rhs, loop, item, depth+1)
		}
		return ok
	})
	return ok
}

// writtenIn reports whether body assigns v, or a field or element of it,
// increments it or takes its address, other than by defining it.
func writtenIn(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	root := func(e ast.Expr) bool {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.Ident:
				return info.ObjectOf(x) == v
			case *ast.SelectorExpr:
				e = x.X
			case *ast.IndexExpr:
				e = x.X
			case *ast.StarExpr:
				e = x.X
			default:
				return false
			}
		}
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if id, ok := lhs.(*ast.Ident); ok && info.Defs[id] != nil {
					continue // its definition
				}
				found = found || root(lhs)
			}
		case *ast.IncDecStmt:
			found = found || root(n.X)
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && root(n.X)
		case *ast.RangeStmt:
			found = found || n.Key != nil && root(n.Key) || n.Value != nil && root(n.Value)
		}
		return !found
	})
	return found
}
