package queries

import (
	"go/ast"
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

// recovers reports whether body, the body of an if or a case of the
// function of n, is a branch of recovery (see above).
func (a *analyzer) recovers(n *funcNode, body []ast.Stmt) bool {
	decl, ok := n.node.(*ast.FuncDecl)
	if !ok || len(body) < 2 {
		return false // nothing runs before the retry
	}
	ret, ok := body[len(body)-1].(*ast.ReturnStmt)
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
