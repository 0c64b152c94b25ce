package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// maxHandlerDepth bounds the wrappers and variables a handler expression
// is followed through.
const maxHandlerDepth = 6

// handlerArgs resolves the handler of a registration and the middlewares
// written at it: gin's handler chain (the last serves), echo's route-level
// middlewares, and wrappers around the handler (auth(h.list)).
func (a *analyzer) handlerArgs(call *ast.CallExpr, api *httpapi.API) (*Handler, []*Handler) {
	if api.Files != "" {
		return &Handler{Name: api.Files}, nil // r.Static("/assets", dir): files, behind the router's middlewares
	}
	if api.HandlerArg < 0 || api.HandlerArg >= len(call.Args) {
		return &Handler{Name: "?"}, nil
	}
	if call.Ellipsis.IsValid() && len(call.Args)-1 <= api.HandlerArg {
		// handlers...: not visible here, but for the middlewares a
		// function of the package puts before the handler it ends with
		// (see chainField).
		return &Handler{Name: "…"}, a.chainMws(call.Args[len(call.Args)-1])
	}
	if api.Framework == httpapi.Generic {
		return a.genericHandler(call, api)
	}
	if api.Chain {
		return a.chainOf(call.Args[api.HandlerArg:])
	}
	if fn, ok := a.funcOf(call.Args[api.HandlerArg]); ok && api.AnyHandler {
		// huma's func(ctx, *Input) (*Output, error): the function passed
		// serves, whatever its signature.
		a.reached[fn] = true
		h := a.declared(fn)
		h.Any = true
		return h, a.middlewares(call, api)
	}
	h, inner := a.handlerOf(call.Args[api.HandlerArg], 0)
	return h, append(a.middlewares(call, api), inner...)
}

// chainOf resolves a chain of handlers (gin's, fiber's): the last serves,
// the others are middlewares.
func (a *analyzer) chainOf(args []ast.Expr) (*Handler, []*Handler) {
	var mws []*Handler
	for _, m := range args[:len(args)-1] {
		mws = append(mws, a.mwOf(m, 0))
	}
	h, inner := a.handlerOf(args[len(args)-1], 0)
	return h, append(mws, inner...)
}

// middlewares resolves the middleware arguments of Use, With, Group and
// echo's route methods.
func (a *analyzer) middlewares(call *ast.CallExpr, api *httpapi.API) []*Handler {
	if api == nil || api.MiddlewareArg < 0 {
		return nil
	}
	if api.Framework == httpapi.Generic {
		var out []*Handler
		for _, m := range call.Args[min(api.MiddlewareArg, len(call.Args)):] {
			if httpapi.IsMiddlewareType(a.pass.TypesInfo.TypeOf(m)) {
				out = append(out, a.mwOf(m, 0)) // func(http.Handler) http.Handler handed on as it is (a wrapper's UseStd)
				continue
			}
			out = append(out, a.anyMw(m, 0))
		}
		return out
	}
	return a.mwArgs(call, api.MiddlewareArg, len(call.Args), api.PrefixArgs)
}

// mwArgs resolves the middleware arguments from..to-1 of call; with
// prefixArgs, string and router arguments among them are skipped.
func (a *analyzer) mwArgs(call *ast.CallExpr, from, to int, prefixArgs bool) []*Handler {
	var out []*Handler
	for i := from; i < to; i++ {
		if call.Ellipsis.IsValid() && i == len(call.Args)-1 {
			// A local list spread: r.GET(p, h, withList...), withList :=
			// append(tenancy, list...) runs tenancy's and list's
			// middlewares; one known in part is not visible here.
			elems, whole := a.elemsWhole(call.Args[i], 0)
			if !whole {
				out = append(out, &Handler{Name: "…"})
				continue
			}
			for _, el := range elems {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					el = kv.Value // []Mw{0: auth}
				}
				out = append(out, a.mwOf(el, 0))
			}
			continue
		}
		if t := a.pass.TypesInfo.TypeOf(call.Args[i]); prefixArgs && (isString(t) || isStrings(t) || a.isRouterType(t)) {
			continue // fiber's Use: the paths it is limited to, or an app it mounts
		}
		out = append(out, a.mwOf(call.Args[i], 0))
	}
	return out
}

// firstArg is a call's first argument, nil when it has none.
func firstArg(call *ast.CallExpr) ast.Expr {
	if len(call.Args) == 0 {
		return nil
	}
	return call.Args[0]
}

// handlerOf resolves an expression that serves requests to the handler
// that runs last and the middlewares wrapped around it, outermost first:
// auth(h.me) is h.me inside auth's closure.
func (a *analyzer) handlerOf(e ast.Expr, depth int) (*Handler, []*Handler) {
	info := a.pass.TypesInfo
	e = ast.Unparen(a.subst(e))
	unknown := &Handler{Name: types.ExprString(e)}
	if depth > maxHandlerDepth {
		return unknown, nil
	}
	switch x := e.(type) {
	case *ast.FuncLit:
		return a.lit(x), nil
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
			if len(x.Args) != 1 {
				return unknown, nil
			}
			if h := a.converted(tv.Type, x.Args[0]); h != nil {
				return h, nil // appHandler(viewRecord)
			}
			return a.handlerOf(x.Args[0], depth+1) // http.HandlerFunc(h.list)
		}
		fn := a.callee(x)
		if fn == nil {
			fn = a.funcVar(x.Fun) // adapt := bunrouter.HTTPHandlerFunc; adapt(h)
		}
		if httpapi.IsAdapter(fn) && len(x.Args) == 1 {
			return a.handlerOf(x.Args[0], depth+1) // bunrouter.HTTPHandlerFunc(h.health): h.health serves
		}
		if f, ok := a.funcOf(firstArg(x)); ok && httpapi.IsTypedAdapter(fn) {
			// tonic.Handler(h.list, 200): h.list serves, whatever its
			// signature.
			a.reached[f] = true
			h := a.declared(f)
			h.Any = true
			return h, nil
		}
		// A wrapper: the handler-typed argument is what it wraps, and the
		// closure it returns runs first.
		var mw func() *Handler
		switch fun := ast.Unparen(x.Fun).(type) {
		case *ast.CallExpr: // mw(cfg)(h)
			mw = func() *Handler { return a.mwOf(fun, depth+1) }
		case *ast.FuncLit: // func() httprouter.Handle { return func(...) {...} }()
			mw = func() *Handler {
				if h := a.servedBody(fun, depth+1); h != nil {
					h.Name = a.litName(fun)
					return h
				}
				return &Handler{Name: a.litName(fun)}
			}
		default:
			if fn != nil {
				mw = func() *Handler { return a.served(fn, depth+1) }
			} else if lit := a.localLit(fun); lit != nil { // wrap := func(h) http.Handler {...}; wrap(h)
				mw = func() *Handler {
					if h := a.servedBody(lit, depth+1); h != nil {
						h.Name = types.ExprString(fun)
						return h
					}
					return &Handler{Name: types.ExprString(fun)}
				}
			} else if httpapi.IsMiddlewareType(info.TypeOf(fun)) {
				// A value of a middleware's type applied to the handler
				// (requireAuth := auth.RequireAuth(); requireAuth(h)):
				// the argument is what it wraps, and the closure the
				// maker returned runs first. A variable written more
				// than once, or a parameter, leaves the middleware
				// unresolved, not the handler it wraps.
				mw = func() *Handler { return a.mwOf(fun, depth+1) }
			}
		}
		if mw == nil {
			return unknown, nil
		}
		for i, arg := range x.Args {
			// The wrapped handler: a handler-typed argument, or a value
			// of the application's own type passed as one
			// (withAccess(route), route a struct whose ServeHTTP serves).
			if httpapi.IsHandlerType(info.TypeOf(arg)) || handlerParam(fn, i) {
				inner, mws := a.handlerOf(arg, depth+1)
				m := mw()
				if chainCall(info, x) {
					// A chain's method (alice's c.Then(h)): the driver's
					// graph follows its receiver back to the middlewares
					// it was built with (program's chains.go).
					m.Made = x.Lparen
				}
				return inner, append([]*Handler{m}, mws...)
			}
		}
		// A method of a handler type that adapts it to another
		// (h.toEcho()): the receiver is what it wraps.
		if recv := recvExpr(x); recv != nil && info.Types[recv].IsValue() && httpapi.IsHandlerType(info.TypeOf(recv)) {
			inner, mws := a.handlerOf(recv, depth+1)
			return inner, append([]*Handler{mw()}, mws...)
		}
		// A constructor of a handler type of the application's own, handed
		// no function: the value's ServeHTTP serves (h :=
		// api.NewProjectHandler(log, ah), a *ProjectHandler; agola's
		// routes). One handed a function may run it: the call says (below);
		// so does a dependency's (gqlgen's handler.New(schema)), whose
		// ServeHTTP runs no query of its own.
		if m := a.serveHTTP(info.TypeOf(x)); m != nil && !handsFunc(info, x) && a.ours(m) {
			return m, nil
		}
		// A constructor: h.list() returns the closure that serves. One
		// whose body is not here (a REST library's GetAll(repo)) runs,
		// per request, the functions it is given, and one whose closure
		// calls what it was given (an adapter: ToHandler(deps, h)) runs
		// this call's: the call says which.
		h := mw()
		h.Made = x.Lparen
		return h, nil
	case *ast.Ident, *ast.SelectorExpr:
		if fn, ok := a.funcOf(x); ok {
			sig := fn.Type().(*types.Signature)
			if httpapi.IsHandlerSig(sig) && (sig.Recv() == nil || !types.IsInterface(sig.Recv().Type())) {
				a.reached[fn] = true
				h := a.declared(fn)
				h.Made = a.madeRecv(x, fn)
				return h, nil
			}
			if sel, ok := x.(*ast.SelectorExpr); ok && fn.Name() == "ServeHTTP" && sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) && info.Types[sel.X].IsValue() {
				// h.ServeHTTP of an http.Handler h serves as h does:
				// r.HandleFunc("/jwt-login", auth.Login(onFail).ServeHTTP)
				// runs the closure Login returns.
				if inner, mws := a.handlerOf(sel.X, depth+1); inner.Lit != nil || inner.Decl != nil || inner.Fact != nil || inner.Made.IsValid() || inner.Field != nil {
					return inner, mws
				}
			}
			if httpapi.IsHandlerSig(sig) && sig.Recv() != nil {
				// An interface's method value (webhooks.List, webhooks a
				// WebhookHandler): which type's method runs is not known
				// here; the standalone driver's graph gives the module's
				// implementations (program.methodValueImpls).
				unknown.Func = fn
				unknown.Made = a.madeRecv(x, fn)
			}
			return unknown, nil
		}
		if w := a.onlyWrite(x); w != nil {
			return a.handlerOf(w, depth+1) // h := http.HandlerFunc(...)
		}
		if base := a.sameHandler(x); base != nil {
			return a.handlerOf(base, depth+1)
		}
		unknown.Field = funcVar(info, x)
	case *ast.UnaryExpr, *ast.CompositeLit:
		// &listHandler{...}: its ServeHTTP method serves; one that calls
		// the handler in a field the literal sets wraps that handler.
		if m := a.serveHTTP(info.TypeOf(e)); m != nil {
			if f := a.servedField(m); f != "" {
				if v := a.field(e, f); v != nil && !isNil(info, v) {
					inner, mws := a.handlerOf(v, depth+1)
					return inner, append([]*Handler{m}, mws...)
				}
			}
			return m, nil
		}
		return unknown, nil
	default:
		return unknown, nil
	}
	if m := a.serveHTTP(info.TypeOf(e)); m != nil {
		return m, nil
	}
	return unknown, nil
}

// ours reports whether a handler method is the application's: this
// package's, or one of its repository's (the import paths share their
// repository's root). A dependency's handler (gqlgen's) runs the
// application's code only through what its constructor was given.
func (a *analyzer) ours(m *Handler) bool {
	return m.Decl != nil || m.Func != nil && m.Func.Pkg() != nil && sameRepo(m.Func.Pkg().Path(), a.pass.Pkg.Path())
}

// sameRepo reports whether two import paths are of one repository: the
// same first three elements on a code host (github.com/owner/repo), the
// same first two under another domain, any two paths without a domain.
func sameRepo(p, q string) bool {
	ps, qs := strings.Split(p, "/"), strings.Split(q, "/")
	n := 0
	if strings.Contains(ps[0], ".") {
		n = 2
		switch ps[0] {
		case "github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "gitee.com":
			n = 3
		}
	}
	if len(ps) < n || len(qs) < n {
		return p == q
	}
	return slices.Equal(ps[:n], qs[:n])
}

// handsFunc reports whether a call passes a function value.
func handsFunc(info *types.Info, call *ast.CallExpr) bool {
	for _, arg := range call.Args {
		if t := info.TypeOf(arg); t != nil {
			if _, ok := t.Underlying().(*types.Signature); ok {
				return true
			}
		}
	}
	return false
}

// converted is the handler of a function converted to a function type of
// the application's own whose ServeHTTP method calls it, as
// http.HandlerFunc's does, with a signature no router knows (the Go
// blog's error-returning handlers):
//
//	type appHandler func(http.ResponseWriter, *http.Request) *appError
//	func (fn appHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
//		if e := fn(w, r); e != nil { http.Error(w, e.Message, e.Code) }
//	}
//	r.Handle("/files/{id}", appHandler(filesCB))
//
// The function converted serves the route: ServeHTTP, shared by every
// function converted, is reached, and no route of its own (whose
// requests would run every route's queries); a ServeHTTP that does not
// call it serves itself. nil when e is no function declared or written in
// place, or t no such type.
func (a *analyzer) converted(t types.Type, e ast.Expr) *Handler {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() == "net/http" {
		return nil
	}
	if _, ok := n.Underlying().(*types.Signature); !ok {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(n, true, n.Obj().Pkg(), "ServeHTTP")
	m, ok := obj.(*types.Func)
	if !ok || !httpapi.IsHandlerSig(m.Type().(*types.Signature)) {
		return nil
	}
	if m.Pkg() == a.pass.Pkg {
		a.reached[m.Origin()] = true
	}
	if !a.callsRecv(m) {
		return a.declared(m) // it serves without the function converted
	}
	var h *Handler
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		h = a.lit(x)
	default:
		fn, ok := a.funcOf(x)
		if !ok {
			return nil
		}
		if sig := fn.Type().(*types.Signature); sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
			return nil
		}
		a.reached[fn] = true
		h = a.declared(fn)
		h.Made = a.madeRecv(x, fn)
	}
	return h
}

// callsRecv reports whether a method calls its receiver, a function
// (fn(w, r)); a method of another package is taken to, as its package
// alone could say.
func (a *analyzer) callsRecv(m *types.Func) bool {
	d := a.decls[m.Origin()]
	if d == nil || d.Body == nil {
		return m.Pkg() != a.pass.Pkg
	}
	recv := m.Type().(*types.Signature).Recv()
	found := false
	ast.Inspect(d.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && recv != nil && a.pass.TypesInfo.Uses[id] == recv {
				found = true
			}
		}
		return !found
	})
	return found
}

// servedField is the field of its receiver that a ServeHTTP method of
// this package hands the request to (g.handler(w, r), g.next.ServeHTTP(w,
// r)): a route table's row that serves itself, checking the method
// before it calls the row's handler. "" when it calls no such field, or
// more than one.
func (a *analyzer) servedField(m *Handler) string {
	if m.Decl == nil || m.Decl.Body == nil || m.Func == nil {
		return ""
	}
	recv := m.Func.Type().(*types.Signature).Recv()
	if recv == nil {
		return ""
	}
	info := a.pass.TypesInfo
	name, many := "", false
	ast.Inspect(m.Decl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fun := ast.Unparen(call.Fun)
		if sel, ok := fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "ServeHTTP" {
			fun = ast.Unparen(sel.X) // g.next.ServeHTTP(w, r)
		}
		sel, ok := fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		x, ok := ast.Unparen(sel.X).(*ast.Ident)
		s := info.Selections[sel]
		if !ok || info.Uses[x] != recv || s == nil || s.Kind() != types.FieldVal || !httpapi.IsHandlerType(s.Type()) {
			return true
		}
		many = many || name != "" && name != sel.Sel.Name
		name = sel.Sel.Name
		return true
	})
	if many {
		return "" // two fields: which serves is the code's choice
	}
	return name
}

// handlerParam reports whether fn's parameter i is a handler (an
// http.Handler the argument is passed as).
func handlerParam(fn *types.Func, i int) bool {
	if fn == nil {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Variadic() && i >= sig.Params().Len()-1 {
		return false
	}
	return i < sig.Params().Len() && httpapi.IsHandlerType(sig.Params().At(i).Type())
}

func isNil(info *types.Info, e ast.Expr) bool {
	return info.Types[e].IsNil()
}

// mwOf resolves a middleware value to the closure that runs per request:
// a func(http.Handler) http.Handler (or mux/echo MiddlewareFunc) value,
// the call of a constructor returning one, or a gin handler.
func (a *analyzer) mwOf(e ast.Expr, depth int) *Handler {
	info := a.pass.TypesInfo
	e = ast.Unparen(a.subst(e))
	unknown := &Handler{Name: types.ExprString(e)}
	if depth > maxHandlerDepth {
		return unknown
	}
	if httpapi.IsHandlerType(info.TypeOf(e)) { // gin: a middleware is a handler
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
			if fn.Pkg() != a.pass.Pkg {
				// Another package's combinator handed one middleware
				// (chi's middleware.Maybe(auth(log), pred), which runs
				// auth when pred says so): that middleware, which a
				// request may run.
				var inner []ast.Expr
				for _, arg := range x.Args {
					if httpapi.IsMiddlewareType(info.TypeOf(arg)) {
						inner = append(inner, arg)
					}
				}
				if res := fn.Type().(*types.Signature).Results(); len(inner) == 1 && res.Len() == 1 && httpapi.IsMiddlewareType(res.At(0).Type()) {
					return a.mwOf(inner[0], depth+1)
				}
			}
			h := a.served(fn, depth+1) // Auth(cfg) returns the middleware
			if sig := fn.Type().(*types.Signature); sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
				// e.auth.LoggedIn(scope), through an interface: what the
				// implementations the graph resolves this call to return.
				h.Made = x.Lparen
			}
			return h
		}
	case *ast.Ident, *ast.SelectorExpr:
		if fn, ok := a.funcOf(x); ok {
			return a.served(fn, depth+1) // h.auth, middleware.Logger
		}
		if w := a.onlyWrite(x); w != nil {
			return a.mwOf(w, depth+1)
		}
		unknown.Field = funcVar(info, x)
	}
	return unknown
}

// onlyWrite is the one value of the local variable x names that reaches
// x: its only write, or, of several, the one that always runs last before
// this use (see reaching): `if multi { mw = tenantMW(db); g =
// e.Group("/:tenant", mw) } else { mw = singleMW(cfg); g = e.Group("",
// mw) }` hands each Group the value of its own branch. nil when several
// may reach it, or a parameter's or a field's value does.
func (a *analyzer) onlyWrite(x ast.Expr) ast.Expr {
	v, ok := a.objOf(x).(*types.Var)
	if !ok || v.IsField() || a.isParam(v) {
		return nil
	}
	if ws := a.writes[v]; len(ws) == 1 {
		return ws[0]
	}
	if ws, initial := a.reaching(v, x.Pos()); len(ws) == 1 && !initial {
		return ws[0]
	}
	return nil
}

// sameHandler is the one handler a local variable holds, written
// several times, in branches, each time that same handler or it wrapped
// in middlewares:
//
//	srv := server.GetGraphqlServer(ctx, backend)
//	if metric != nil {
//		srvHandler = metric.Measure(srv)
//	} else {
//		srvHandler = srv
//	}
//	if otel {
//		srvHandler = otelhttp.NewHandler(srvHandler, "/")
//	}
//	http.Handle("/query", srvHandler)
//
// serves srv's requests, whichever branch ran; so does a handler made
// once by a call and wrapped after (h := s.errorHandler(s.serveSearch);
// if cacher != nil { h = cacher.Cache("search")(h) }). nil when the
// writes hold different handlers, or a value of no variable.
func (a *analyzer) sameHandler(x ast.Expr) ast.Expr {
	v, ok := a.objOf(x).(*types.Var)
	if !ok || v.IsField() || a.isParam(v) || len(a.writes[v]) < 2 {
		return nil
	}
	info := a.pass.TypesInfo
	var base ast.Expr
	var held types.Object
	made := "" // the text of the call making the base, when one does
	for _, w := range a.writes[v] {
		for depth := 0; ; depth++ {
			if depth > maxHandlerDepth {
				return nil
			}
			w = ast.Unparen(w)
			if id, ok := w.(*ast.Ident); ok {
				obj := info.Uses[id]
				if obj == v {
					break // wraps what it held: the other writes say what
				}
				if obj == nil || held != nil && obj != held || made != "" {
					return nil
				}
				held, base = obj, id
				break
			}
			if sel, ok := w.(*ast.SelectorExpr); ok {
				// A method value (h.get): the same one in every write.
				text := types.ExprString(sel)
				if held != nil || made != "" && made != text {
					return nil
				}
				made, base = text, sel
				break
			}
			call, ok := w.(*ast.CallExpr)
			if !ok {
				return nil
			}
			// A middleware's call: the one handler it is handed.
			var inner ast.Expr
			for _, arg := range call.Args {
				if servesHTTP(info.TypeOf(arg)) {
					if inner != nil {
						return nil
					}
					inner = arg
				}
			}
			if inner == nil {
				// A handler made here (s.errorHandler(s.serveSearch)):
				// the base, when every other write wraps it or makes
				// the same.
				text := types.ExprString(call)
				if held != nil || made != "" && made != text {
					return nil
				}
				made, base = text, call
				break
			}
			w = inner
		}
	}
	return base
}

// served is what a function returning a handler or middleware serves per
// request: for a local function, the closure (or ServeHTTP method) it
// returns; for another package's, the Serves fact it exported.
func (a *analyzer) served(fn *types.Func, depth int) *Handler {
	fn = fn.Origin()
	h := &Handler{Name: queries.FuncName(fn), Func: fn}
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
	if s := a.servedBody(d, depth+1); s != nil {
		s.Name, s.Func = h.Name, fn
		return s
	}
	return h
}

// servedLit is what a middleware closure (func(next) handler) serves.
func (a *analyzer) servedLit(lit *ast.FuncLit, depth int) *Handler {
	sig, _ := a.pass.TypesInfo.TypeOf(lit).(*types.Signature)
	if httpapi.IsHandlerSig(sig) {
		return &Handler{Lit: lit}
	}
	if httpapi.IsMiddlewareSig(sig) {
		return a.servedBody(lit, depth) // the closure's own returns: no function crossed
	}
	return nil
}

// servedBody finds the handler a function (an *ast.FuncDecl or
// *ast.FuncLit) returns: a handler closure (possibly converted to
// http.HandlerFunc, possibly inside a middleware closure), a variable
// holding one, or a value whose ServeHTTP serves.
//
// depth counts the functions and variables followed, not the syntax
// descended into: a constructor returning a middleware closure that
// returns http.HandlerFunc(func...) is one function deep, however many
// closures it nests.
func (a *analyzer) servedBody(fn ast.Node, depth int) *Handler {
	if depth > maxHandlerDepth {
		return nil
	}
	for _, ret := range a.returns[fn] {
		for _, r := range ret.Results {
			if found := a.servedExpr(r, depth); found != nil {
				return found
			}
		}
	}
	return nil
}

func (a *analyzer) servedExpr(e ast.Expr, depth int) *Handler {
	info := a.pass.TypesInfo
	e = ast.Unparen(e)
	if depth > maxHandlerDepth {
		return nil
	}
	switch x := e.(type) {
	case *ast.FuncLit:
		return a.servedLit(x, depth)
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return a.servedExpr(x.Args[0], depth) // http.HandlerFunc(func...)
		}
		// return m.validate(next): what that constructor serves.
		if fn := a.callee(x); fn != nil {
			if h := a.served(fn, depth+1); h.Lit != nil || h.Decl != nil || h.Fact != nil {
				return h
			}
		}
		return nil
	case *ast.SelectorExpr: // return http.HandlerFunc(h.serve)
		if fn, ok := a.funcOf(x); ok && httpapi.IsHandlerSig(fn.Type().(*types.Signature)) {
			if fn.Pkg() == a.pass.Pkg {
				a.reached[fn] = true
			}
			return a.declared(fn)
		}
		return nil
	case *ast.Ident:
		if v, ok := info.Uses[x].(*types.Var); ok && !a.isParam(v) && len(a.writes[v]) == 1 {
			return a.servedExpr(a.writes[v][0], depth+1)
		}
		if fn, ok := info.Uses[x].(*types.Func); ok && httpapi.IsHandlerSig(fn.Type().(*types.Signature)) {
			if fn.Pkg() == a.pass.Pkg {
				a.reached[fn.Origin()] = true
			}
			return a.declared(fn)
		}
		return nil // next: the handler wrapped, not the middleware's own
	case *ast.UnaryExpr, *ast.CompositeLit:
		return a.serveHTTP(info.TypeOf(e))
	}
	return nil
}

// serveHTTP is the ServeHTTP method of a concrete handler type. A
// function type's (http.HandlerFunc's) calls the function, which a value
// of the type does not show.
func (a *analyzer) serveHTTP(t types.Type) *Handler {
	if t == nil || types.IsInterface(t) || a.isRouterType(t) {
		return nil
	}
	if _, ok := t.Underlying().(*types.Signature); ok {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	fn, ok := obj.(*types.Func)
	if !ok || !httpapi.IsHandlerSig(fn.Type().(*types.Signature)) {
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
	return &Handler{Name: queries.FuncName(fn), Func: fn, Decl: a.decls[fn]}
}

// lit is the handler of a closure registered in place.
func (a *analyzer) lit(lit *ast.FuncLit) *Handler {
	return &Handler{Name: a.litName(lit), Lit: lit}
}

func (a *analyzer) litName(lit *ast.FuncLit) string {
	if fn := a.enclosing[lit]; fn != nil {
		return "func literal in " + queries.FuncName(fn)
	}
	return "func literal"
}

// funcVar is the declared function a local function variable holds
// (adapt := bunrouter.HTTPHandlerFunc), when it is assigned exactly once.
func (a *analyzer) funcVar(e ast.Expr) *types.Func {
	fn, _ := a.funcOf(a.onlyValue(e))
	return fn
}

// localLit is the closure a local function variable holds (wrap :=
// func(...) {...}), when it is assigned exactly once.
func (a *analyzer) localLit(e ast.Expr) *ast.FuncLit {
	lit, _ := ast.Unparen(a.onlyValue(e)).(*ast.FuncLit)
	return lit
}

// onlyValue is the value of the local variable e names when it is
// assigned exactly once, nil otherwise.
func (a *analyzer) onlyValue(e ast.Expr) ast.Expr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || a.isParam(v) || len(a.writes[v]) != 1 {
		return nil
	}
	return a.writes[v][0]
}

// wrappers are what a whole router is wrapped in: a function returning
// cors(auth(mux)), http.ListenAndServe(addr, logging(mux)), or a mount
// into another router (root.Handle("/api/", http.StripPrefix("/api",
// sub))), which adds the parent's own prefix and middlewares. Each result
// is a context to put the router's own values under: its middlewares run
// first, and StripPrefix("/api", ...) moves the routes under /api.
func (a *analyzer) wrappers(v *types.Var, depth int) []router {
	for _, id := range a.idents[v] {
		e := ast.Expr(id)
		if sel := a.serving[id]; sel != nil {
			e = sel // logging(r.Handler): the router's serving method, wrapped
		}
		if rs := a.wrapContext(e, depth); rs != nil {
			return rs
		}
	}
	return nil
}

// wrapContext is what the router (or handler) e is wrapped in, walking
// out through the calls it is an argument of (see wrappers); nil when it
// is wrapped in nothing and mounted on no router.
func (a *analyzer) wrapContext(e ast.Expr, depth int) []router {
	info := a.pass.TypesInfo
	var chain []*Handler // innermost first
	prefix, known := "", true
	var parents []router
	self := a.objOf(e) // the router itself, when a variable holds it
walk:
	for range maxHandlerDepth {
		call := a.argOf[e]
		if call == nil {
			break
		}
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			e = call // http.Handler(mux)
			continue
		}
		fn := a.callee(call)
		if outer := a.argOf[call]; outer != nil {
			if api := a.lookup(a.callee(outer)); api != nil && api.Kind == httpapi.Use && self != nil && a.objOf(a.fluentBase(recvExpr(outer))) == self {
				// api.UseMiddleware(authFor(api)): a middleware made from
				// the router, which Use adds to it; nothing wraps the
				// router. (app.Use(static(root)) adds to another router:
				// root is wrapped, behind app.)
				break walk
			}
		}
		switch {
		case fn != nil && a.lookup(fn) != nil:
			// Mounted on another router: under what that one is under.
			if api := a.lookup(fn); api.Kind == httpapi.Route && (api.Framework == httpapi.NetHTTP || api.Framework == httpapi.GenericMux) {
				parents = a.routers(recvExpr(call), depth+1)
			}
			break walk
		case !httpapi.IsHandlerType(info.TypeOf(call)):
			break walk // passed to something that is not a wrapper
		case fn != nil && a.takesRouter(fn, call, e):
			// HandlerFromMux(si, r): registers on the router it takes,
			// and gives it back as a handler; a wrapper takes a handler.
			break walk
		case httpapi.IsAdapter(fn):
			// bunrouter.HTTPHandler(mux): a conversion, no middleware
		case httpapi.IsStripPrefix(fn):
			p, ok := a.constString(call, 0)
			prefix, known = join(p, prefix), known && ok
			chain = append(chain, &Handler{Name: "http.StripPrefix"})
		case fn != nil:
			m := a.served(fn, 0)
			if chainCall(info, call) {
				m.Made = call.Lparen // alice's standard.Then(mux): see handlerOf
			}
			chain = append(chain, m)
		default:
			if inner, ok := ast.Unparen(call.Fun).(*ast.CallExpr); ok {
				chain = append(chain, a.mwOf(inner, 0))
			} else {
				chain = append(chain, a.mwOf(call.Fun, 0))
			}
		}
		e = call
	}
	if len(chain) == 0 && parents == nil {
		return nil
	}
	var mws []*Handler
	for i := len(chain) - 1; i >= 0; i-- {
		mws = append(mws, chain[i])
	}
	if parents == nil {
		parents = []router{{known: true}}
	}
	return under(parents, prefix, known, mws, nil)
}

// chainCall says call is a method call on a value of a non-interface
// type, which may be a middleware chain's (alice's c.Then(h)).
func chainCall(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return false
	}
	return !types.IsInterface(s.Recv())
}

// madeRecv is the call that made the receiver of a method value of
// another package's handler method (kithttp.NewServer(e, dec,
// enc).ServeHTTP, otelhttp.NewHandler(h, "op").ServeHTTP, or s.ServeHTTP
// with s assigned such a call once): the method serves what the call made,
// so the standalone driver's graph follows the functions handed to it as
// it does for a handler the call makes (Handler.Made). NoPos for a plain
// function, a method of this package's type, a receiver that is no call
// of another package's function, and a conversion.
func (a *analyzer) madeRecv(e ast.Expr, fn *types.Func) token.Pos {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || fn.Pkg() == a.pass.Pkg {
		return token.NoPos
	}
	if s := a.pass.TypesInfo.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
		return token.NoPos
	}
	recv := ast.Unparen(sel.X)
	if id, ok := recv.(*ast.Ident); ok {
		if w := a.onlyWrite(id); w != nil {
			recv = ast.Unparen(w)
		}
	}
	call, ok := recv.(*ast.CallExpr)
	if !ok {
		return token.NoPos
	}
	if tv, ok := a.pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
		return token.NoPos
	}
	if c := a.callee(call); c == nil || c.Pkg() == a.pass.Pkg {
		return token.NoPos
	}
	return call.Lparen
}

// funcVar is the variable a handler or middleware expression reads when
// it is a func-typed struct field (h.List, a field a generated
// constructor fills with closures) or package-level variable
// (auth.HttpTokenVerifier, set at start-up to what a constructor
// returns): the standalone driver's graph gives what the module stores
// into it (program.handlerFuncs). Nil for anything else.
func funcVar(info *types.Info, x ast.Expr) *types.Var {
	var v *types.Var
	switch x := ast.Unparen(x).(type) {
	case *ast.SelectorExpr:
		if s := info.Selections[x]; s != nil {
			if s.Kind() != types.FieldVal {
				return nil
			}
			v, _ = s.Obj().(*types.Var)
		} else {
			v, _ = info.Uses[x.Sel].(*types.Var) // pkg.Var
		}
	case *ast.Ident:
		v, _ = info.Uses[x].(*types.Var)
	}
	if v == nil {
		return nil
	}
	if _, ok := v.Type().Underlying().(*types.Signature); !ok {
		return nil
	}
	if !v.IsField() && (v.Pkg() == nil || v.Parent() != v.Pkg().Scope()) {
		return nil // a local: its writes are read where it is (onlyWrite)
	}
	return v.Origin()
}

// takesRouter reports whether fn's parameter that call passes e as is of
// a router type (a chi.Router, not an http.Handler).
func (a *analyzer) takesRouter(fn *types.Func, call *ast.CallExpr, e ast.Expr) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	for i, arg := range call.Args {
		if arg != e && ast.Unparen(arg) != e {
			continue
		}
		if i >= sig.Params().Len() || sig.Variadic() && i >= sig.Params().Len()-1 {
			return false
		}
		t := sig.Params().At(i).Type()
		return a.isRouterType(t) && !httpapi.IsHandlerType(t)
	}
	return false
}
