package routes

import (
	"go/ast"
	"go/types"

	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// Routers known by their shape (internal/httpapi's Shaped): a type of
// the module, or of a dependency the table does not know, with GET, POST,
// ... methods taking a path and a handler function, such as pocketbase's
// RouterGroup[T]:
//
//	sub := rg.Group("/collections").Bind(RequireSuperuserAuth())
//	sub.GET("", collectionsList)
//	sub.POST("/import", collectionsImport).Bind(BodyLimit(0))
//
// Each call of a verb method is a route, under the prefixes of the groups
// the router value comes from, as a table router's; its handler is the
// function passed, whatever its signature (the router's own handler
// type), a closure a local constructor returns (recordCreate(true, nil)),
// or the constructor itself, whose closure the standalone driver's graph
// finds. Middlewares come from the router's Use-like calls (Bind, Use)
// and from those called on the route a verb method returns
// (.Bind(mw)); a middleware may be a function or a value holding one in
// a field (pocketbase's &hook.Handler[T]{Func: f}), which a local
// constructor returns.
//
// Not a route: the calls a router's own methods make of each other (its
// GET calling its Route, BuildMux registering a catch-all), which are
// its implementation; and a type whose verb methods are route helpers
// over a router of the table (their body calls the table's router):
// those keep the helpers' handling (helpers.go), with the underlying
// router's prefix and middlewares.

// lookup is the router API entry of fn: the table's, else the one its
// shape gives (see above), unless its type wraps a router of the table.
func (a *analyzer) lookup(fn *types.Func) *httpapi.API {
	if fn == nil {
		return nil
	}
	if api := httpapi.Lookup(fn); api != nil {
		return api
	}
	if api := a.wrapperAPI(fn); api != nil {
		return api
	}
	api := httpapi.Shaped(fn)
	if api == nil {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		if fn.Pkg() == a.pass.Pkg || a.wrapsTable(sig.Results().At(0).Type()) {
			return nil // a local constructor: what it returns says (routerCall)
		}
		return api
	}
	if a.wrapsTable(sig.Recv().Type()) {
		return nil
	}
	return api
}

// isRouterType matches the table's router types and the routers known by
// their shape.
func (a *analyzer) isRouterType(t types.Type) bool {
	return httpapi.IsRouterType(t) || a.isWrapperType(t) || httpapi.IsShapedRouter(t) && !a.wrapsTable(t)
}

// wrapsTable reports whether the verb methods of a shaped router type t
// are route helpers over a router of the table: this package's that call
// one, another's that export a Registers fact.
func (a *analyzer) wrapsTable(t types.Type) bool {
	n := namedOf(t)
	if n == nil {
		return false
	}
	obj := n.Origin().Obj()
	if w, ok := a.wraps[obj]; ok {
		return w
	}
	a.wraps[obj] = false // a method's body naming its own type
	ms := types.NewMethodSet(types.NewPointer(n.Origin()))
	if types.IsInterface(n) {
		ms = types.NewMethodSet(n)
	}
	w := false
	for i := 0; i < ms.Len() && !w; i++ {
		m, ok := ms.At(i).Obj().(*types.Func)
		if !ok || m.Pkg() == nil {
			continue
		}
		if m.Pkg() != a.pass.Pkg {
			w = len(a.importedHelpers(m)) > 0
			continue
		}
		d := a.decls[m]
		if d == nil || d.Body == nil {
			continue
		}
		ast.Inspect(d.Body, func(x ast.Node) bool {
			if call, ok := x.(*ast.CallExpr); ok && httpapi.Lookup(a.callee(call)) != nil {
				w = true
			}
			return !w
		})
	}
	a.wraps[obj] = w
	return w
}

// ownImpl reports whether a registration of a shaped router is in a
// method of a shaped router type: the router's implementation (GET
// calling Route), not a route.
func ownImpl(encl *types.Func) bool {
	if encl == nil {
		return false
	}
	sig := encl.Type().(*types.Signature)
	return sig.Recv() != nil && httpapi.IsShapedRouter(sig.Recv().Type())
}

// genericHandler resolves the handler of a shaped router's registration
// and its middlewares: those written at it, then those bound to the
// route it returns (sub.GET(p, h).Bind(mw)).
func (a *analyzer) genericHandler(call *ast.CallExpr, api *httpapi.API) (*Handler, []*Handler) {
	var h *Handler
	var mws []*Handler
	args := call.Args
	switch {
	case api.HandlerArg >= len(args):
		h = &Handler{Name: "?"}
	case call.Ellipsis.IsValid() && len(args)-1 <= api.HandlerArg:
		h = &Handler{Name: "…"}
	case api.Chain:
		for _, m := range args[api.HandlerArg : len(args)-1] {
			mws = append(mws, a.anyMw(m, 0))
		}
		h = a.anyHandler(args[len(args)-1], 0)
	default:
		h = a.anyHandler(args[api.HandlerArg], 0)
		mws = a.middlewares(call, api)
	}
	if a.isRouterType(a.pass.TypesInfo.TypeOf(call)) {
		return h, mws // returns the router: a Bind on it is the router's
	}
	for outer := a.outer[call]; outer != nil; outer = a.outer[outer] {
		if !httpapi.IsRouteUse(a.callee(outer)) {
			break
		}
		for _, m := range outer.Args {
			mws = append(mws, a.anyMw(m, 0))
		}
	}
	return h, mws
}

// anyHandler resolves a handler of a shaped router: the function
// passed, a closure, the closure a local constructor returns, or the
// constructor (its closure is the graph's to find). A constructor's
// call is kept (Made): a wrapper's closure, perm(h, "items:read") or
// auth(h), is one function for every route, and calls, in each, the
// handler that route's call handed it (see program's adapters.go).
func (a *analyzer) anyHandler(e ast.Expr, depth int) *Handler {
	e = ast.Unparen(a.subst(e))
	unknown := &Handler{Name: types.ExprString(e)}
	if depth > maxHandlerDepth {
		return unknown
	}
	switch x := e.(type) {
	case *ast.FuncLit:
		return a.lit(x)
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr:
		if fn, ok := a.funcOf(x); ok {
			if fn.Pkg() == a.pass.Pkg {
				a.reached[fn] = true
			}
			return a.declared(fn)
		}
		if v, ok := a.objOf(x).(*types.Var); ok && !v.IsField() && !a.isParam(v) && len(a.writes[v]) == 1 {
			return a.anyHandler(a.writes[v][0], depth+1)
		}
	case *ast.CallExpr:
		if tv, ok := a.pass.TypesInfo.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return a.anyHandler(x.Args[0], depth+1)
		}
		fn := a.callee(x)
		if fn == nil {
			// A wrapper written as a local closure (handleErr :=
			// func(fn ...) Handler { return func(...) {...} };
			// handleErr(h)): the closure it returns, made by this call.
			if lit := a.localLit(x.Fun); lit != nil {
				for _, ret := range a.litReturns(lit) {
					if in, ok := ast.Unparen(ret).(*ast.FuncLit); ok {
						return &Handler{Name: types.ExprString(x.Fun), Lit: in, Made: x.Lparen}
					}
				}
			}
			return unknown
		}
		fn = fn.Origin()
		h := &Handler{Name: queries.FuncName(fn), Func: fn, Made: x.Lparen}
		if fn.Pkg() != a.pass.Pkg {
			return h
		}
		a.reached[fn] = true
		if d := a.decls[fn]; d != nil {
			for _, ret := range a.returns[d] {
				if len(ret.Results) == 1 {
					if lit, ok := ast.Unparen(ret.Results[0]).(*ast.FuncLit); ok {
						return &Handler{Name: h.Name, Func: fn, Lit: lit, Made: x.Lparen}
					}
				}
			}
		}
		return h
	}
	return unknown
}

// anyMw resolves a middleware of a shaped router: a function, as a
// handler is, or a value holding one in a field (&hook.Handler[T]{Func:
// f}), written in place or returned by a local constructor.
func (a *analyzer) anyMw(e ast.Expr, depth int) *Handler {
	e = ast.Unparen(a.subst(e))
	if depth > maxHandlerDepth {
		return &Handler{Name: types.ExprString(e)}
	}
	if _, fn := a.pass.TypesInfo.TypeOf(e).Underlying().(*types.Signature); fn {
		return a.anyHandler(e, depth)
	}
	if f := a.funcField(e); f != nil {
		return a.anyHandler(f, depth+1)
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		if fn := a.callee(x); fn != nil && fn.Pkg() == a.pass.Pkg {
			fn = fn.Origin()
			a.reached[fn] = true
			if d := a.decls[fn]; d != nil {
				for _, ret := range a.returns[d] {
					if len(ret.Results) == 1 {
						if f := a.funcField(ret.Results[0]); f != nil {
							h := a.anyHandler(f, depth+1)
							if h.Lit != nil || h.Decl != nil {
								h.Name = queries.FuncName(fn)
							}
							return h
						}
					}
				}
			}
		}
		return a.anyHandler(x, depth+1)
	case *ast.Ident:
		if v, ok := a.objOf(x).(*types.Var); ok && !v.IsField() && !a.isParam(v) && len(a.writes[v]) == 1 {
			return a.anyMw(a.writes[v][0], depth+1)
		}
	}
	return &Handler{Name: types.ExprString(e)}
}

// funcField is the function a struct literal (or its address) sets in
// its one field of a function type, nil for anything else.
func (a *analyzer) funcField(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	var found ast.Expr
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if t := a.pass.TypesInfo.TypeOf(kv.Value); t != nil {
			if _, fn := t.Underlying().(*types.Signature); fn && !isNil(a.pass.TypesInfo, kv.Value) {
				if found != nil {
					return nil // two functions: which serves is not the literal's to say
				}
				found = kv.Value
			}
		}
	}
	return found
}

// litReturns are the results of the returns of lit's own body (not of
// the literals in it) that return one value.
func (a *analyzer) litReturns(lit *ast.FuncLit) []ast.Expr {
	var out []ast.Expr
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 1 {
				out = append(out, n.Results[0])
			}
		}
		return true
	})
	return out
}
