package routes

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/internal/httppattern"
)

// registerController makes the routes of a controller's registration
// (beego's web.Router(path, &C{}, "GET,POST:Login;*:Any"), NSRouter in a
// namespace): a controller is a struct embedding the framework's
// Controller, and a request runs, on a new one, its Prepare (when the
// controller declares one), then the method the mapping names for the
// request's method ("*" for any other), or, without a mapping, the
// method named after the HTTP method (Get, Post...) that the controller
// declares, then its Finish (when it declares one). What beego would refuse at start (a method the controller
// lacks, a mapping of another form), or what is not known here (the
// controller's type), is said in Result.Unread rather than guessed.
func (a *analyzer) registerController(call *ast.CallExpr, api *httpapi.API) {
	if api.HandlerArg >= len(call.Args) {
		return
	}
	unread := func(format string, args ...any) {
		a.unread = append(a.unread, Unread{Pos: call.Pos(), Message: "beego: " + fmt.Sprintf(format, args...)})
	}
	arg := call.Args[api.HandlerArg]
	t := a.pass.TypesInfo.TypeOf(arg)
	if t == nil || types.IsInterface(t) || !httpapi.EmbedsController(t) {
		unread("the controller registered is not known here (a %s): its routes are missing", types.TypeString(t, func(p *types.Package) string { return p.Name() }))
		return
	}
	name := controllerName(t)
	// The action each method runs, in the order the mapping writes them.
	type action struct {
		method string
		fn     *types.Func
	}
	var actions []action
	mapping, hasMapping := "", api.MethodArg < len(call.Args)
	if hasMapping {
		if call.Ellipsis.IsValid() && api.MethodArg == len(call.Args)-1 {
			unread("the method mapping of this route is not known here (%s...): its routes are missing", types.ExprString(call.Args[api.MethodArg]))
			return
		}
		var ok bool
		if mapping, ok = a.constOf(call.Args[api.MethodArg]); !ok {
			unread("the method mapping of this route is not a constant (%s): its routes are missing", types.ExprString(call.Args[api.MethodArg]))
			return
		}
	}
	if hasMapping {
		// beego reads the first mapping string only: "m1,m2:Func" pairs
		// joined by ";", a later pair's method replacing an earlier's.
		at := map[string]int{}
		for _, pair := range strings.Split(mapping, ";") {
			methods, fname, ok := strings.Cut(pair, ":")
			if !ok || strings.Contains(fname, ":") {
				unread("the method mapping %q is not METHODS:Method (beego refuses it at start): its routes are missing", pair)
				return
			}
			fn := controllerMethod(t, fname)
			if fn == nil {
				unread("the controller %s has no method %s that mapping %q names (beego refuses it at start): its routes are missing", name, fname, pair)
				return
			}
			for _, m := range strings.Split(methods, ",") {
				m = strings.ToUpper(m)
				switch {
				case m == "*":
					m = httppattern.AnyMethod
				case !beegoMethods[m]:
					unread("%q in the method mapping %q is not an HTTP method beego knows (it refuses it at start): its routes are missing", m, pair)
					return
				}
				if i, seen := at[m]; seen {
					actions[i].fn = fn
					continue
				}
				at[m] = len(actions)
				actions = append(actions, action{m, fn})
			}
		}
	} else {
		for _, m := range restMethods {
			if fn := controllerMethod(t, m); fn != nil && httpapi.IsControllerMethod(fn) {
				actions = append(actions, action{strings.ToUpper(m), fn})
			}
		}
		if len(actions) == 0 {
			unread("the controller %s, registered without a method mapping, declares none of %s: every request is answered 405", name, strings.Join(restMethods, ", "))
			return
		}
	}
	path, pathOK := a.constString(call, api.PatternArg)
	if !pathOK || strings.Contains(path, "…") {
		shown := path
		if !pathOK {
			shown = "…"
		}
		unread("the path of this route is not constant (%s): it is listed as %s", types.ExprString(call.Args[api.PatternArg]), shown)
	}
	// The controller's own Prepare runs before the action, its Finish
	// after it: every request of its routes runs both.
	var prepare []*Handler
	for _, name := range []string{"Prepare", "Finish"} {
		if fn := controllerMethod(t, name); fn != nil && httpapi.IsControllerMethod(fn) {
			prepare = append(prepare, a.action(fn))
		}
	}
	for _, r := range a.controllerRouters(call) {
		// The namespaces' before filters are the router's middlewares;
		// then Prepare and Finish, then their after filters, which a
		// request runs all the same.
		mws := append(append([]*Handler(nil), prepare...), r.after...)
		r.after = nil
		for _, act := range actions {
			a.add(call, api.Framework, r, act.method, path, pathOK, a.action(act.fn), mws)
		}
	}
}

// beegoMethods are the HTTP methods a beego mapping may name (its
// HTTPMETHOD), upper-cased.
var beegoMethods = map[string]bool{
	"GET": true, "POST": true, "PUT": true, "DELETE": true, "PATCH": true, "OPTIONS": true, "HEAD": true, "TRACE": true,
	"CONNECT": true, "MKCOL": true, "COPY": true, "MOVE": true, "PROPFIND": true, "PROPPATCH": true, "LOCK": true, "UNLOCK": true,
}

// restMethods are the controller methods beego runs, without a mapping,
// for the HTTP method of their name.
var restMethods = []string{"Get", "Post", "Put", "Patch", "Delete", "Head", "Options", "Trace"}

// action is the handler of a controller's method.
func (a *analyzer) action(fn *types.Func) *Handler {
	if fn.Pkg() == a.pass.Pkg {
		a.reached[fn.Origin()] = true
	}
	return a.declared(fn)
}

// controllerMethod is the exported method name of the controller type t
// (its own, promoted from what it embeds, or the framework's), nil when
// it has none: beego finds it by reflection, on a pointer.
func controllerMethod(t types.Type, name string) *types.Func {
	if !ast.IsExported(name) {
		return nil
	}
	if _, ok := types.Unalias(t).(*types.Pointer); !ok {
		t = types.NewPointer(t)
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	fn, _ := obj.(*types.Func)
	return fn
}

// controllerName is the controller type's name, with its package's.
func controllerName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Name() + "." + n.Obj().Name()
	}
	return types.TypeString(t, nil)
}

// controllerRouters are what a controller's registration is under: the
// application (BeeApp for the package's Router, an HttpServer's), or
// the namespaces around it — those whose arguments it is
// (NewNamespace("/v1", NSNamespace("/admin", NSRouter(...)))), or the
// one whose Router method it calls — with their NSBefore and NSAfter
// filters.
func (a *analyzer) controllerRouters(call *ast.CallExpr) []router {
	recv := recvExpr(call)
	if recv == nil || !a.pass.TypesInfo.Types[recv].IsValue() {
		return []router{a.namespaces(call)}
	}
	if a.isRouterType(a.pass.TypesInfo.TypeOf(recv)) {
		return a.routers(recv, 0) // an HttpServer
	}
	// A namespace's Router: the namespace made where the receiver is,
	// when that is visible.
	ns, ok := ast.Unparen(recv).(*ast.CallExpr)
	if !ok {
		ns, _ = ast.Unparen(a.onlyValue(recv)).(*ast.CallExpr)
	}
	if ns == nil || !a.isNamespace(ns) {
		return []router{{known: false}}
	}
	return []router{a.namespaces(ns)}
}

// isNamespace reports whether call makes a namespace.
func (a *analyzer) isNamespace(call *ast.CallExpr) bool {
	api := a.lookup(a.callee(call))
	return api != nil && api.Kind == httpapi.Namespace
}

// namespaces is what call, a registration or a namespace, is under: the
// prefixes of the namespaces it is an argument of, out to the
// NewNamespace they start at, and their NSBefore filters as
// middlewares (outermost first), their NSAfter ones after them (as the
// driver puts the application's filters). The prefix is not known when
// the chain of arguments breaks before a NewNamespace (an NSRouter held
// in a variable), or reaches a namespace's Namespace method, whose
// receiver's prefix is not followed.
func (a *analyzer) namespaces(call *ast.CallExpr) router {
	var parts []string
	var before, after [][]*Handler // per namespace, innermost first
	known, rooted := true, false
	for c, depth := call, 0; c != nil && depth < 16; c, depth = a.argOf[c], depth+1 {
		api := a.lookup(a.callee(c))
		if c != call && (api == nil || api.Kind != httpapi.Namespace) {
			break // handed to something else than a namespace
		}
		if api == nil || api.Kind != httpapi.Namespace {
			if api == nil || !api.Nested {
				rooted = true // web.Router: the application's
				break
			}
			continue
		}
		if api.PatternArg < 0 {
			break // ns.Namespace(sub): under ns, not followed
		}
		p, ok := a.constString(c, api.PatternArg)
		if !ok {
			p, known = "", false
		}
		parts = append(parts, p)
		b, f := a.namespaceFilters(c)
		before, after = append(before, b), append(after, f)
		if !api.Nested {
			// NewNamespace: added to the application, unless nested in
			// another with its Namespace method.
			rooted = true
			if p := a.argOf[c]; p != nil {
				if papi := a.lookup(a.callee(p)); papi != nil && papi.Kind == httpapi.Namespace {
					rooted = false
				}
			}
			break
		}
	}
	r := router{known: known && rooted}
	for i := len(parts) - 1; i >= 0; i-- {
		r.prefix = join(r.prefix, parts[i])
		r.mws = append(r.mws, before[i]...)
	}
	for i := len(after) - 1; i >= 0; i-- {
		r.after = append(r.after, after[i]...)
	}
	return r
}

// namespaceFilters are the NSBefore and NSAfter filters among the
// arguments of a namespace's call.
func (a *analyzer) namespaceFilters(ns *ast.CallExpr) (before, after []*Handler) {
	for _, arg := range ns.Args {
		c, ok := ast.Unparen(arg).(*ast.CallExpr)
		if !ok {
			continue
		}
		api := a.lookup(a.callee(c))
		if api == nil || api.Kind != httpapi.Filter || !api.Nested {
			continue
		}
		mws := a.mwArgs(c, api.MiddlewareArg, len(c.Args), false)
		if api.After {
			after = append(after, mws...)
		} else {
			before = append(before, mws...)
		}
	}
	return before, after
}

// Filter is a function the application runs on every request of its
// routes that Pattern covers (beego's InsertFilter): before the route's
// handler, or after it.
type Filter struct {
	Pattern    string // as written: "*", "/api/*", "/login"
	After      bool   // runs once the handler has (AfterExec, FinishRouter)
	Pos        token.Pos
	Middleware *Handler
}

// Covers reports whether the filter runs on the requests of a route of
// pattern path (a route's Pattern): "*" and "/*" cover every route,
// "/api/*" those under /api, any other pattern the route it names. A
// route under a prefix not known ("…/items") is covered by "*" alone.
func (f *Filter) Covers(path string) bool {
	p := f.Pattern
	switch {
	case p == "*" || p == "/*":
		return true
	case strings.HasPrefix(path, "…"):
		return false
	case strings.HasSuffix(p, "/*"):
		base := strings.TrimSuffix(httppattern.Parse(strings.TrimSuffix(p, "/*")).Path, "/")
		full := httppattern.Parse(path).Path
		return full == base || strings.HasPrefix(full, base+"/") || base == ""
	}
	return httppattern.Parse(p).Path == httppattern.Parse(path).Path
}

// filters resolves the filters the package inserts. One whose pattern is
// not a constant is in Result.Unread instead: which routes it runs on is
// not known.
func (a *analyzer) filters() []*Filter {
	var out []*Filter
	for _, call := range a.filterCalls {
		api := a.lookup(a.callee(call))
		if api.PatternArg < 0 || api.MiddlewareArg >= len(call.Args) {
			continue // NSBefore, NSAfter: their namespace's (see namespaces)
		}
		pattern, ok := a.constString(call, api.PatternArg)
		if !ok || strings.Contains(pattern, "…") {
			a.unread = append(a.unread, Unread{Pos: call.Pos(), Message: fmt.Sprintf("beego: the pattern of this filter is not constant (%s): it is attached to no route", types.ExprString(call.Args[api.PatternArg]))})
			continue
		}
		f := &Filter{Pattern: pattern, Pos: call.Pos(), Middleware: a.mwOf(call.Args[api.MiddlewareArg], 0)}
		if api.PhaseArg >= 0 && api.PhaseArg < len(call.Args) {
			if tv := a.pass.TypesInfo.Types[call.Args[api.PhaseArg]]; tv.Value != nil && tv.Value.Kind() == constant.Int {
				n, _ := constant.Int64Val(tv.Value)
				f.After = httpapi.FilterAfter(n)
			}
		}
		out = append(out, f)
	}
	return out
}
