package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/sqlheat/sqlheat/internal/httppattern"
)

// A function may register its routes under a base its callers pass, a
// parameter or a field of an options struct, as every server
// oapi-codegen generates does:
//
//	func HandlerWithOptions(si ServerInterface, options ChiServerOptions) http.Handler {
//		...
//		r.Get(options.BaseURL+"/pets", wrapper.FindPets)
//	}
//
// Here the pattern reads "…/pets", and the route says where its "…"
// comes from (Base); the standalone driver, which sees every call of the
// function, puts there what they pass (program.ArgTexts): "/api/pets"
// for HandlerFromMuxWithBaseURL(impl, r, "/api"), "/pets" for
// HandlerFromMux(impl, r), whose literal leaves the field out.
//
// The router comes the same way: options.BaseRouter, what each call's
// literal gives the field (see routerParamField), or the router the
// function makes when that is nil. A route says which calls its router
// came through (Came) and whether it is the nil default (Unset), so that
// the driver pairs each call's base with that call's router: main's
// "/v2" with the v2 router main passed beside it, not with the router
// another call passed.

// Base is a parameter of Func, or the field Field of it, whose text a
// route's pattern starts with.
type Base struct {
	Func  *types.Func
	Param int
	Field string // "" for the parameter itself
}

// baseOf is where pattern e starts, when it starts with a string
// parameter of the declared function it is in, or with a string field of
// a struct parameter, that nothing in the function assigns
// (base + "/pets", options.BaseURL + "/pets"); nil otherwise.
func (a *analyzer) baseOf(e ast.Expr) *Base {
	for {
		b, ok := ast.Unparen(e).(*ast.BinaryExpr)
		if !ok || b.Op != token.ADD {
			break
		}
		e = b.X
	}
	e = ast.Unparen(e)
	field := ""
	if sel, ok := e.(*ast.SelectorExpr); ok {
		s := a.pass.TypesInfo.Selections[sel]
		if s == nil || s.Kind() != types.FieldVal || len(s.Index()) != 1 || !isString(s.Obj().Type()) {
			return nil
		}
		field, e = sel.Sel.Name, ast.Unparen(sel.X)
	} else if !isString(a.pass.TypesInfo.TypeOf(e)) {
		return nil
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || len(a.writes[v]) > 0 {
		return nil
	}
	p, ok := a.params[v]
	if !ok {
		return nil
	}
	open := a.openParam(p) // nil for a closure's parameter
	if open == nil {
		return nil
	}
	return &Base{Func: open.Func, Param: open.Param, Field: field}
}

// Came is the calls of Func a route's router came through.
type Came struct {
	Func  *types.Func
	Calls []token.Pos // their Lparens
}

// Based is the route with text in place of the "…" its Base stands for.
func (r *Route) Based(text string) *Route {
	i := strings.Index(r.path, "…")
	if r.Base == nil || i < 0 {
		return r
	}
	n := *r
	n.Base = nil
	known := r.Pattern == r.path // the router's own prefix is known
	full := join(join(r.path[:i], text), r.path[i+len("…"):])
	n.path, n.Pattern = full, full
	if !known {
		n.Pattern = "…" + full
	}
	method := r.Method
	if method == httppattern.AnyMethod {
		method = ""
	}
	n.Key = key(method, full, known)
	return &n
}

// FieldOf is the value a struct literal e (or its address) gives its
// field named field: nil when the literal leaves it out; false when e is
// no keyed struct literal (the program's calls read the options they
// pass with it too, see program.ArgTexts).
func FieldOf(e ast.Expr, field string) (ast.Expr, bool) {
	lit := literalOf(e)
	if lit == nil {
		return nil, false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil, false
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field {
			return kv.Value, true
		}
	}
	return nil, true
}

// literalOf is the composite literal e is, or takes the address of
// (&T{...}); nil when it is neither.
func literalOf(e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, _ := e.(*ast.CompositeLit)
	return lit
}
