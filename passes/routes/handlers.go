package routes

import (
	"go/ast"
	"go/types"
)

// maxHandlerDepth bounds the wrappers and variables a handler expression
// is followed through.
const maxHandlerDepth = 6

// handlerArgs resolves the handler of a registration and the middlewares
// written at it: gin's handler chain (the last serves), echo's route-level
// middlewares, and wrappers around the handler (auth(h.list)).
func (a *analyzer) handlerArgs(call *ast.CallExpr, api *api) (*Handler, []*Handler) {
	if api.hArg < 0 || api.hArg >= len(call.Args) {
		return &Handler{Name: "?"}, nil
	}
	if call.Ellipsis.IsValid() && len(call.Args)-1 <= api.hArg {
		return &Handler{Name: "…"}, nil // handlers...: not visible here
	}
	if api.ginTail {
		args := call.Args[api.hArg:]
		var mws []*Handler
		for _, m := range args[:len(args)-1] {
			mws = append(mws, a.mwOf(m, 0))
		}
		h, inner := a.handlerOf(args[len(args)-1], 0)
		return h, append(mws, inner...)
	}
	h, inner := a.handlerOf(call.Args[api.hArg], 0)
	return h, append(a.middlewares(call, api), inner...)
}

// middlewares resolves the middleware arguments of Use, With, Group and
// echo's route methods.
func (a *analyzer) middlewares(call *ast.CallExpr, api *api) []*Handler {
	if api == nil || api.mwArg < 0 {
		return nil
	}
	var out []*Handler
	for i := api.mwArg; i < len(call.Args); i++ {
		if call.Ellipsis.IsValid() && i == len(call.Args)-1 {
			out = append(out, &Handler{Name: "…"})
			continue
		}
		out = append(out, a.mwOf(call.Args[i], 0))
	}
	return out
}

// handlerOf resolves an expression that serves requests to the handler
// that runs last and the middlewares wrapped around it, outermost first:
// auth(h.me) is h.me inside auth's closure.
func (a *analyzer) handlerOf(e ast.Expr, depth int) (*Handler, []*Handler) {
	info := a.pass.TypesInfo
	e = ast.Unparen(e)
	unknown := &Handler{Name: types.ExprString(e)}
	if depth > maxHandlerDepth {
		return unknown, nil
	}
	switch x := e.(type) {
	case *ast.FuncLit:
		return a.lit(x), nil
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
			if len(x.Args) == 1 { // http.HandlerFunc(h.list)
				return a.handlerOf(x.Args[0], depth+1)
			}
			return unknown, nil
		}
		fn := a.callee(x)
		if fn == nil {
			return unknown, nil
		}
		// A wrapper: the handler-typed argument is what it wraps, and the
		// closure it returns runs first.
		for _, arg := range x.Args {
			if isHandlerType(info.TypeOf(arg)) {
				inner, mws := a.handlerOf(arg, depth+1)
				return inner, append([]*Handler{a.served(fn, depth+1)}, mws...)
			}
		}
		// A constructor: h.list() returns the closure that serves.
		return a.served(fn, depth+1), nil
	case *ast.Ident, *ast.SelectorExpr:
		if fn, ok := a.funcOf(x); ok {
			if isHandlerSig(fn.Type().(*types.Signature)) {
				a.reached[fn] = true
				return a.declared(fn), nil
			}
			return unknown, nil
		}
		if v, ok := a.objOf(x).(*types.Var); ok && !v.IsField() && !a.isParam(v) && len(a.writes[v]) == 1 {
			return a.handlerOf(a.writes[v][0], depth+1) // h := http.HandlerFunc(...)
		}
	case *ast.UnaryExpr, *ast.CompositeLit:
		// &listHandler{...}: its ServeHTTP method serves.
	default:
		return unknown, nil
	}
	if m := a.serveHTTP(info.TypeOf(e)); m != nil {
		return m, nil
	}
	return unknown, nil
}

// mwOf resolves a middleware value to the closure that runs per request:
// a func(http.Handler) http.Handler (or mux/echo MiddlewareFunc) value,
// the call of a constructor returning one, or a gin handler.
func (a *analyzer) mwOf(e ast.Expr, depth int) *Handler {
	info := a.pass.TypesInfo
	e = ast.Unparen(e)
	unknown := &Handler{Name: types.ExprString(e)}
	if depth > maxHandlerDepth {
		return unknown
	}
	if isHandlerType(info.TypeOf(e)) { // gin: a middleware is a handler
		h, _ := a.handlerOf(e, depth+1)
		return h
	}
	switch x := e.(type) {
	case *ast.FuncLit:
		if h := a.servedLit(x, depth+1); h != nil {
			h.Name = a.litName(x)
			return h
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return a.mwOf(x.Args[0], depth+1) // mux.MiddlewareFunc(f)
		}
		if fn := a.callee(x); fn != nil {
			return a.served(fn, depth+1) // Auth(cfg) returns the middleware
		}
	case *ast.Ident, *ast.SelectorExpr:
		if fn, ok := a.funcOf(x); ok {
			return a.served(fn, depth+1) // h.auth, middleware.Logger
		}
		if v, ok := a.objOf(x).(*types.Var); ok && !v.IsField() && !a.isParam(v) && len(a.writes[v]) == 1 {
			return a.mwOf(a.writes[v][0], depth+1)
		}
	}
	return unknown
}

// served is what a function returning a handler or middleware serves per
// request: for a local function, the closure (or ServeHTTP method) it
// returns; for another package's, the Serves fact it exported.
func (a *analyzer) served(fn *types.Func, depth int) *Handler {
	fn = fn.Origin()
	h := &Handler{Name: shortName(fn), Func: fn}
	if fn.Pkg() != a.pass.Pkg {
		var f Serves
		if a.pass.ImportObjectFact(fn, &f) {
			h.Fact = &f
		}
		return h
	}
	a.reached[fn] = true
	d := a.decls[fn]
	if d == nil || depth > maxHandlerDepth {
		return h
	}
	if s := a.servedBody(d.Body, depth+1); s != nil {
		s.Name, s.Func = h.Name, fn
		return s
	}
	return h
}

// servedLit is what a middleware closure (func(next) handler) serves.
func (a *analyzer) servedLit(lit *ast.FuncLit, depth int) *Handler {
	sig, _ := a.pass.TypesInfo.TypeOf(lit).(*types.Signature)
	if isHandlerSig(sig) {
		return &Handler{Lit: lit}
	}
	if isMiddlewareSig(sig) {
		return a.servedBody(lit.Body, depth+1)
	}
	return nil
}

// servedBody finds the handler a function body returns: a handler closure
// (possibly converted to http.HandlerFunc, possibly inside a middleware
// closure), a variable holding one, or a value whose ServeHTTP serves.
func (a *analyzer) servedBody(body *ast.BlockStmt, depth int) *Handler {
	if depth > maxHandlerDepth {
		return nil
	}
	var found *Handler
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if found = a.servedExpr(r, depth+1); found != nil {
					return false
				}
			}
		}
		return true
	})
	return found
}

func (a *analyzer) servedExpr(e ast.Expr, depth int) *Handler {
	info := a.pass.TypesInfo
	e = ast.Unparen(e)
	if depth > maxHandlerDepth {
		return nil
	}
	switch x := e.(type) {
	case *ast.FuncLit:
		return a.servedLit(x, depth+1)
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return a.servedExpr(x.Args[0], depth+1) // http.HandlerFunc(func...)
		}
		return nil
	case *ast.Ident:
		if v, ok := info.Uses[x].(*types.Var); ok && !a.isParam(v) && len(a.writes[v]) == 1 {
			return a.servedExpr(a.writes[v][0], depth+1)
		}
		return nil // next: the handler wrapped, not the middleware's own
	case *ast.UnaryExpr, *ast.CompositeLit:
		return a.serveHTTP(info.TypeOf(e))
	}
	return nil
}

// serveHTTP is the ServeHTTP method of a concrete handler type.
func (a *analyzer) serveHTTP(t types.Type) *Handler {
	if t == nil || types.IsInterface(t) || isRouterType(t) {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	fn, ok := obj.(*types.Func)
	if !ok || !isHandlerSig(fn.Type().(*types.Signature)) {
		return nil
	}
	if fn.Pkg() == a.pass.Pkg {
		a.reached[fn.Origin()] = true
	}
	return a.declared(fn)
}

// declared is the handler of a declared function or method.
func (a *analyzer) declared(fn *types.Func) *Handler {
	fn = fn.Origin()
	return &Handler{Name: shortName(fn), Func: fn, Decl: a.decls[fn]}
}

// lit is the handler of a closure registered in place.
func (a *analyzer) lit(lit *ast.FuncLit) *Handler {
	return &Handler{Name: a.litName(lit), Lit: lit}
}

func (a *analyzer) litName(lit *ast.FuncLit) string {
	if fn := a.enclosing[lit]; fn != nil {
		return "func literal in " + shortName(fn)
	}
	return "func literal"
}
