package queries

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	astedge "golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Recovery. A client's request method often mends an expired session
// and tries the same request again by calling itself:
//
//	func (c *Client) request(url, method string, resp any, family ...bool) ([]byte, error) {
//		res, err := c.send(url, method, resp)
//		...
//		if expired(res) {
//			if err := c.refreshSession(); err != nil { // saves the new token
//				return nil, err
//			}
//			return c.request(url, method, resp, family...)
//		}
//		return res.Body(), nil
//	}
//
// A loop calling request once per upload part runs refreshSession only
// when an attempt failed: the write that saves the new credentials is a
// recovery, not work per part, and a batch query cannot remove it.
//
// What makes a branch one of recovery, by structure and data flow: the
// body of an if or of a case of a declared function F ends by returning
// a call of F itself (on the same receiver, for a method) whose
// arguments are each F's parameter in the same position (never assigned
// in F), a constant (a retry flag), or F's variadic parameter passed on
// (p...). The calls before that return run only when the attempt
// failed: they are walked as a cache fill is, run at most once in the
// normal case, whatever the loops around F's callers. The retry call
// itself, and everything outside the branch, counts as usual. A branch
// that calls F with another argument (walk(n.Child), the next page) is
// recursion over data, and stays counted.
//
// The retry may also follow the if or switch whose branches mend, each
// case of a failure's code its own way:
//
//	switch failure.Code {
//	case 0:
//		return data, nil
//	case tokenExpired:
//		if err = c.refreshToken(); err == nil { // saves the new token
//			break
//		}
//		return nil, err
//	default:
//		return nil, err
//	}
//	return c.request(url, method, resp)
//
// A branch of that if or switch that can end without returning (its
// last statement does not end the function, or a break leaves the
// switch) goes on to the retry: a call that went that way every time
// would never end, so the branch runs only when an attempt failed, and
// all of it is recovery. The branches that return end the call as
// usual, and count as usual. The if must have an else, the switch a
// default case, and one branch must end the call: otherwise calls that
// took no branch, or every call, go on to the retry (`return f(x,
// true)` after the work is no mend). A failure that is logged and not
// retried (`if err != nil { logFailure(item) }` in a loop) runs only for
// the failed items as well: see failure.go.

//
// Or the branch makes the call it tests the result of again, instead of
// its whole function:
//
//	data, err := d.post(url, callback, resp)
//	if err == ErrCookieExpired {
//		d.login() // saves the new cookie
//		return d.post(url, callback, resp)
//	}
//
// An if whose condition reads what the statement just before it (or its
// init) assigned from a call, and whose body ends by returning that same
// call again (the same function, on the same receiver, each argument the
// same parameter never assigned or the same constant), mends that call's
// failure. Another call, or the same function with other arguments (a
// fallback address), stays counted.

// recovers reports whether body, the body of an if or a case of the
// function of n, is a branch of recovery (see above).
func (a *analyzer) recovers(n *funcNode, body []ast.Stmt) bool {
	return len(body) >= 2 && a.retries(n, body[len(body)-1]) // something runs before the retry
}

// retries reports whether st returns a call of the function of n again,
// with what it was given (see above).
func (a *analyzer) retries(n *funcNode, st ast.Stmt) bool {
	decl, ok := n.node.(*ast.FuncDecl)
	if !ok {
		return false
	}
	ret, ok := st.(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return false
	}
	call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
	if !ok {
		return false
	}
	info := a.pass.TypesInfo
	fn, _ := info.Defs[decl.Name].(*types.Func)
	if g := a.r.callee(call); fn == nil || g == nil || g.Origin() != fn {
		return false
	}
	sig := fn.Signature()
	if sig.Recv() != nil {
		// The same receiver: c.request(...) in a method of c.
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !a.unchanged(sel.X, sig.Recv()) {
			return false
		}
	}
	params := sig.Params()
	for i, arg := range call.Args {
		spread := i == len(call.Args)-1 && call.Ellipsis.IsValid() // p...
		switch {
		case i < params.Len() && a.unchanged(arg, params.At(i)):
			if spread && i != params.Len()-1 {
				return false
			}
		case info.Types[arg].Value != nil && !spread:
			// A constant: a retry flag, an attempt number.
		default:
			return false
		}
	}
	return true
}

// unchanged reports whether e is the variable v itself, never assigned
// nor addressed in its function: the value the call was given.
func (a *analyzer) unchanged(e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && v != nil && a.pass.TypesInfo.Uses[id] == v &&
		len(a.r.writes[v]) == 0 && !a.r.addressed[v]
}

// walkRecovery walks the branch at c, an if statement or a case clause
// whose body is a branch of recovery: the statements of its body before
// the final retry as a cache fill, the rest as usual.
func (a *analyzer) walkRecovery(n *funcNode, c inspector.Cursor, loops []*Loop) {
	body := c
	for part := range c.Children() {
		switch part.ParentEdgeKind() {
		case astedge.IfStmt_Body:
			body = part
		case astedge.CaseClause_Body:
			// the clause's statements are its own children
		default:
			a.walk(n, part, loops)
		}
	}
	var stmts []inspector.Cursor
	for st := range body.Children() {
		if _, ok := st.Node().(ast.Stmt); ok && st.ParentEdgeKind() != astedge.CaseClause_List {
			stmts = append(stmts, st)
		}
	}
	for i, st := range stmts {
		if i == len(stmts)-1 {
			a.walk(n, st, loops) // the retry itself
			continue
		}
		a.caching++
		a.walk(n, st, loops)
		a.caching--
	}
}

// retriedAfter reports whether the statement at c, an if or a switch, is
// followed by a retry of the function of n (see above) that only some of
// its branches go on to: it has an else (a default case), and one of its
// branches ends the call. Otherwise every call, or every call no branch
// takes, would go on to the retry: a call again with a flag
// (`return f(x, true)`) that does the work is no recovery.
func (a *analyzer) retriedAfter(n *funcNode, c inspector.Cursor) bool {
	next, ok := c.NextSibling()
	if !ok {
		return false
	}
	if st, ok := next.Node().(ast.Stmt); !ok || !a.retries(n, st) {
		return false
	}
	switch x := c.Node().(type) {
	case *ast.IfStmt:
		els, ok := x.Else.(*ast.BlockStmt)
		return ok && (!a.goesOn(x.Body.List, false) || !a.goesOn(els.List, false))
	case *ast.SwitchStmt:
		def, leaves := false, false
		for _, st := range x.Body.List {
			cc := st.(*ast.CaseClause)
			def = def || cc.List == nil
			leaves = leaves || !a.goesOn(cc.Body, true)
		}
		return def && leaves
	}
	return false
}

// walkBeforeRetry walks the if or switch at c, which a retry follows:
// the branches that go on to it as a cache fill, the rest as usual.
func (a *analyzer) walkBeforeRetry(n *funcNode, c inspector.Cursor, loops []*Loop) {
	for part := range c.Children() {
		switch part.ParentEdgeKind() {
		case astedge.IfStmt_Body, astedge.IfStmt_Else:
			if b, ok := part.Node().(*ast.BlockStmt); ok && a.goesOn(b.List, false) {
				a.caching++
				a.walk(n, part, loops)
				a.caching--
				continue
			}
		case astedge.SwitchStmt_Body:
			for clause := range part.Children() {
				cc, ok := clause.Node().(*ast.CaseClause)
				if !ok || !a.goesOn(cc.Body, true) {
					a.walk(n, clause, loops)
					continue
				}
				for st := range clause.Children() {
					if st.ParentEdgeKind() == astedge.CaseClause_Body {
						a.caching++
						a.walk(n, st, loops)
						a.caching--
					} else {
						a.walk(n, st, loops)
					}
				}
			}
			continue
		}
		a.walk(n, part, loops)
	}
}

// goesOn reports whether a branch's statements can end without leaving
// the function: their last does not end it, or, in a switch's case, a
// break leaves the switch.
func (a *analyzer) goesOn(body []ast.Stmt, inSwitch bool) bool {
	if len(body) == 0 || !a.ends(body[len(body)-1]) {
		return true
	}
	if !inSwitch {
		return false
	}
	found := false
	for _, st := range body {
		ast.Inspect(st, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.BranchStmt:
				found = found || x.Tok == token.BREAK && x.Label == nil
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.FuncLit:
				return false // a break there leaves them, not the switch
			}
			return true
		})
	}
	return found
}

// ends reports whether st ends the function or leaves the branch for
// elsewhere than what follows it: a return, a panic, a goto, a
// continue or a labeled break, or an if whose both branches end.
func (a *analyzer) ends(st ast.Stmt) bool {
	switch st := st.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return st.Tok == token.GOTO || st.Tok == token.CONTINUE || st.Label != nil
	case *ast.ExprStmt:
		call, ok := st.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		return ok && a.pass.TypesInfo.Uses[id] == types.Universe.Lookup("panic")
	case *ast.IfStmt:
		return st.Else != nil && a.ends(st.Body) && a.ends(st.Else)
	case *ast.BlockStmt:
		return len(st.List) > 0 && a.ends(st.List[len(st.List)-1])
	}
	return false
}

// retriesCall reports whether the if at c tests the result of the call
// just before it, and its body ends by returning that same call again
// (see above).
func (a *analyzer) retriesCall(c inspector.Cursor, x *ast.IfStmt) bool {
	body := x.Body.List
	if len(body) < 2 {
		return false
	}
	ret, ok := body[len(body)-1].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return false
	}
	again, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
	if !ok {
		return false
	}
	var prev ast.Stmt = x.Init
	if prev == nil {
		sib, ok := c.PrevSibling()
		if !ok {
			return false
		}
		prev, _ = sib.Node().(ast.Stmt)
	}
	as, ok := prev.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return false
	}
	first, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || !a.sameCall(first, again) {
		return false
	}
	info := a.pass.TypesInfo
	results := map[types.Object]bool{}
	for _, l := range as.Lhs {
		if id, ok := l.(*ast.Ident); ok && info.ObjectOf(id) != nil {
			results[info.ObjectOf(id)] = true
		}
	}
	tests := false
	ast.Inspect(x.Cond, func(e ast.Node) bool {
		if id, ok := e.(*ast.Ident); ok && results[info.Uses[id]] {
			tests = true
		}
		return !tests
	})
	return tests
}

// sameCall reports whether calls x and y call the same function with the
// same arguments: on the same receiver variable, each argument the same
// parameter (never assigned nor addressed) or an equal constant.
func (a *analyzer) sameCall(x, y *ast.CallExpr) bool {
	f, g := a.r.callee(x), a.r.callee(y)
	if f == nil || g == nil || f.Origin() != g.Origin() || len(x.Args) != len(y.Args) || x.Ellipsis.IsValid() != y.Ellipsis.IsValid() {
		return false
	}
	if f.Signature().Recv() != nil {
		sx, ok1 := ast.Unparen(x.Fun).(*ast.SelectorExpr)
		sy, ok2 := ast.Unparen(y.Fun).(*ast.SelectorExpr)
		if !ok1 || !ok2 || !a.sameValue(sx.X, sy.X) {
			return false
		}
	}
	for i := range x.Args {
		if !a.sameValue(x.Args[i], y.Args[i]) {
			return false
		}
	}
	return true
}

// sameValue reports whether e and f are one variable, never assigned
// nor addressed, or equal constants.
func (a *analyzer) sameValue(e, f ast.Expr) bool {
	info := a.pass.TypesInfo
	if cx, cy := info.Types[e].Value, info.Types[f].Value; cx != nil || cy != nil {
		return cx != nil && cy != nil && constant.Compare(cx, token.EQL, cy)
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && a.unchanged(e, v) && a.unchanged(f, v)
}
