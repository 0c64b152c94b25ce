package routes

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// A route helper is the application's own way to register a route: a
// function whose parameters become the pattern and the handler of a
// router call (or of another helper's call) in its body,
//
//	func (s *Server) route(method, path string, h http.HandlerFunc) {
//		s.r.Method(method, path, s.auth(h))
//	}
//
// Its body's call registers nothing by itself — its pattern is whatever
// the callers pass — so each call of the helper, in its package or any
// other (through the Registers fact), is a registration instead, with the
// helper's router and middlewares. Helpers are learned as the queries pass
// learns SQL wrappers: by what the body does with the parameters, to a
// fixpoint, so a helper calling a helper is one too.
//
// A helper may also take a function of the application's own shape and
// register a closure that adapts it,
//
//	func h(r chi.Router, path string, f func(*http.Request) (*Response, error)) {
//		r.HandleFunc("/"+path, func(w http.ResponseWriter, r *http.Request) {
//			res, err := f(r)
//			...
//		})
//	}
//
// The closure serves every route the helper registers, and is the same
// code for each; what differs per call, and what runs the request's
// queries, is the function passed. So the function passed is the route's
// handler: the closure calls it, as a conversion would.
//
// The closure may come from another function of the package, which wraps
// the function in middlewares before the closure calls it:
//
//	func (g *Group) Get(path string, handler HandlerFunc) {
//		g.engine.mux.Handle("GET", path, g.engine.handle(g.middlewares, handler))
//	}
//
//	func (e *Engine) handle(mws []MiddlewareFunc, handler HandlerFunc) httprouter.Handle {
//		next := handler
//		for i := len(mws) - 1; i >= 0; i-- {
//			next = mws[i](next)
//		}
//		return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
//			_ = next(NewContext(e, r, w, ps))
//		}
//	}
//
// A variable holding the parameter, or what middlewares applied to it
// return, is the parameter still: each call of Get registers the handler
// it passes (a function, or the closure a constructor such as
// handlers.Index() returns).

// helper is one route a helper registers per call.
type helper struct {
	fw      string
	pattern int    // the pattern's parameter
	prefix  string // constant text the helper puts before it ("/api"+path)
	suffix  string // and after it ("/"+path+".view")

	// group is a string parameter the helper joins between the prefix and
	// the pattern, as groupPre+group+groupSuf, or not at all when it is ""
	// and groupIf (built.go); -1 when none.
	group              int
	groupPre, groupSuf string
	groupIf            bool

	method  int    // the method's parameter; -1 when fixed or in the pattern
	fixed   string // the method fixed by the helper's call ("GET"); "" when method or the pattern says
	handler int    // the handler's parameter
	chain   bool   // hs ...gin.HandlerFunc passed on as a chain: the last serves
	mw      int    // the parameter of middlewares wrapped around the handler (mws ...Middleware); -1 when none
	router  int    // the router's parameter; -1 when the helper's own (a field, a global)
	routers []router
	mws     []*Handler // wrapped around the handler in the helper, outermost first
	// joins says the helper joins a field of its receiver before the
	// pattern, which the receiver's makers set (see joined.go).
	joins  bool
	makers []Maker
}

// maxHelpers bounds the routes one helper registers per call.
const maxHelpers = 8

// learnHelpers finds this package's route helpers, and the calls of
// helpers (here or imported) that register routes.
func (a *analyzer) learnHelpers() {
	var fns []*types.Func
	for _, fn := range a.funcs() {
		if mayHelp(fn) && !isTestFile(a.pass.Fset, fn.Pos()) && a.wrapperAPI(fn) == nil {
			fns = append(fns, fn)
		}
	}
	// Each round reads every candidate again: a helper learned in a round
	// can make a call of an earlier one a template.
	for changed := true; changed; {
		changed = false
		for _, fn := range fns {
			var hs []*helper
			ast.Inspect(a.decls[fn].Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false // a closure's calls run when it does
				case *ast.CallExpr:
					if ts := a.template(fn, n); len(ts) > 0 {
						a.templates[n] = true
						hs = append(hs, ts[:min(len(ts), maxHelpers-len(hs))]...)
					}
				}
				return true
			})
			if len(hs) != len(a.helpers[fn]) {
				a.helpers[fn] = hs
				changed = true
			}
		}
		for _, m := range a.ifaceMethods() {
			if hs := a.implHelpers(m); len(hs) != len(a.helpers[m]) {
				a.helpers[m] = hs
				changed = true
			}
		}
	}
	calls := a.helperCalls // of imported helpers, from index
	a.helperCalls = nil
	for _, fn := range append(fns, a.ifaceMethods()...) {
		if a.helpers[fn] != nil {
			calls = append(calls, a.callers[fn]...)
		}
	}
	for _, c := range calls {
		if !a.templates[c] && !isTestFile(a.pass.Fset, c.Pos()) {
			a.helperCalls = append(a.helperCalls, c)
		}
	}
}

// A module may hand its packages an interface to register on, with the
// implementation that forwards to the router kept out of sight:
//
//	type Mux interface { HandleFunc(pattern string, h http.HandlerFunc) }
//	func New(c Config) Mux { return mountMux{c} }
//	func (m mountMux) HandleFunc(p string, h http.HandlerFunc) {
//		m.c.Router.Handle(path.Join(m.c.IssuerPath, p), m.wrap(h))
//	}
//
//	func (h *Handler) Mount(mux router.Mux) { mux.HandleFunc("/logout", h.logout) }
//
// A method of such an interface is a helper when the implementations its
// package declares are (implHelpers): each call of it, through the
// interface, registers what theirs would. Implementations in test files
// (a fake recording the patterns) are not the service's and are left out;
// an interface method whose implementations register nothing (a logger's
// Note(name, h)) is no helper.

// ifaceMethods are the methods of the interfaces this package declares
// (outside tests) that can be helpers, in a fixed order.
func (a *analyzer) ifaceMethods() []*types.Func {
	if a.ifaceMs != nil {
		return *a.ifaceMs
	}
	var out []*types.Func
	scope := a.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || isTestFile(a.pass.Fset, tn.Pos()) {
			continue
		}
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for i := 0; i < iface.NumExplicitMethods(); i++ {
			if m := iface.ExplicitMethod(i); mayHelp(m) {
				out = append(out, m)
			}
		}
	}
	a.ifaceMs = &out
	return out
}

// implHelpers are the routes a call of m, a method of an interface of
// this package, registers: those of the methods of the package's named
// types (outside tests) implementing the interface, the same route once.
func (a *analyzer) implHelpers(m *types.Func) []*helper {
	iface, _ := m.Type().(*types.Signature).Recv().Type().Underlying().(*types.Interface)
	if iface == nil {
		return nil
	}
	var out []*helper
	seen := map[string]bool{}
	scope := a.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || isTestFile(a.pass.Fset, tn.Pos()) {
			continue
		}
		if _, isIface := tn.Type().Underlying().(*types.Interface); isIface {
			continue
		}
		if _, isNamed := tn.Type().(*types.Named); !isNamed || tn.Type().(*types.Named).TypeParams() != nil {
			continue
		}
		ptr := types.NewPointer(tn.Type())
		if !types.Implements(tn.Type(), iface) && !types.Implements(ptr, iface) {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(ptr, false, m.Pkg(), m.Name())
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		hs := a.helpers[fn.Origin()]
		if fn.Pkg() != a.pass.Pkg {
			hs = a.importedHelpers(fn)
		}
		for _, h := range hs {
			k := fmt.Sprint(h.fw, h.pattern, h.prefix, h.suffix, h.group, h.groupPre, h.groupSuf, h.groupIf, h.method, h.fixed, h.handler, h.chain, h.mw, h.router, h.joins, len(h.mws), len(h.routers))
			if !seen[k] && len(out) < maxHelpers {
				seen[k] = true
				out = append(out, h)
			}
		}
	}
	return out
}

// mayHelp reports whether fn's signature can be a helper's: a string
// parameter for the pattern and a handler parameter, or a function
// parameter that a closure of the helper adapts (see above).
func mayHelp(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	str, handler := false, false
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if s, ok := t.(*types.Slice); ok && sig.Variadic() && i == sig.Params().Len()-1 {
			t = s.Elem()
		}
		_, isFunc := t.Underlying().(*types.Signature)
		str = str || isString(t)
		handler = handler || httpapi.IsHandlerType(t) || isFunc
	}
	return str && handler && sig.TypeParams() == nil && sig.RecvTypeParams() == nil
}

// importedHelpers is what a function of another package registers per
// call, from its Registers fact.
func (a *analyzer) importedHelpers(fn *types.Func) []*helper {
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == a.pass.Pkg {
		return nil
	}
	fn = fn.Origin()
	if hs, ok := a.helpers[fn]; ok {
		return hs
	}
	var hs []*helper // nil: not a helper, and looked up once
	var f Registers
	if a.pass.ImportObjectFact(fn, &f) {
		for _, t := range f.Routes {
			hs = append(hs, t.helper())
		}
	}
	a.helpers[fn] = hs
	return hs
}

// spec is where the pieces of a registering call are: a route helper's
// (its fields are argument indices of a call of it), or a router API
// route's, whose receiver is the router.
type spec struct {
	*helper
	api  *httpapi.API
	recv ast.Expr
}

// specs are what a call registers: one spec for a router API's route
// call, one per route of a helper; nil for any other call.
func (a *analyzer) specs(call *ast.CallExpr) []spec {
	fn := a.callee(call)
	if api := httpapi.Lookup(fn); api != nil {
		if api.Kind != httpapi.Route || api.PatternArg < 0 {
			return nil // gorilla's Route.Handler: its pattern is a matcher's
		}
		h := &helper{fw: api.Framework, pattern: api.PatternArg, handler: api.HandlerArg, method: api.MethodArg,
			fixed: api.Method, chain: api.Chain, router: -1, mw: -1, group: -1}
		if !api.Chain {
			h.mw = api.MiddlewareArg // echo's route-level middlewares
		}
		return []spec{{helper: h, api: api, recv: recvExpr(call)}}
	}
	if fn == nil {
		return nil
	}
	hs := a.helpers[fn.Origin()]
	if fn.Pkg() != a.pass.Pkg {
		hs = a.importedHelpers(fn)
	}
	out := make([]spec, len(hs))
	for i, h := range hs {
		out[i] = spec{helper: h}
	}
	return out
}

// template reads a call in fn's body as the routes whose pattern and
// handler are fn's parameters, one per route the call registers (a
// helper's call may register several); nil when it is not one.
func (a *analyzer) template(fn *types.Func, call *ast.CallExpr) []*helper {
	d := a.decls[fn]
	var out []*helper
	for _, s := range a.specs(call) {
		if s.pattern >= len(call.Args) || s.handler < 0 || s.handler >= len(call.Args) || s.router >= len(call.Args) || s.group >= len(call.Args) {
			continue
		}
		h := &helper{fw: s.fw, method: -1, router: -1, mw: -1, group: -1}
		var ok bool
		// method+" "+path on a ServeMux: the method is a parameter too.
		pat, methodParam := a.methodPattern(d, call.Args[s.pattern])
		// path.Join(m.c.IssuerPath, p) written in the call itself.
		before, inline := a.inlineJoin(pat)
		if inline {
			pat = ast.Unparen(pat).(*ast.CallExpr).Args[1]
		}
		if h.pattern, h.prefix, h.suffix, ok = a.patternParam(d, pat); !ok {
			// finalPath := path; if group != "" {...}; Sprintf("%s %s", method, finalPath)
			b, built := a.builtPattern(d, call.Args[s.pattern])
			if !built {
				continue
			}
			inline = false
			methodParam, h.pattern, h.prefix, h.suffix = b.method, b.pattern, b.prefix, b.suffix
			h.group, h.groupPre, h.groupSuf, h.groupIf = b.group, b.groupPre, b.groupSuf, b.groupIf
		}
		if !a.passGroup(d, call, s, h) {
			continue
		}
		a.joins(d, call, s, h)
		if inline {
			a.joinsInline(d, before, h)
		}
		// The handler: a parameter, maybe converted or wrapped here.
		var mws []*Handler
		switch last := call.Args[len(call.Args)-1]; {
		case s.chain && call.Ellipsis.IsValid():
			h.chain = true
			if h.handler, ok = a.paramIndex(d, last); !ok {
				continue
			}
		case s.chain:
			if h.handler, ok = a.handlerParam(d, last, 0); !ok {
				continue
			}
			_, mws = a.chainOf(call.Args[s.handler:])
		default:
			if h.handler, ok = a.handlerParam(d, call.Args[s.handler], 0); !ok {
				continue
			}
			_, mws = a.handlerOf(call.Args[s.handler], 0)
			// Middlewares passed on: to the call's own middleware
			// parameter, or into the handler (chain(h, mws...)).
			if s.mw >= 0 && s.mw < len(call.Args) {
				if i, ok := a.paramIndex(d, call.Args[s.mw]); ok {
					h.mw = i
				} else {
					mws = append(a.passedMws(call, s.mw), mws...)
				}
			}
			if i, ok := a.mwParam(d, call.Args[s.handler]); ok && h.mw < 0 {
				h.mw = i
			}
			if i, ok := a.wrapMwParam(d, h.handler); ok && h.mw < 0 {
				h.mw = i // h = wrapMiddleware(mw, h) (built.go)
			}
		}
		h.mws = append(append([]*Handler(nil), s.mws...), mws...)
		// The method: fixed by the call, a parameter, or a constant.
		switch {
		case methodParam >= 0:
			h.method = methodParam
		case s.fixed != "":
			h.fixed = s.fixed
		case s.method >= 0 && s.method < len(call.Args):
			if i, ok := a.paramIndex(d, call.Args[s.method]); ok {
				h.method = i
			} else {
				h.fixed = strings.Join(a.methodsOf(call.Args[s.method]), ",")
			}
		case s.api != nil && s.api.Framework == httpapi.GorillaMux:
			_, _, _, methods := a.gorillaChain(call, s.api) // r.HandleFunc(path, h).Methods("GET")
			h.fixed = strings.Join(methods, ",")
		}
		// The router: a parameter, or what the one called with resolves to.
		var recv ast.Expr
		switch {
		case s.router >= 0:
			recv = call.Args[s.router] // a helper's argument
		case s.api == nil:
			h.routers = s.routers // a helper's own
		case s.recv != nil && a.pass.TypesInfo.Types[s.recv].IsValue():
			recv = s.recv
		default:
			h.routers = []router{{known: true}} // http.HandleFunc: DefaultServeMux
		}
		if recv != nil {
			if i, ok := a.paramIndex(d, recv); ok {
				h.router = i
			} else {
				h.routers = a.routers(recv, 0)
			}
		}
		out = append(out, h)
	}
	return out
}

// methodPattern splits a pattern written method+" "+path, method a
// string parameter of d (a helper over a ServeMux's Go 1.22 patterns):
// the path, and the method's parameter; else e and -1.
func (a *analyzer) methodPattern(d *ast.FuncDecl, e ast.Expr) (ast.Expr, int) {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok || b.Op != token.ADD {
		return e, -1
	}
	left, ok := ast.Unparen(b.X).(*ast.BinaryExpr)
	if !ok || left.Op != token.ADD {
		return e, -1
	}
	if sp, ok := a.constOf(left.Y); !ok || sp != " " || !isString(a.pass.TypesInfo.TypeOf(left.X)) {
		return e, -1
	}
	i, ok := a.paramIndex(d, left.X)
	if !ok {
		return e, -1
	}
	return b.Y, i
}

// paramIndex is the index of the parameter of d that e names.
func (a *analyzer) paramIndex(d *ast.FuncDecl, e ast.Expr) (int, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return 0, false
	}
	v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return 0, false
	}
	p, ok := a.params[v]
	if !ok || p.fn != ast.Node(d) {
		return 0, false
	}
	return p.index, true
}

// patternParam reads a pattern argument that is a string parameter of d,
// alone or between constant texts ("/api" + path, "/" + path + ".view").
func (a *analyzer) patternParam(d *ast.FuncDecl, e ast.Expr) (index int, prefix, suffix string, ok bool) {
	if b, isBin := ast.Unparen(e).(*ast.BinaryExpr); isBin && b.Op == token.ADD {
		if pre, ok := a.constOf(b.X); ok {
			index, p, s, ok := a.patternParam(d, b.Y)
			return index, pre + p, s, ok
		}
		if post, ok := a.constOf(b.Y); ok {
			index, p, s, ok := a.patternParam(d, b.X)
			return index, p, s + post, ok
		}
		return 0, "", "", false
	}
	index, ok = a.paramIndex(d, e)
	if ok && !isString(a.pass.TypesInfo.TypeOf(e)) {
		return 0, "", "", false
	}
	return index, "", "", ok
}

// handlerParam finds the parameter of d that a handler argument serves
// with, through conversions (http.HandlerFunc(h)) and wrappers
// (s.auth(h)).
func (a *analyzer) handlerParam(d *ast.FuncDecl, e ast.Expr, depth int) (int, bool) {
	if depth > maxHandlerDepth {
		return 0, false
	}
	if i, ok := a.paramIndex(d, e); ok {
		return i, true
	}
	if i, ok := a.wrappedHere(d, e); ok {
		return i, true // var handler http.Handler = h; handler = cors(handler)
	}
	if v, ok := ast.Unparen(a.onlyValue(e)).(*ast.CallExpr); ok {
		// handler := http.StripPrefix(pattern, top(adapt(h))): what the
		// one value assigned to it is made of.
		return a.handlerParam(d, v, depth+1)
	}
	if lit := a.adapterLit(e); lit != nil {
		return a.adapted(d, lit)
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return 0, false
	}
	if tv, ok := a.pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return a.handlerParam(d, call.Args[0], depth+1)
		}
		return 0, false
	}
	if fn := a.callee(call); fn != nil && !a.methodExpr(call) {
		// e.handle(mws, handler): a function whose closure runs its
		// parameter (see above); the argument for it is the handler.
		if i, ok := a.runsParam(fn); ok && i < len(call.Args) {
			return a.handlerParam(d, call.Args[i], depth+1)
		}
	}
	for _, arg := range call.Args {
		if httpapi.IsHandlerType(a.pass.TypesInfo.TypeOf(arg)) {
			return a.handlerParam(d, arg, depth+1) // the one handlerOf follows
		}
	}
	for _, arg := range call.Args {
		if _, isCall := ast.Unparen(arg).(*ast.CallExpr); isCall && servesHTTP(a.pass.TypesInfo.TypeOf(arg)) {
			return a.handlerParam(d, arg, depth+1) // http.StripPrefix(p, web.NewTopHandler(...))
		}
	}
	if servesHTTP(a.pass.TypesInfo.TypeOf(call)) {
		// web.NewTopHandler(log, web.WFEHandlerFunc(func(...) { ... h(...) })):
		// a handler made of the one closure of the application's own
		// shape it is given, written here, which adapts the parameter.
		// (A function handed a parameter as it is may run another,
		// e.swap(handler): runsParam decides for those, above.)
		var fn ast.Expr
		for _, arg := range call.Args {
			if t := a.pass.TypesInfo.TypeOf(arg); t != nil {
				if _, isFunc := t.Underlying().(*types.Signature); isFunc {
					if fn != nil {
						return 0, false
					}
					fn = arg
				}
			}
		}
		if fn != nil && a.adapterLit(a.unconvert(fn)) != nil {
			return a.handlerParam(d, fn, depth+1)
		}
	}
	if recv := recvExpr(call); recv != nil && a.pass.TypesInfo.Types[recv].IsValue() && httpapi.IsHandlerType(a.pass.TypesInfo.TypeOf(recv)) {
		return a.handlerParam(d, recv, depth+1) // chain(h, mws...).toEcho()
	}
	return 0, false
}

// unconvert is e without the conversions around it (T(x) is x).
func (a *analyzer) unconvert(e ast.Expr) ast.Expr {
	for {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return e
		}
		if tv, ok := a.pass.TypesInfo.Types[call.Fun]; !ok || !tv.IsType() {
			return e
		}
		e = call.Args[0]
	}
}

// servesHTTP reports whether t has a ServeHTTP method: a handler of
// net/http (or a router's own shape) made by the module's constructor.
func servesHTTP(t types.Type) bool {
	if t == nil {
		return false
	}
	if httpapi.IsHandlerType(t) {
		return true
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	_, ok := obj.(*types.Func)
	return ok
}

// adapterLit is the closure a handler argument is, written in place or
// held in a local variable assigned once (handle := func(w, r) {...}).
func (a *analyzer) adapterLit(e ast.Expr) *ast.FuncLit {
	if lit, ok := ast.Unparen(e).(*ast.FuncLit); ok {
		return lit
	}
	return a.localLit(e)
}

// adapted finds the function parameter of d that a closure registered by
// d adapts: the one parameter of d its body calls (not in closures of its
// own, which may run at any time or never), itself or through a variable
// of d derived from it (see wrapped). A closure calling none, or two,
// serves on its own.
func (a *analyzer) adapted(d *ast.FuncDecl, lit *ast.FuncLit) (int, bool) {
	index, n := 0, 0
	ast.Inspect(lit.Body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if _, isFunc := a.pass.TypesInfo.TypeOf(x.Fun).Underlying().(*types.Signature); !isFunc {
				return true
			}
			i, ok := a.paramIndex(d, x.Fun)
			if !ok {
				i, ok = a.wrapped(d, x.Fun)
			}
			if ok && (n == 0 || i != index) {
				index = i
				n++
			}
		}
		return true
	})
	return index, n == 1
}

// wrapped finds the parameter of d that a local variable of d holds,
// maybe wrapped in middlewares: every value assigned to it is the
// parameter, a closure adapting it (see adapted), or a call given the
// variable itself (next := handler; next = mws[i](next)). A variable ever
// assigned anything else may hold that.
func (a *analyzer) wrapped(d *ast.FuncDecl, e ast.Expr) (int, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return 0, false
	}
	v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || a.isParam(v) || v.Pos() < d.Pos() || v.Pos() >= d.End() {
		return 0, false
	}
	isV := func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && a.pass.TypesInfo.Uses[id] == v
	}
	index, found := 0, false
	for _, w := range a.writes[v] {
		if call, ok := ast.Unparen(w).(*ast.CallExpr); ok && slices.ContainsFunc(call.Args, isV) {
			continue // a middleware applied to what it held
		}
		i, ok := a.paramIndex(d, w)
		if lit, isLit := ast.Unparen(w).(*ast.FuncLit); isLit && !a.adapting[v] {
			// handler := func(ctx, r) Encoder { raw(w, r); ... }: a closure
			// adapting the parameter holds it as a conversion would.
			if a.adapting == nil {
				a.adapting = map[*types.Var]bool{}
			}
			a.adapting[v] = true
			i, ok = a.adapted(d, lit)
			delete(a.adapting, v)
		}
		if !ok || found && i != index {
			return 0, false
		}
		index, found = i, true
	}
	return index, found
}

// wrappedHere is wrapped for a handler variable the helper wraps in
// middlewares it names (handler = cors(handler)); one wrapped in a loop
// over a list of them (hh = b.middlewares[i](hh)) is a router's own Use
// machinery, which a router known by its shape models (generic.go), not
// a helper's.
func (a *analyzer) wrappedHere(d *ast.FuncDecl, e ast.Expr) (int, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return 0, false
	}
	v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return 0, false
	}
	for _, w := range a.writes[v] {
		if call, ok := ast.Unparen(w).(*ast.CallExpr); ok {
			if _, indexed := ast.Unparen(call.Fun).(*ast.IndexExpr); indexed {
				return 0, false
			}
		}
	}
	return a.wrapped(d, e)
}

// methodExpr reports whether call calls a method expression (T.M(recv,
// args...)), whose arguments start with the receiver.
func (a *analyzer) methodExpr(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := a.pass.TypesInfo.Selections[sel]
	return s != nil && s.Kind() == types.MethodExpr
}

// runsParam finds the parameter of fn, a function of this package that
// returns a handler, that every closure it returns runs per request (see
// above); ok is false when fn returns anything else, or its closures run
// no parameter of its, or different ones.
func (a *analyzer) runsParam(fn *types.Func) (int, bool) {
	d := a.decls[fn.Origin()]
	sig := fn.Type().(*types.Signature)
	if d == nil || sig.Results().Len() != 1 || !httpapi.IsHandlerType(sig.Results().At(0).Type()) {
		return 0, false
	}
	index, found := 0, false
	for _, ret := range a.returns[d] {
		if len(ret.Results) != 1 {
			return 0, false
		}
		x := ret.Results[0]
		for { // httprouter.Handle(func...)
			call, ok := ast.Unparen(x).(*ast.CallExpr)
			if !ok || len(call.Args) != 1 || !a.pass.TypesInfo.Types[call.Fun].IsType() {
				break
			}
			x = call.Args[0]
		}
		lit := a.adapterLit(x)
		if lit == nil {
			return 0, false
		}
		i, ok := a.adapted(d, lit)
		if !ok || found && i != index {
			return 0, false
		}
		index, found = i, true
	}
	return index, found
}

// mwParam finds the parameter of d whose middlewares a handler argument
// is wrapped in (chain(h, mws...), or echo's route-level middlewares
// passed on): a middleware, or a slice of them, named in the argument.
func (a *analyzer) mwParam(d *ast.FuncDecl, e ast.Expr) (int, bool) {
	index, found := 0, false
	ast.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || found {
			return !found
		}
		t := a.pass.TypesInfo.TypeOf(id)
		if s, ok := t.(*types.Slice); ok {
			t = s.Elem()
		}
		if i, ok := a.paramIndex(d, id); ok && httpapi.IsMiddlewareType(t) {
			index, found = i, true
		}
		return !found
	})
	return index, found
}

// registerHelpers turns each call of a route helper into the routes it
// registers: the helper's router (or the one passed), the pattern and
// method passed, the handler passed inside the helper's middlewares.
func (a *analyzer) registerHelpers() {
	for _, call := range a.helperCalls {
		a.eachRow(call, func() { a.registerHelperCall(call) })
	}
}

// registerHelperCall makes the routes of one call of a route helper.
func (a *analyzer) registerHelperCall(call *ast.CallExpr) {

	for _, s := range a.specs(call) {
		h := s.helper
		if h.pattern >= len(call.Args) || h.handler >= len(call.Args) || h.router >= len(call.Args) || h.method >= len(call.Args) || h.group >= len(call.Args) {
			continue // a variadic parameter left empty
		}
		path, pathOK := a.constString(call, h.pattern)
		if h.group >= 0 {
			g, ok := a.constString(call, h.group)
			if !ok {
				g = "…"
			}
			path = groupText(h, g) + path
		}
		path = h.prefix + path + h.suffix
		var methods []string
		switch {
		case h.fixed != "":
			methods = strings.Split(h.fixed, ",")
		case h.method >= 0:
			methods = a.methodsOf(call.Args[h.method])
		}
		routers := h.routers
		if h.router >= 0 {
			routers = a.routers(call.Args[h.router], 0)
		}
		if h.joins && pathOK {
			routers = a.joined(call, h, routers, &path)
		}
		var hd *Handler
		var mws []*Handler
		if h.chain {
			hd, mws = a.chainOf(call.Args[h.handler:])
		} else {
			if a.isRouter(call.Args[h.handler]) {
				continue // a sub-router: its routes are its own registrations
			}
			if a.adapts(call, h.handler) {
				hd = a.funcHandler(call.Args[h.handler])
			} else {
				hd, mws = a.handlerOf(call.Args[h.handler], 0)
			}
		}
		all := append(append([]*Handler(nil), h.mws...), a.passedMws(call, h.mw)...)
		a.addAll(call, h.fw, routers, methods, path, pathOK, hd, append(all, mws...))
	}
}

// adapts reports whether the parameter i of the helper call calls is a
// function of the application's own shape, which the helper adapts into a
// handler (see above).
func (a *analyzer) adapts(call *ast.CallExpr, i int) bool {
	sig, ok := a.pass.TypesInfo.TypeOf(call.Fun).Underlying().(*types.Signature)
	if !ok || i >= sig.Params().Len() {
		return false
	}
	t := sig.Params().At(i).Type()
	_, isFunc := t.Underlying().(*types.Signature)
	return isFunc && !httpapi.IsHandlerType(t)
}

// funcHandler is the handler of a function value an adapting helper is
// passed: the declared function or method it names, or a closure.
func (a *analyzer) funcHandler(e ast.Expr) *Handler {
	e = a.subst(e)
	if lit, ok := ast.Unparen(e).(*ast.FuncLit); ok {
		return a.lit(lit)
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		return a.madeFunc(call)
	}
	fn, ok := a.funcOf(e)
	if !ok {
		return &Handler{Name: types.ExprString(e)}
	}
	if fn.Pkg() == a.pass.Pkg {
		a.reached[fn] = true
	}
	return a.declared(fn)
}

// madeFunc is the handler of a function value an adapting helper is
// passed as the result of a call (handlers.Index(), which returns the
// closure that serves): that closure, when the constructor is of this
// package and returns one; else the constructor, whose closures the
// standalone driver's graph finds (Made).
func (a *analyzer) madeFunc(call *ast.CallExpr) *Handler {
	fn := a.callee(call)
	if fn == nil {
		return &Handler{Name: types.ExprString(call)}
	}
	fn = fn.Origin()
	h := &Handler{Name: queries.FuncName(fn), Func: fn, Made: call.Lparen}
	if fn.Pkg() != a.pass.Pkg {
		return h
	}
	a.reached[fn] = true
	d := a.decls[fn]
	if d == nil || len(a.returns[d]) != 1 || len(a.returns[d][0].Results) != 1 {
		return h
	}
	if lit := a.adapterLit(a.returns[d][0].Results[0]); lit != nil {
		h.Lit = lit // the one closure it returns
	}
	return h
}

// passedMws are the middlewares a call passes to a helper's middleware
// parameter i: the one argument, or all from i on for a variadic one.
func (a *analyzer) passedMws(call *ast.CallExpr, i int) []*Handler {
	if i < 0 || i >= len(call.Args) {
		return nil
	}
	to := i + 1
	if sig, ok := a.pass.TypesInfo.TypeOf(call.Fun).(*types.Signature); ok && sig.Variadic() && i == sig.Params().Len()-1 {
		to = len(call.Args)
	}
	return a.mwArgs(call, i, to, false)
}

// Registers is attached to a route helper (see helpers.go): the routes
// each call of it registers, by which of its parameters are the pattern,
// the method, the handler and the router, so that calls of it in other
// packages are registrations there.
type Registers struct {
	Routes []HelperRoute
}

// HelperRoute is one route a helper registers per call. Parameter indices
// are -1 when absent.
type HelperRoute struct {
	Framework string
	Pattern   int
	Prefix    string // before the pattern passed
	Suffix    string // after it

	// Group is a string parameter joined between Prefix and the pattern
	// as GroupPrefix+group+GroupSuffix, left out when it is "" and
	// GroupIfSet; -1 when none.
	Group                    int
	GroupPrefix, GroupSuffix string
	GroupIfSet               bool

	Method  int
	Fixed   string // the method(s) fixed by the helper, comma-separated
	Handler int
	Chain   bool
	MwParam int // the parameter of middlewares wrapped around the handler; -1 when none
	Router  int
	// Routers are the values of the helper's own router, when Router is
	// -1: their prefixes and middlewares as the helper's package sees them.
	Routers []HelperRouter
	// Middlewares are wrapped around the handler passed, outermost first.
	Middlewares []Middleware
	// Joins says the helper joins a field of its receiver before the
	// pattern, which Makers set (see joined.go).
	Joins  bool
	Makers []Maker
}

// HelperRouter is one value a helper's own router can hold.
type HelperRouter struct {
	Prefix      string
	Known       bool
	Methods     []string
	Middlewares []Middleware
}

// Middleware names a middleware and what it serves per request (nil when
// nothing its package saw).
type Middleware struct {
	Name   string
	Serves *Serves
}

func (*Registers) AFact() {}

func (f *Registers) String() string {
	var parts []string
	for _, r := range f.Routes {
		var b strings.Builder
		method := r.Fixed
		if r.Method >= 0 {
			method = fmt.Sprintf("$%d", r.Method)
		}
		if method == "" {
			method = "ANY"
		}
		joined := ""
		if r.Joins {
			var ms []string
			for _, m := range r.Makers {
				p := m.Prefix
				if !m.Known {
					p = "…"
				}
				ms = append(ms, fmt.Sprintf("%s=%q", m.Func, p))
			}
			joined = "(" + strings.Join(ms, ",") + ")"
		}
		group := ""
		if r.Group >= 0 {
			group = fmt.Sprintf("{%s$%d%s}", r.GroupPrefix, r.Group, r.GroupSuffix)
			if r.GroupIfSet {
				group += "?"
			}
		}
		fmt.Fprintf(&b, "%s %s %s%s%s$%d%s -> ", r.Framework, method, joined, r.Prefix, group, r.Pattern, r.Suffix)
		for _, m := range r.Middlewares {
			b.WriteString(m.Name + " → ")
		}
		if r.MwParam >= 0 {
			fmt.Fprintf(&b, "$%d → ", r.MwParam)
		}
		fmt.Fprintf(&b, "$%d", r.Handler)
		if r.Chain {
			b.WriteString("...")
		}
		if r.Router >= 0 {
			fmt.Fprintf(&b, " on $%d", r.Router)
		} else {
			for _, rt := range r.Routers {
				p := rt.Prefix
				if !rt.Known {
					p = "…" + p
				}
				fmt.Fprintf(&b, " on %q", p)
			}
		}
		parts = append(parts, b.String())
	}
	return "registers(" + strings.Join(parts, "; ") + ")"
}

// fact is the Registers form of a local helper's route.
func (a *analyzer) fact(h *helper) HelperRoute {
	r := HelperRoute{Framework: h.fw, Pattern: h.pattern, Prefix: h.prefix, Suffix: h.suffix, Method: h.method, Fixed: h.fixed,
		Group: h.group, GroupPrefix: h.groupPre, GroupSuffix: h.groupSuf, GroupIfSet: h.groupIf,
		Handler: h.handler, Chain: h.chain, MwParam: h.mw, Router: h.router, Middlewares: a.mwFacts(h.mws),
		Joins: h.joins, Makers: h.makers}
	for _, rt := range h.routers {
		// Middlewares limited to paths under the router (fiber's
		// Use("/admin", mw)) are left out: which paths callers pass is not
		// known here.
		r.Routers = append(r.Routers, HelperRouter{Prefix: rt.prefix, Known: rt.known, Methods: rt.methods, Middlewares: a.mwFacts(rt.mws)})
	}
	return r
}

func (a *analyzer) mwFacts(hs []*Handler) []Middleware {
	var out []Middleware
	for _, h := range hs {
		out = append(out, Middleware{Name: h.Name, Serves: a.servesOf(h)})
	}
	return out
}

// helper is a route of an imported helper, in the local form.
func (r HelperRoute) helper() *helper {
	h := &helper{fw: r.Framework, pattern: r.Pattern, prefix: r.Prefix, suffix: r.Suffix, method: r.Method, fixed: r.Fixed,
		group: r.Group, groupPre: r.GroupPrefix, groupSuf: r.GroupSuffix, groupIf: r.GroupIfSet,
		handler: r.Handler, chain: r.Chain, mw: r.MwParam, router: r.Router, mws: mwHandlers(r.Middlewares),
		joins: r.Joins, makers: r.Makers}
	for _, rt := range r.Routers {
		h.routers = append(h.routers, router{prefix: rt.Prefix, known: rt.Known, methods: rt.Methods, mws: mwHandlers(rt.Middlewares)})
	}
	return h
}

func mwHandlers(ms []Middleware) []*Handler {
	var out []*Handler
	for _, m := range ms {
		out = append(out, &Handler{Name: m.Name, Fact: m.Serves})
	}
	return out
}
