package routes

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/sqlheat/sqlheat/internal/httpapi"
)

// Registration wrappers: a service's own router type that holds a router
// of the table and forwards to it, adapting what it is given,
//
//	type router struct{ chi chi.Router }
//
//	func (r *router) Get(pattern string, fn apiHandler) { r.chi.Get(pattern, handler(fn)) }
//	func (r *router) Route(pattern string, fn func(*router)) {
//		r.chi.Route(pattern, func(c chi.Router) { fn(&router{c}) })
//	}
//	func (r *router) With(fn middlewareHandler) *router { return &router{r.chi.With(middleware(fn))} }
//	func (r *router) Use(fn middlewareHandler) { r.chi.Use(middleware(fn)) }
//
// is known by what its methods do, whatever their names: a method that
// passes its own string parameter as the pattern and its own function
// parameter as the handler (itself, converted, or given to an adapter:
// handler(fn), fn.serve) to a registration of a router of the table held
// in a field of its receiver (or the receiver itself, embedded) registers
// on the receiver; one passing its pattern and a closure calling its
// function parameter to the table's Route or Group makes a group of the
// receiver under that pattern, whose routes the function registers; one
// passing a function parameter to the table's With or Use adds that
// middleware to the router it returns, or to the receiver. A type with a
// registering method is a router (isRouterType): its values are followed
// as the table's are, through variables, groups, With and Use, and a
// literal of it (&router{chi.NewRouter()}) is the router in its field.
// Each call of such a method is a registration of the caller's pattern,
// method and handler — the function passed, whatever its signature (the
// adapter is the wrapper's plumbing, the same for every route) — and the
// call in the method's body is its template, not a route. Methods travel
// to other packages as a Wraps fact, and so does a constructor returning
// such a router at a known root.
//
// Not a wrapper: a method that takes a pattern but registers no router
// call with it (it logs it), or registers a constant path (that call is
// the route it registers, once).

// Wraps is attached to a method of a registration wrapper (see above):
// the router API its calls are, in the table's terms. Kind New marks a
// constructor returning a wrapper at a router's root.
type Wraps struct {
	API httpapi.API
}

func (*Wraps) AFact() {}

func (f *Wraps) String() string {
	a := f.API
	switch a.Kind {
	case httpapi.Route:
		m := a.Method
		if a.MethodArg >= 0 {
			m = fmt.Sprintf("$%d", a.MethodArg)
		}
		return fmt.Sprintf("wraps(route %s $%d -> $%d)", m, a.PatternArg, a.HandlerArg)
	case httpapi.RouteFn:
		return fmt.Sprintf("wraps(group $%d -> $%d)", a.PatternArg, a.FuncArg)
	case httpapi.GroupFn:
		return fmt.Sprintf("wraps(group -> $%d)", a.FuncArg)
	case httpapi.With:
		return fmt.Sprintf("wraps(with $%d)", a.MiddlewareArg)
	case httpapi.Use:
		return fmt.Sprintf("wraps(use $%d)", a.MiddlewareArg)
	case httpapi.New:
		return "wraps(new)"
	}
	return "wraps(?)"
}

// wrapperAPI is the API a method of a registration wrapper stands for,
// learned from its body (this package's) or its Wraps fact; nil for
// anything else.
func (a *analyzer) wrapperAPI(fn *types.Func) *httpapi.API {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	fn = fn.Origin()
	if api, ok := a.wrapAPIs[fn]; ok {
		return api
	}
	a.wrapAPIs[fn] = nil
	var api *httpapi.API
	if fn.Pkg() != a.pass.Pkg {
		var f Wraps
		if a.pass.ImportObjectFact(fn, &f) {
			api = &f.API
		}
	} else if raw, inner, adapters := a.rawWrap(fn); raw != nil && a.derives(fn.Type().(*types.Signature).Recv().Type()) {
		api = raw
		a.wrapInner[inner] = true
		for _, ad := range adapters {
			a.reachAdapter(ad)
		}
	}
	a.wrapAPIs[fn] = api
	return api
}

// derives reports whether a type whose methods forward to a router of
// the table also makes new values of itself over a derived router: a
// group method, or a With. Only then do its values stand for different
// routers, each followed as the table's are; a type holding one router
// (a server with a route helper) keeps the helpers' handling, by its
// field's values (helpers.go).
func (a *analyzer) derives(t types.Type) bool {
	n := namedOf(t)
	if n == nil || types.IsInterface(n) {
		return false
	}
	obj := n.Origin().Obj()
	if d, ok := a.deriving[obj]; ok {
		return d
	}
	a.deriving[obj] = false
	ms := types.NewMethodSet(types.NewPointer(n.Origin()))
	d := false
	for i := 0; i < ms.Len() && !d; i++ {
		if m, ok := ms.At(i).Obj().(*types.Func); ok && m.Pkg() == a.pass.Pkg {
			if raw, _, _ := a.rawWrap(m); raw != nil {
				d = raw.Kind == httpapi.RouteFn || raw.Kind == httpapi.GroupFn || raw.Kind == httpapi.With
			}
		}
	}
	a.deriving[obj] = d
	return d
}

// rawWrap reads a method's body for the one call of the table's router
// API on its receiver's router, and what the method is if that call
// forwards its parameters.
func (a *analyzer) rawWrap(fn *types.Func) (*httpapi.API, *ast.CallExpr, []*types.Func) {
	sig := fn.Type().(*types.Signature)
	d := a.decls[fn]
	if sig.Recv() == nil || d == nil || d.Body == nil || sig.TypeParams() != nil || sig.RecvTypeParams() != nil {
		return nil, nil, nil
	}
	if isTestFile(a.pass.Fset, fn.Pos()) {
		return nil, nil, nil
	}
	var adapters []*types.Func
	var found *httpapi.API
	var inner *ast.CallExpr
	n := 0
	ast.Inspect(d.Body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			table := httpapi.Lookup(a.callee(x))
			if table == nil || table.RouterArg >= 0 || !a.onReceiver(recvExpr(x), sig.Recv()) {
				return true
			}
			n++
			if api := a.forwards(sig, x, table, &adapters); api != nil {
				found, inner = api, x
			}
		}
		return true
	})
	if found == nil || n != 1 {
		return nil, nil, nil // a method doing more than forwarding is its own code
	}
	self := namedOf(sig.Recv().Type()).Origin()
	switch found.Kind {
	case httpapi.With: // returns the wrapper it derives
		if sig.Results().Len() != 1 || namedOf(sig.Results().At(0).Type()) == nil || namedOf(sig.Results().At(0).Type()).Origin() != self {
			return nil, nil, nil
		}
	case httpapi.RouteFn, httpapi.GroupFn: // calls fn with a wrapper
		f, ok := sig.Params().At(found.FuncArg).Type().Underlying().(*types.Signature)
		if !ok || f.Params().Len() != 1 || namedOf(f.Params().At(0).Type()) == nil || namedOf(f.Params().At(0).Type()).Origin() != self {
			return nil, nil, nil
		}
	}
	return found, inner, adapters
}

// onReceiver reports whether e is the receiver recv or a field of it
// (r.chi, r.inner.group).
func (a *analyzer) onReceiver(e ast.Expr, recv *types.Var) bool {
	for e != nil {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return a.pass.TypesInfo.Uses[x] == recv
		case *ast.SelectorExpr:
			if s := a.pass.TypesInfo.Selections[x]; s == nil || s.Kind() != types.FieldVal {
				return false
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return false
		}
	}
	return false
}

// forwards maps a table call in a wrapper's method to the API the method
// is: its pattern a string parameter of the method, its handler,
// middleware or group function a function parameter; nil when the call
// does not forward them (a constant path is the call's own route).
func (a *analyzer) forwards(sig *types.Signature, call *ast.CallExpr, table *httpapi.API, adapters *[]*types.Func) *httpapi.API {
	api := httpapi.API{Framework: httpapi.Generic, AnyHandler: true, MethodArg: -1, PatternArg: -1, HandlerArg: -1,
		MiddlewareArg: -1, FuncArg: -1, OptionArg: -1, PhaseArg: -1, RouterArg: -1, OperationArg: -1}
	arg := func(i int) ast.Expr {
		if i < 0 || i >= len(call.Args) {
			return nil
		}
		return call.Args[i]
	}
	pattern := func() bool {
		i, ok := a.sigParam(sig, arg(table.PatternArg))
		if ok && isString(sig.Params().At(i).Type()) {
			api.PatternArg = i
		}
		return ok && api.PatternArg >= 0
	}
	switch table.Kind {
	case httpapi.Route:
		if table.Chain || table.PatternArg < 0 || !pattern() {
			return nil
		}
		if table.MiddlewareArg >= 0 && len(call.Args) > table.MiddlewareArg {
			return nil // route-level middlewares passed too: a helper's (helpers.go)
		}
		h, ok := a.adaptedParam(sig, arg(table.HandlerArg), adapters, 0)
		if !ok {
			return nil
		}
		api.Kind, api.HandlerArg, api.Method = httpapi.Route, h, table.Method
		if table.MethodArg >= 0 {
			if m, ok := a.sigParam(sig, arg(table.MethodArg)); ok {
				api.MethodArg = m
			} else if e := arg(table.MethodArg); e == nil {
				return nil
			} else if s, ok := a.constOf(e); ok {
				api.Method = s
			} else {
				return nil
			}
		}
		return &api
	case httpapi.RouteFn, httpapi.GroupFn:
		if table.PatternArg >= 0 && !pattern() {
			return nil
		}
		lit, ok := ast.Unparen(arg(table.FuncArg)).(*ast.FuncLit)
		if !ok {
			return nil
		}
		f, ok := a.calledParam(sig, lit)
		if !ok {
			return nil
		}
		api.Kind, api.FuncArg = table.Kind, f
		return &api
	case httpapi.With, httpapi.Use:
		if table.MiddlewareArg < 0 || table.PrefixArgs || len(call.Args) != table.MiddlewareArg+1 {
			return nil
		}
		m, ok := a.adaptedParam(sig, arg(table.MiddlewareArg), adapters, 0)
		if !ok {
			return nil
		}
		api.Kind, api.MiddlewareArg = table.Kind, m
		return &api
	}
	return nil
}

// sigParam is the index of the parameter of sig that e names.
func (a *analyzer) sigParam(sig *types.Signature, e ast.Expr) (int, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return 0, false
	}
	obj := a.pass.TypesInfo.Uses[id]
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i) == obj {
			return i, true
		}
	}
	return 0, false
}

// adaptedParam finds the function parameter of sig a handler or
// middleware argument is: the parameter, converted, its method value
// (fn.serve), or the one argument of a function of this package that
// adapts it (handler(fn), middleware(fn)); the adapter is reached, as the
// plumbing of every route.
func (a *analyzer) adaptedParam(sig *types.Signature, e ast.Expr, adapters *[]*types.Func, depth int) (int, bool) {
	if e == nil || depth > maxHandlerDepth {
		return 0, false
	}
	if i, ok := a.sigParam(sig, e); ok {
		t := sig.Params().At(i).Type()
		_, isFunc := t.Underlying().(*types.Signature)
		if m := a.serveHTTPOf(t); isFunc && m != nil {
			*adapters = append(*adapters, m) // a function type of its own handed on as an http.Handler
		}
		return i, isFunc
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr: // fn.serve
		if s := a.pass.TypesInfo.Selections[x]; s != nil && s.Kind() == types.MethodVal {
			if m, ok := s.Obj().(*types.Func); ok && m.Pkg() == a.pass.Pkg {
				*adapters = append(*adapters, m.Origin())
			}
			return a.adaptedParam(sig, x.X, adapters, depth+1)
		}
	case *ast.CallExpr:
		if len(x.Args) != 1 {
			return 0, false
		}
		if tv, ok := a.pass.TypesInfo.Types[x.Fun]; ok && tv.IsType() {
			return a.adaptedParam(sig, x.Args[0], adapters, depth+1)
		}
		fn := a.callee(x)
		if fn == nil || fn.Pkg() != a.pass.Pkg {
			return 0, false
		}
		*adapters = append(*adapters, fn.Origin())
		return a.adaptedParam(sig, x.Args[0], adapters, depth+1)
	}
	return 0, false
}

// serveHTTPOf is the ServeHTTP method of a named type of this package,
// nil when it has none.
func (a *analyzer) serveHTTPOf(t types.Type) *types.Func {
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() != a.pass.Pkg {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(n, true, a.pass.Pkg, "ServeHTTP")
	if m, ok := obj.(*types.Func); ok && m.Pkg() == a.pass.Pkg {
		return m.Origin()
	}
	return nil
}

// reachAdapter marks an adapter and the functions and method values it
// returns as reached: they serve the routes the wrapper registers, and are
// no routes of their own.
func (a *analyzer) reachAdapter(fn *types.Func) {
	a.reached[fn] = true
	d := a.decls[fn]
	if d == nil || d.Body == nil {
		return
	}
	ast.Inspect(d.Body, func(x ast.Node) bool {
		ret, ok := x.(*ast.ReturnStmt)
		if !ok {
			return true
		}
		for _, r := range ret.Results {
			if sel, ok := ast.Unparen(r).(*ast.SelectorExpr); ok {
				if s := a.pass.TypesInfo.Selections[sel]; s != nil {
					if m, ok := s.Obj().(*types.Func); ok && m.Pkg() == a.pass.Pkg {
						a.reached[m.Origin()] = true
					}
				}
			}
		}
		return true
	})
}

// calledParam finds the function parameter of sig that a group's closure
// calls (fn(&router{c})).
func (a *analyzer) calledParam(sig *types.Signature, lit *ast.FuncLit) (int, bool) {
	index, n := 0, 0
	ast.Inspect(lit.Body, func(x ast.Node) bool {
		call, ok := x.(*ast.CallExpr)
		if !ok {
			return true
		}
		if i, ok := a.sigParam(sig, call.Fun); ok {
			if n == 0 || i != index {
				n++
			}
			index = i
		}
		return true
	})
	return index, n == 1
}

// isWrapperType reports whether t is a registration wrapper: a named type
// with a method that registers through a router of the table.
func (a *analyzer) isWrapperType(t types.Type) bool {
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return false
	}
	obj := n.Origin().Obj()
	if w, ok := a.wrapTypes[obj]; ok {
		return w
	}
	a.wrapTypes[obj] = false
	if types.IsInterface(n) {
		return false
	}
	ms := types.NewMethodSet(types.NewPointer(n.Origin()))
	w := false
	for i := 0; i < ms.Len() && !w; i++ {
		if m, ok := ms.At(i).Obj().(*types.Func); ok && m.Pkg() == obj.Pkg() {
			if api := a.wrapperAPI(m); api != nil && api.Kind == httpapi.Route {
				w = true
			}
		}
	}
	a.wrapTypes[obj] = w
	return w
}

// wrapperLit is the router a literal of a wrapper type holds
// (&router{chi.NewRouter()}): the value of its one field of a router
// type; nil when it is no such literal.
func (a *analyzer) wrapperLit(lit *ast.CompositeLit) ast.Expr {
	if !a.isWrapperType(a.pass.TypesInfo.TypeOf(lit)) {
		return nil
	}
	var found ast.Expr
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			el = kv.Value
		}
		if t := a.pass.TypesInfo.TypeOf(el); t != nil && httpapi.IsRouterType(t) {
			if found != nil {
				return nil
			}
			found = el
		}
	}
	return found
}

// exportWrappers publishes the Wraps facts of this package's wrapper
// methods, and of its constructors that return a wrapper at a router's
// root; it reports whether there were any.
func (a *analyzer) exportWrappers(fns []*types.Func) bool {
	found := false
	for _, fn := range fns {
		sig := fn.Type().(*types.Signature)
		if sig.Recv() != nil {
			if api := a.wrapperAPI(fn); api != nil {
				a.pass.ExportObjectFact(fn, &Wraps{API: *api})
				found = true
			}
			continue
		}
		if sig.Results().Len() != 1 || !a.isWrapperType(sig.Results().At(0).Type()) || isTestFile(a.pass.Fset, fn.Pos()) {
			continue
		}
		d := a.decls[fn]
		root := len(a.returns[d]) > 0
		for _, ret := range a.returns[d] {
			var rs []router
			if len(ret.Results) == 1 {
				rs = a.routers(ret.Results[0], 0)
			}
			if len(rs) == 0 {
				root = false
				break
			}
			for _, r := range rs {
				root = root && r.known && r.prefix == "" && len(r.mws) == 0
			}
		}
		if root {
			api := httpapi.API{Framework: httpapi.Generic, Kind: httpapi.New, MethodArg: -1, PatternArg: -1, HandlerArg: -1,
				MiddlewareArg: -1, FuncArg: -1, OptionArg: -1, PhaseArg: -1, RouterArg: -1, OperationArg: -1}
			a.pass.ExportObjectFact(fn, &Wraps{API: api})
			found = true
		}
	}
	return found
}
