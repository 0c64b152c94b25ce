package queries

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/dbapi"
	"github.com/sqlheat/sqlheat/internal/httpapi"
)

// The context a query runs with, as recorded in Query.Ctx. A query that
// ignores its request's context keeps the database busy after the client
// has gone; handlerquery reports the handler paths that do so, which needs
// to know, per query a function issues, where its context comes from.
const (
	// CtxParam: the context derives from a parameter of the function (a
	// ctx argument, r.Context(), a framework's request context), so it is
	// whatever the caller passes.
	CtxParam = "param"
	// CtxBackground: context.Background() or context.TODO(), or a context
	// derived from one: cancelling the request does not cancel the query.
	CtxBackground = "background"
	// CtxNone: an API that takes no context at all (db.Query rather than
	// db.QueryContext).
	CtxNone = "none"
	// CtxUnknown: a context from a field, a global or a callback; silent.
	CtxUnknown = ""
)

// maxCtxDepth bounds how far ContextOf follows variables assigned from
// variables.
const maxCtxDepth = 8

// ContextOf classifies the context expression e. param classifies a
// variable that is a parameter (it returns "" for one that is not); defs
// lists the expressions a local variable is assigned from. A variable
// assigned contexts of different kinds is unknown: the tool cannot tell
// which reaches the query.
func ContextOf(info *types.Info, e ast.Expr, param func(*types.Var) (string, bool), defs func(*types.Var) []ast.Expr) string {
	return contextOf(info, e, param, defs, 0)
}

func contextOf(info *types.Info, e ast.Expr, param func(*types.Var) (string, bool), defs func(*types.Var) []ast.Expr, depth int) string {
	if e == nil || depth > maxCtxDepth {
		return CtxUnknown
	}
	again := func(x ast.Expr) string { return contextOf(info, x, param, defs, depth+1) }
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, e).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			return CtxUnknown
		}
		if fn.Pkg().Path() == "context" && fn.Type().(*types.Signature).Recv() == nil {
			switch fn.Name() {
			case "Background", "TODO":
				return CtxBackground
			case "WithoutCancel":
				return CtxUnknown // detached on purpose: not an oversight
			}
			if strings.HasPrefix(fn.Name(), "With") && len(e.Args) > 0 {
				return again(e.Args[0]) // WithTimeout(parent, d) is its parent's kind
			}
			return CtxUnknown
		}
		sel, ok := e.Fun.(*ast.SelectorExpr)
		if !ok || !httpapi.CarriesRequest(info.TypeOf(sel.X)) {
			return CtxUnknown
		}
		// r.Context(), c.Request().Context(), fiber's c.UserContext(): the
		// request's; r.WithContext(ctx): ctx's.
		switch from, ok := httpapi.ContextFrom(fn); {
		case !ok:
		case from < 0:
			return again(sel.X)
		case from < len(e.Args):
			return again(e.Args[from])
		}
		return CtxUnknown
	case *ast.SelectorExpr:
		// c.Request (gin) carries the request of c.
		if httpapi.CarriesRequest(info.TypeOf(e.X)) {
			return again(e.X)
		}
		return CtxUnknown
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return CtxUnknown
		}
		if kind, ok := param(v); ok {
			return kind
		}
		if defs == nil {
			return CtxUnknown
		}
		kind, first := CtxUnknown, true
		for _, rhs := range defs(v) {
			k := again(rhs)
			if first {
				kind, first = k, false
			} else if k != kind {
				return CtxUnknown
			}
		}
		return kind
	}
	return CtxUnknown
}

// ContextArg is the first argument of call that carries a context (a
// context, a request, a framework's request context), nil when none.
func ContextArg(info *types.Info, call *ast.CallExpr) ast.Expr {
	for _, arg := range call.Args {
		if httpapi.CarriesRequest(info.TypeOf(arg)) {
			return arg
		}
	}
	return nil
}

// contextless reports whether m is a database/sql or sqlx method whose
// "Context" twin exists: calling it sends the query with no context.
func contextless(m *dbapi.Method) bool {
	if m == nil || strings.HasSuffix(m.Name, "Context") {
		return false
	}
	switch m.Library() {
	case "database/sql", "sqlx":
	default:
		return false // pgx always takes one; gorm and bun carry it on the chain
	}
	switch m.Role {
	case dbapi.Query, dbapi.Exec, dbapi.Prepare, dbapi.StmtRun:
		return true
	}
	return false
}

// ctxOf classifies a context expression relative to the function holding
// it: derived from any parameter (of it or of the functions enclosing a
// closure) is CtxParam.
func (a *analyzer) ctxOf(e ast.Expr) string {
	return ContextOf(a.pass.TypesInfo, e, func(v *types.Var) (string, bool) {
		if _, ok := a.r.params[v]; ok {
			return CtxParam, true
		}
		return "", false
	}, a.defs)
}

// defs lists the right-hand sides assigned to a local variable.
func (a *analyzer) defs(v *types.Var) []ast.Expr {
	var out []ast.Expr
	for _, w := range a.r.writes[v] {
		if w.rhs != nil {
			out = append(out, w.rhs)
		}
	}
	return out
}

// callCtx is the context a query of a callee gets at call, given the kind
// recorded in the callee's summary: a parameter-derived context is what
// this call passes.
func (a *analyzer) callCtx(kind string, call *ast.CallExpr) string {
	if kind != CtxParam {
		return kind
	}
	return a.ctxOf(ContextArg(a.pass.TypesInfo, call))
}

// siteCtx is the context a direct site's query runs with.
func (a *analyzer) siteCtx(s *Site) string {
	if s.Wrapper != nil {
		if w := a.wrapperOf(s.Wrapper); w != nil {
			return a.callCtx(w.Ctx, s.Call)
		}
		return CtxUnknown
	}
	if arg := ContextArg(a.pass.TypesInfo, s.Call); arg != nil {
		return a.ctxOf(arg)
	}
	if contextless(s.Method) {
		return CtxNone
	}
	return CtxUnknown
}

// worseCtx keeps, for a site reached on several paths, the kind that
// ignores the caller's context: one such path is enough to report.
func worseCtx(a, b string) string {
	rank := func(k string) int {
		switch k {
		case CtxNone:
			return 3
		case CtxBackground:
			return 2
		case CtxParam:
			return 1
		}
		return 0
	}
	if rank(b) > rank(a) {
		return b
	}
	return a
}

// wrapperCtx is the context a wrapper's own call (c, the call its SQL
// parameter reaches) runs with.
func (a *analyzer) wrapperCtx(c *callInfo) string {
	if c.method == nil {
		// A wrapper of a wrapper: what the inner one does with its context.
		if w := a.wrapperOf(c.callee); w != nil {
			return a.callCtx(w.Ctx, c.call)
		}
		return CtxUnknown
	}
	if arg := ContextArg(a.pass.TypesInfo, c.call); arg != nil {
		return a.ctxOf(arg)
	}
	if contextless(c.method) {
		return CtxNone
	}
	return CtxUnknown
}
