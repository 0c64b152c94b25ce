package routes

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/sqlheat/sqlheat/internal/httpapi"
)

// router is what a router expression can be: the prefix its routes get,
// whether that prefix is known, the middlewares every route on it runs,
// those only the routes under a path run (fiber's Use("/admin", mw)),
// and (gorilla) the methods its sub-router is restricted to.
type router struct {
	prefix  string
	known   bool
	mws     []*Handler
	scoped  []scope
	methods []string
	// open says where the router comes from when what it is under is
	// another package's to say (see Open).
	open *Open
	// makers are those of a joined field the route's prefix waits on
	// (see joined.go).
	makers []Maker
	// after are middlewares that run once the handler has, a beego
	// namespace's NSAfter filters (see namespaces).
	after []*Handler
	// unset, on the router a function makes when a field of its options
	// is nil (r := options.BaseRouter; if r == nil { r = chi.NewRouter() }),
	// is that field: the router exists only where a call leaves it out
	// (see Route.Unset).
	unset *Base
	// came are the calls of a function the router came through, given
	// as a field of its options (see Route.Came).
	came *Came
	// through is the call of the registering function whose argument
	// the router is, when it is one of its parameters (see
	// Route.Through).
	through token.Pos
}

// scope is middlewares that run on the routes under a path, which is
// relative to the same base as the router's prefix.
type scope struct {
	under string
	mws   []*Handler
}

// covers reports whether the route path full is under the scope's path,
// segment by segment: /admin covers /admin and /admin/users, not
// /administrators.
func (s scope) covers(full string) bool {
	p := strings.TrimSuffix(s.under, "/")
	return p == "" || full == p || strings.HasPrefix(full, p+"/")
}

// rebase puts a router's own values under a further leading prefix (a
// mount's, a StripPrefix's), its scopes with it.
func rebase(r router, prefix string) []scope {
	out := make([]scope, len(r.scoped))
	for i, s := range r.scoped {
		out[i] = scope{under: join(prefix, s.under), mws: s.mws}
	}
	return out
}

// maxRouters bounds the values a router expression is followed to, and
// maxRouterDepth the chain of variables, parameters and calls. A group
// takes two steps (its variable, then the Group call on its parent) and a
// helper given the group one more: an API nesting groups nine deep
// through four helpers (/api/v1/repos/:org/:repo/builds/:build/...,
// each level's middleware on its group) needs 22, and a bound under that
// cut the chain off at an inner group, losing the outer groups' prefixes
// and middlewares. Each variable is resolved once per depth (resolved),
// so the bound costs linearly.
const (
	maxRouters     = 8
	maxRouterDepth = 32
)

// maxElemsDepth bounds the appends and variables a slice of options is
// followed through: each append to a variable is two steps.
const maxElemsDepth = 16

// routers resolves a router expression to the values it can hold. What
// cannot be followed is a root when its type is always one (a ServeMux,
// gin's Engine, ...) and an unknown prefix otherwise.
func (a *analyzer) routers(e ast.Expr, depth int) []router {
	if e == nil {
		return []router{{known: true}}
	}
	e = ast.Unparen(e)
	if depth > maxRouterDepth {
		return a.byType(e)
	}
	var out []router
	switch x := e.(type) {
	case *ast.CallExpr:
		out = a.routerCall(x, depth)
	case *ast.Ident, *ast.SelectorExpr:
		if x := a.embeddedRouter(e); x != nil {
			out = a.routers(x, depth+1)
			break
		}
		if v, field := a.paramField(e); v != nil {
			return a.routerParamField(v, field, depth)
		}
		obj := a.objOf(e)
		v, _ := obj.(*types.Var)
		if v == nil {
			out = a.byType(e)
			break
		}
		writes, initial := a.reaching(v, e.Pos())
		k := routerKey{v, depth, reachKey(writes, initial), a.skippedUses(v, e)}
		rs, ok := a.resolved[k]
		if !ok {
			rs = clip(dedupe(a.routerVar(e, v, writes, initial, depth)))
			a.resolved[k] = rs
		}
		return slices.Clone(rs)
	case *ast.StarExpr:
		out = a.routers(x.X, depth+1)
	case *ast.UnaryExpr:
		out = a.routers(x.X, depth+1)
	case *ast.CompositeLit:
		if in := a.wrapperLit(x); in != nil {
			out = a.routers(in, depth+1) // &router{chi.NewRouter()}
		} else {
			out = a.byType(e)
		}
	default:
		out = a.byType(e)
	}
	return dedupe(out)
}

// embeddedRouter is the router e is the embedded router field of, when
// it is one: gin's Engine embeds its root RouterGroup, and
// `var g *gin.RouterGroup = &engine.RouterGroup` registers on the
// engine, under its middlewares.
func (a *analyzer) embeddedRouter(e ast.Expr) ast.Expr {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s := a.pass.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return nil
	}
	f, ok := s.Obj().(*types.Var)
	if !ok || !f.Embedded() {
		return nil
	}
	t := f.Type() // the router types are the pointers: *gin.RouterGroup
	if _, ptr := t.(*types.Pointer); !ptr {
		t = types.NewPointer(t)
	}
	if !a.isRouterType(t) || !a.isRouterType(a.pass.TypesInfo.TypeOf(sel.X)) {
		return nil
	}
	return sel.X
}

// routerKey is what routerVar's result depends on: the variable or field,
// the writes of it that reach the use, and how deep the resolution
// already is.
type routerKey struct {
	obj   types.Object
	depth int
	reach string
	later int // gin Use calls on obj after the registration (see usedAfter)
}

// skippedUses is how many of v's Use calls come after e (usedAfter).
func (a *analyzer) skippedUses(v *types.Var, e ast.Expr) int {
	n := 0
	for _, u := range a.uses[v] {
		if a.usedAfter(u, e) {
			n++
		}
	}
	return n
}

// reachKey names a set of reaching writes by their positions.
func reachKey(writes []ast.Expr, initial bool) string {
	var b strings.Builder
	for _, w := range writes {
		fmt.Fprintf(&b, "%d,", w.Pos())
	}
	if initial {
		b.WriteString("initial")
	}
	return b.String()
}

// reaching are the values assigned to a local variable that can reach a
// use of it at pos, in source order: going back from the use, the writes
// that took effect before it, up to one that always runs before it (its
// statement list holds the use), which hides those before it; writes in
// branches on the way may or may not have run. initial says no write
// always runs first, so the variable's first value (a parameter's, as
// callers pass it) reaches too. g = g.Use(mw) between two registrations
// on g changes the router of the second only.
//
// A variable of the package, and a local whose use no write precedes (a
// closure declared before the assignment, a loop going round), get every
// write: the order of the source says nothing of the order they run in.
func (a *analyzer) reaching(v *types.Var, pos token.Pos) (writes []ast.Expr, initial bool) {
	all := a.writes[v]
	if len(all) == 0 || v.IsField() || v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
		return all, true
	}
	for i := len(all) - 1; i >= 0; i-- {
		s, ok := a.sites[all[i]]
		if !ok || s.end > pos {
			continue // after the use, or the statement the use is part of
		}
		writes = append(writes, all[i])
		if s.scope != nil && s.scope.Pos() <= pos && pos < s.scope.End() {
			slices.Reverse(writes)
			return writes, false
		}
	}
	if len(writes) == 0 && !a.isParam(v) {
		return all, true
	}
	slices.Reverse(writes)
	return writes, true
}

// clip caps the slices of memoized routers, so that a caller appending to
// a copy's middlewares or scopes never writes into the memo.
func clip(rs []router) []router {
	for i := range rs {
		rs[i].mws = slices.Clip(rs[i].mws)
		rs[i].scoped = slices.Clip(rs[i].scoped)
		rs[i].methods = slices.Clip(rs[i].methods)
	}
	return rs
}

func (a *analyzer) byType(e ast.Expr) []router {
	return []router{{known: httpapi.IsRootRouter(a.pass.TypesInfo.TypeOf(e))}}
}

// routerCall follows a call that returns a router: a constructor, a group,
// a sub-router, With, or a local function returning one.
func (a *analyzer) routerCall(call *ast.CallExpr, depth int) []router {
	fn := a.callee(call)
	if fn == nil {
		return a.byType(call)
	}
	if api := a.lookup(fn); api != nil {
		switch api.Kind {
		case httpapi.New, httpapi.Group:
			return a.made(call, api, nil, depth)
		case httpapi.With:
			return under(a.routers(recvExpr(call), depth+1), "", true, a.middlewares(call, api), nil)
		case httpapi.Use:
			// gin's g.Use(mw) returns g: registered on, it runs mw.
			// (fiber's Use may limit mw to a path: not followed.)
			if !api.PrefixArgs && a.isRouterType(a.pass.TypesInfo.TypeOf(call)) {
				return under(a.routers(recvExpr(call), depth+1), "", true, a.middlewares(call, api), nil)
			}
		case httpapi.Prefix: // go-restful's new(WebService).Path("/x")
			path, ok := a.constString(call, api.PatternArg)
			return under(a.routers(recvExpr(call), depth+1), path, ok, nil, nil)
		case httpapi.Fluent:
			return a.routers(recvExpr(call), depth+1)
		case httpapi.RouteFn: // the router chi's Route returns is the sub-router
			path, ok := a.constString(call, api.PatternArg)
			return under(a.routers(recvExpr(call), depth+1), path, ok, nil, nil)
		case httpapi.GroupFn:
			return a.routers(recvExpr(call), depth+1)
		}
		return a.byType(call)
	}
	// A local function building a router: what it returns.
	if d := a.decls[fn.Origin()]; d != nil {
		var out []router
		for _, ret := range a.returns[d] {
			for _, r := range ret.Results {
				if a.isRouterType(a.pass.TypesInfo.TypeOf(r)) {
					out = append(out, a.routers(r, depth+1)...)
				}
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return a.byType(call)
}

// made is the router a New or Group call makes, with the middlewares of
// its options (bunrouter's New(Use(mw)), NewGroup(path, Use(mw))) up to
// the option stop, or all of them when stop is nil: options apply in
// order, and a route registered by a WithGroup option runs only the
// middlewares of the options before it.
func (a *analyzer) made(call *ast.CallExpr, api *httpapi.API, stop *ast.CallExpr, depth int) []router {
	mws := a.optionMiddlewares(call, api, stop)
	if api.Kind == httpapi.New {
		return []router{{known: true, mws: mws}}
	}
	if api.Framework == httpapi.GorillaMux { // r.PathPrefix("/api").Subrouter()
		recv, path, ok, methods := a.matchers(recvExpr(call))
		return under(a.routers(recv, depth+1), path, ok, nil, methods)
	}
	path, ok := "", true // an adapter over a router: at its root
	if api.PatternArg >= 0 {
		path, ok = a.constString(call, api.PatternArg)
	}
	return under(a.routers(a.routerRecv(call, api), depth+1), path, ok, append(a.middlewares(call, api), mws...), nil)
}

// optionMiddlewares are the middlewares the options of a New or Group
// call put on the router it makes, those before stop when it is not nil.
// An option the table does not know (a not-found handler) adds none.
func (a *analyzer) optionMiddlewares(call *ast.CallExpr, api *httpapi.API, stop *ast.CallExpr) []*Handler {
	var out []*Handler
	for _, o := range a.options(call, api) {
		oc, ok := ast.Unparen(o).(*ast.CallExpr)
		if !ok {
			continue // an option value made elsewhere: not visible here
		}
		if oc == stop {
			break
		}
		if oapi := a.lookup(a.callee(oc)); oapi != nil && oapi.Kind == httpapi.Option {
			out = append(out, a.middlewares(oc, oapi)...)
		}
	}
	return out
}

// options are the option arguments of a call, in order: those written at
// it, or the elements of the slice passed with ... (opts = append(opts,
// o) before New(opts...)).
func (a *analyzer) options(call *ast.CallExpr, api *httpapi.API) []ast.Expr {
	if api.OptionArg < 0 || api.OptionArg >= len(call.Args) {
		return nil
	}
	args := call.Args[api.OptionArg:]
	if !call.Ellipsis.IsValid() {
		return args
	}
	return a.elems(args[len(args)-1], 0)
}

// elems are the elements a slice expression holds, in order: a
// literal's, those appended to it, and for a local variable those of the
// values of it that reach the use; for a variadic parameter, what the
// callers in this package pass. What cannot be followed adds nothing.
func (a *analyzer) elems(e ast.Expr, depth int) []ast.Expr {
	out, _ := a.elemsWhole(e, depth)
	return out
}

// elemsWhole is elems, and whether they are all the list holds: each
// part of it a literal, an append of such parts, or a local variable
// every reaching write of which is one. A parameter's list (what each
// caller passes), a field's, a package variable's or a call's is known
// in part at best: a route's middlewares half known would look whole
// (see mwArgs).
func (a *analyzer) elemsWhole(e ast.Expr, depth int) ([]ast.Expr, bool) {
	if depth > maxElemsDepth {
		return nil, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return slices.Clip(x.Elts), true // appended to below: never into the literal
	case *ast.CallExpr:
		if !isBuiltinAppend(a.pass.TypesInfo, x) || len(x.Args) == 0 {
			return nil, false
		}
		out, whole := a.elemsWhole(x.Args[0], depth+1)
		if x.Ellipsis.IsValid() { // append(opts, more...)
			more, all := a.elemsWhole(x.Args[len(x.Args)-1], depth+1)
			return append(out, more...), whole && all
		}
		return append(out, x.Args[1:]...), whole
	case *ast.Ident:
		v, ok := a.pass.TypesInfo.Uses[x].(*types.Var)
		if !ok {
			return nil, false
		}
		writes, initial := a.reaching(v, x.Pos())
		var out []ast.Expr
		if p, ok := a.params[v]; ok && initial {
			out = a.variadicArgs(p, depth)
		}
		whole := !initial && len(writes) > 0 // a field's, a package variable's: every write, initial
		for _, w := range writes {
			els, all := a.elemsWhole(w, depth+1)
			out = append(out, els...)
			whole = whole && all
		}
		return out, whole
	}
	return nil, false
}

// variadicArgs are the arguments the callers in this package pass to the
// variadic parameter p of a declared function.
func (a *analyzer) variadicArgs(p paramOf, depth int) []ast.Expr {
	d, ok := p.fn.(*ast.FuncDecl)
	if !ok {
		return nil
	}
	fn, ok := a.pass.TypesInfo.Defs[d.Name].(*types.Func)
	if !ok || !fn.Type().(*types.Signature).Variadic() || p.index != fn.Type().(*types.Signature).Params().Len()-1 {
		return nil
	}
	var out []ast.Expr
	for _, c := range a.callers[fn] {
		switch {
		case p.index >= len(c.Args):
		case c.Ellipsis.IsValid():
			out = append(out, a.elems(c.Args[p.index], depth+1)...)
		default:
			out = append(out, c.Args[p.index:]...)
		}
	}
	return out
}

// routerVar follows a variable or field: its assignments, its function's
// callers for a parameter, the chi Route/Group call of a closure's
// parameter; then adds the middlewares of its Use calls, and moves it under
// the prefix it is mounted at.
func (a *analyzer) routerVar(e ast.Expr, v *types.Var, writes []ast.Expr, initial bool, depth int) []router {
	var out []router
	if a.isParam(v) && initial {
		out = a.routerParam(v, depth)
	}
	if !v.IsField() {
		for _, rhs := range writes {
			rs := a.routers(rhs, depth+1)
			if b := a.nilDefault(v, rhs, writes); b != nil {
				for i := range rs {
					rs[i].unset = b
				}
			}
			out = append(out, rs...)
		}
		if loop := a.loops[v]; loop != nil && loop.X != nil && len(writes) == 0 && !a.isParam(v) && a.isRangeValue(loop, v) {
			// for _, r := range routers: each router the list holds, the
			// routers of its literal and those appended to it.
			for _, el := range a.elems(loop.X, 0) {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					el = kv.Value // a map's (or an indexed array's) element
				}
				out = append(out, a.routers(el, depth+1)...)
			}
		}
	}
	if len(out) == 0 {
		out = a.byType(e)
		if sel, ok := e.(*ast.SelectorExpr); ok && v.IsField() && httpapi.IsRootRouterField(a.pass.TypesInfo.TypeOf(sel.X), v.Name()) {
			// se.Router in pocketbase's OnServe hook: the app's root.
			out = []router{{known: true}}
		}
	}
	if ps := a.prefixes[v]; len(ps) > 0 {
		// go-restful's ws.Path("/users"): the root of every route of ws,
		// wherever the call stands; the last one written wins.
		last := ps[len(ps)-1]
		path, ok := a.constString(last, a.lookup(a.callee(last)).PatternArg)
		out = under(out, path, ok, nil, nil)
	}
	// Mounted: r.Mount("/admin", admin), or returned by a function that is
	// mounted (r.Mount("/admin", adminRouter())).
	var mounts []*ast.CallExpr
	mounts = append(mounts, a.mounts[v]...)
	if fn := a.returnedBy[v]; fn != nil {
		mounts = append(mounts, a.mountFns[fn]...)
		if !a.called[fn] {
			// Returned to callers elsewhere, which may mount it.
			for i := range out {
				if out[i].open == nil {
					out[i].open = &Open{Func: fn, Param: -1}
				}
			}
		}
	}
	if len(mounts) > 0 {
		base := out
		out = nil
		for _, m := range mounts {
			path, ok := a.mountPath(m)
			parents := a.routers(a.recvValue(m), depth+1)
			if a.recvValue(m) == nil {
				// restful.Add(ws): into the package's default router, with
				// the middlewares of its package-level Use calls
				// (restful.Filter(f)).
				var mws []*Handler
				for _, u := range a.pkgUses[a.callee(m).Pkg().Path()] {
					mws = append(mws, a.middlewares(u, a.lookup(a.callee(u)))...)
				}
				parents = under(parents, "", true, mws, nil)
			}
			for _, parent := range parents {
				for _, b := range base {
					n := under([]router{parent}, join(path, b.prefix), ok, b.mws, b.methods)[0]
					n.scoped = append(n.scoped, rebase(b, join(parent.prefix, path))...)
					out = append(out, n)
				}
			}
		}
	}
	if ctx := a.wrappers(v, depth); len(ctx) > 0 {
		// Wrapped or mounted as a whole: under that context.
		base := out
		out = nil
		for _, c := range ctx {
			for _, b := range base {
				out = append(out, router{
					prefix:  join(c.prefix, b.prefix),
					known:   c.known && b.known,
					mws:     append(append([]*Handler(nil), c.mws...), b.mws...),
					scoped:  append(append([]scope(nil), c.scoped...), rebase(b, c.prefix)...),
					methods: b.methods,
					open:    cmp.Or(c.open, b.open),
				})
			}
		}
	}
	if uses := a.uses[v]; len(uses) > 0 {
		// In the order they run: a chain ws.Filter(a).Filter(b) is
		// indexed outermost call first.
		uses = slices.SortedStableFunc(slices.Values(uses), func(x, y *ast.CallExpr) int { return cmp.Compare(x.Lparen, y.Lparen) })
		var mws []*Handler
		for _, u := range uses {
			api := a.lookup(a.callee(u))
			if a.usesParams(u, api) {
				continue // a helper's Use: it adds what its callers pass, to the router they call it on
			}
			if a.usedAfter(u, e) {
				continue // gin: a route registered before the Use does not run it
			}
			if !a.sameValue(v, u, writes, initial) {
				continue // on another router the variable held then
			}
			paths, scoped := a.usePaths(u, api)
			if !scoped {
				mws = append(mws, a.middlewares(u, api)...)
				continue
			}
			for i := range out {
				for _, p := range paths {
					out[i].scoped = append(out[i].scoped, scope{under: join(out[i].prefix, p), mws: a.middlewares(u, api)})
				}
			}
		}
		out = under(out, "", true, mws, nil)
	}
	return out
}

// usedAfter reports whether the Use call u comes after e, where the
// router is used (a route registered on it, a group made from it), in
// the same function, on a gin router (or GoFrame's group): gin copies a
// group's middlewares into each route, and into each group made from
// it, when it is registered or made, so a route registered before
// r.Use(mw) never runs mw (offen's app.Use(staticMiddleware(...)) after
// its /api routes).
// Across functions the order is the callers', not followed.
func (a *analyzer) usedAfter(u *ast.CallExpr, e ast.Expr) bool {
	if e == nil || u.Pos() <= e.Pos() {
		return false
	}
	if !httpapi.UseOrdered(a.callee(u)) {
		return false
	}
	fu, fe := a.enclosingFuncs(u), a.enclosingFuncs(e)
	return len(fu) > 0 && len(fe) > 0 && fu[0] == fe[0]
}

// sameValue reports whether the Use call u is made on a router v may
// still hold where writes (and, initial, its first value) reach: some
// value reaches both. A variable set anew for each group
//
//	g := e.Group("/")
//	g.Use(Required("users"))
//	g.GET("/users", h.UserList)
//	g = e.Group("/")
//	g.Use(Required("roles"), Transaction)
//	g.GET("/roles", h.RoleList)
//
// gives each group's routes its own middlewares, not every Use made on
// the variable: another router's Use does not run (tackle2-hub's routes
// ran every group's authorization and transaction). A group made from
// the old value (g = g.Group("/x")) keeps its middlewares through the
// router it is made from.
func (a *analyzer) sameValue(v *types.Var, u *ast.CallExpr, writes []ast.Expr, initial bool) bool {
	uw, uinit := a.reaching(v, u.Pos())
	if initial && uinit {
		return true
	}
	for _, w := range uw {
		if slices.Contains(writes, w) {
			return true
		}
	}
	return false
}

// usesParams reports whether the middlewares of a Use call are made from
// middlewares its function is given (func (r *Router) Use(mws
// ...Middleware) { for _, m := range mws { r.group.Use(adapt(m)) } }): the
// function is a helper that adds middlewares to the router it is called
// on, and the router field its Use call names holds other middlewares in
// other values of the type.
func (a *analyzer) usesParams(call *ast.CallExpr, api *httpapi.API) bool {
	if api == nil || api.MiddlewareArg < 0 {
		return false
	}
	for _, arg := range call.Args[min(api.MiddlewareArg, len(call.Args)):] {
		if a.fromMwParam(arg, 0) {
			return true
		}
	}
	return false
}

// fromMwParam reports whether e uses a parameter of middleware type (or a
// slice of them), directly or through local variables and range loops.
func (a *analyzer) fromMwParam(e ast.Expr, depth int) bool {
	if depth > maxHandlerDepth {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if found || !ok {
			return !found
		}
		v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok {
			return true
		}
		t := v.Type()
		if s, ok := t.(*types.Slice); ok {
			t = s.Elem()
		}
		switch {
		case a.isParam(v):
			found = httpapi.IsMiddlewareType(t)
		case a.ranged[v] != nil:
			found = a.fromMwParam(a.ranged[v], depth+1)
		case len(a.writes[v]) == 1 && !v.IsField():
			found = a.fromMwParam(a.writes[v][0], depth+1)
		}
		return !found
	})
	return found
}

// usePaths are the paths a Use call limits its middlewares to (fiber's
// Use("/admin", mw), Use([]string{"/a", "/b"}, mw)); scoped is false when
// it names none, and its middlewares run on every route. A path that is
// not a constant limits them to no route: counting a middleware where it
// may not run would put routes over a budget they never reach.
func (a *analyzer) usePaths(call *ast.CallExpr, api *httpapi.API) (paths []string, scoped bool) {
	if api == nil || !api.PrefixArgs {
		return nil, false
	}
	for _, arg := range call.Args {
		t := a.pass.TypesInfo.TypeOf(arg)
		switch {
		case isString(t):
			scoped = true
			if s, ok := a.constOf(arg); ok {
				paths = append(paths, s)
			}
		case isStrings(t):
			scoped = true
			if lit, ok := ast.Unparen(arg).(*ast.CompositeLit); ok {
				for _, el := range lit.Elts {
					if s, ok := a.constOf(el); ok {
						paths = append(paths, s)
					}
				}
			}
		}
	}
	return paths, scoped
}

// mountPath is the path a mount call puts a router under: chi's and fiber
// v2's Mount pattern, fiber v3's Use path.
func (a *analyzer) mountPath(call *ast.CallExpr) (string, bool) {
	api := a.lookup(a.callee(call))
	if api.PatternArg < 0 && !api.PrefixArgs {
		return "", true // go-restful's Container.Add(ws): at ws's own root
	}
	if !api.PrefixArgs {
		return a.constString(call, api.PatternArg)
	}
	for _, arg := range call.Args {
		if isString(a.pass.TypesInfo.TypeOf(arg)) {
			return a.constOf(arg)
		}
	}
	return "", true // Use(app): at the root
}

func isString(t types.Type) bool {
	b, ok := t.(*types.Basic) // an untyped constant, or a string
	if !ok && t != nil {
		b, ok = t.Underlying().(*types.Basic)
	}
	return ok && b.Info()&types.IsString != 0
}

func isStrings(t types.Type) bool {
	s, ok := t.(*types.Slice)
	return ok && isString(s.Elem())
}

func (a *analyzer) isParam(v *types.Var) bool { _, ok := a.params[v]; return ok }

// routerParam resolves a router parameter from what calls pass: the
// callers of its function in this package, or chi's Route/Group for the
// function given to them. With no caller here (an exported Routes(r)
// called from main), only a root type says where the routes are.
func (a *analyzer) routerParam(v *types.Var, depth int) []router {
	p := a.params[v]
	var out []router
	for _, c := range a.fnCalls[p.fn] {
		api := a.lookup(a.callee(c))
		switch api.Kind {
		case httpapi.RouteFn:
			path, ok := a.constString(c, api.PatternArg)
			out = append(out, under(a.routers(recvExpr(c), depth+1), path, ok, nil, nil)...)
		case httpapi.Option:
			// bunrouter's WithGroup(fn) option: fn gets the router of the
			// New or NewGroup call the option is given to.
			if owner := a.argOf[c]; owner != nil {
				if oapi := a.lookup(a.callee(owner)); oapi != nil && oapi.OptionArg >= 0 {
					out = append(out, a.made(owner, oapi, c, depth+1)...)
				}
			}
		default:
			out = append(out, a.routers(recvExpr(c), depth+1)...)
		}
	}
	if d, ok := p.fn.(*ast.FuncDecl); ok {
		if fn, ok := a.pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
			for _, c := range a.callers[fn] {
				if p.index < len(c.Args) {
					for _, r := range a.routers(c.Args[p.index], depth+1) {
						r.through = c.Lparen // this call's: its other arguments go with it
						out = append(out, r)
					}
				}
			}
		}
	}
	if len(out) == 0 {
		// Its callers are elsewhere: they say what it is under.
		return []router{{known: httpapi.IsRootRouter(v.Type()), open: a.openParam(p)}}
	}
	return out
}

// paramField is the parameter e selects a field of, and the field's
// name, when e is such a selector (options.BaseRouter) of a struct
// parameter of a declared function that the function does not assign;
// nil otherwise.
func (a *analyzer) paramField(e ast.Expr) (*types.Var, string) {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return nil, ""
	}
	s := a.pass.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return nil, ""
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil, ""
	}
	v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || len(a.writes[v]) > 0 {
		return nil, ""
	}
	if p, ok := a.params[v]; !ok || a.openParam(p) == nil {
		return nil, ""
	}
	if _, ok := v.Type().Underlying().(*types.Struct); !ok {
		return nil, "" // a pointer may be shared and written elsewhere
	}
	return v, sel.Sel.Name
}

// routerParamField is the router the field of a struct parameter v
// holds: what the package's calls give the field in their literals (a
// literal leaving it out gives none: a nil router, which the function
// replaces if it registers at all); what another package's calls give
// it when the package has none or the function is exported (Open with
// the field).
func (a *analyzer) routerParamField(v *types.Var, field string, depth int) []router {
	p := a.params[v]
	open := a.openParam(p)
	var out []router
	calls := 0
	for _, c := range a.callers[open.Func] {
		if p.index >= len(c.Args) {
			continue
		}
		calls++
		val, ok := FieldOf(c.Args[p.index], field)
		switch {
		case !ok:
			out = append(out, a.byType(c.Args[p.index])...) // not a literal: not followed
		case val != nil:
			rs := a.routers(val, depth+1)
			for i := range rs {
				came := &Came{Func: open.Func, Calls: []token.Pos{c.Lparen}}
				if rs[i].came != nil && rs[i].came.Func == came.Func {
					came.Calls = append(slices.Clip(rs[i].came.Calls), came.Calls...)
				}
				rs[i].came = came
			}
			out = append(out, rs...)
		}
	}
	if calls == 0 || open.Func.Exported() {
		// And what other packages' calls give it (api.HandlerWithOptions(si,
		// api.ChiServerOptions{BaseRouter: v2})).
		open.Field = field
		out = append(out, router{known: false, open: open})
	}
	return dedupe(out)
}

// nilDefault is, when rhs is the router a local v gets only when it is
// nil after another write took it from a field of an options parameter,
//
//	r := options.BaseRouter
//	if r == nil {
//		r = chi.NewRouter()
//	}
//
// that field; nil otherwise.
func (a *analyzer) nilDefault(v *types.Var, rhs ast.Expr, writes []ast.Expr) *Base {
	var from *Base
	for _, w := range writes {
		if p, field := a.paramField(ast.Unparen(w)); p != nil {
			open := a.openParam(a.params[p])
			from = &Base{Func: open.Func, Param: open.Param, Field: field}
		}
	}
	if from == nil {
		return nil
	}
	d := a.decls[from.Func]
	if d == nil || d.Body == nil {
		return nil
	}
	found := false
	ast.Inspect(d.Body, func(n ast.Node) bool {
		ifs, ok := n.(*ast.IfStmt)
		if found || !ok {
			return !found
		}
		b, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok || b.Op != token.EQL || ifs.Body.Pos() > rhs.Pos() || rhs.End() > ifs.Body.End() {
			return true
		}
		x, y := ast.Unparen(b.X), ast.Unparen(b.Y)
		if id, ok := y.(*ast.Ident); ok && id.Name == "nil" {
			if id, ok := x.(*ast.Ident); ok && a.pass.TypesInfo.Uses[id] == v {
				found = true
			}
		}
		return true
	})
	if !found {
		return nil
	}
	return from
}

// routerFields are the keyed elements of a struct literal e (or of its
// address) that give a field a router.
func (a *analyzer) routerFields(e ast.Expr) []*ast.KeyValueExpr {
	lit := literalOf(e)
	if lit == nil {
		return nil
	}
	if t := a.pass.TypesInfo.TypeOf(lit); t == nil {
		return nil
	} else if _, ok := t.Underlying().(*types.Struct); !ok {
		return nil
	}
	var out []*ast.KeyValueExpr
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if _, ok := kv.Key.(*ast.Ident); ok && a.isRouterType(a.pass.TypesInfo.TypeOf(kv.Value)) {
				out = append(out, kv)
			}
		}
	}
	return out
}

// openParam is the Open of a parameter of a declared function, nil for
// a closure's.
func (a *analyzer) openParam(p paramOf) *Open {
	d, ok := p.fn.(*ast.FuncDecl)
	if !ok {
		return nil
	}
	fn, ok := a.pass.TypesInfo.Defs[d.Name].(*types.Func)
	if !ok {
		return nil
	}
	return &Open{Func: fn, Param: p.index}
}

// under puts routers under a further prefix, with more middlewares.
func under(rs []router, path string, ok bool, mws []*Handler, methods []string) []router {
	out := make([]router, 0, len(rs))
	for _, r := range rs {
		n := router{
			prefix:  join(r.prefix, path),
			known:   r.known,
			mws:     append(append([]*Handler(nil), r.mws...), mws...),
			scoped:  r.scoped,
			methods: r.methods,
			open:    r.open,
		}
		if !ok {
			n.prefix = join(r.prefix, "…")
		}
		if len(methods) > 0 {
			n.methods = methods
		}
		out = append(out, n)
	}
	return out
}

// dedupe drops repeated router values and bounds their number.
func dedupe(rs []router) []router {
	seen := map[string]bool{}
	var out []router
	for _, r := range rs {
		var names []string
		for _, m := range r.mws {
			names = append(names, m.Name)
		}
		for _, sc := range r.scoped {
			for _, m := range sc.mws {
				names = append(names, sc.under+":"+m.Name)
			}
		}
		k := r.prefix + "\x00" + strings.Join(names, ",") + "\x00" + strings.Join(r.methods, ",")
		if r.known {
			k += "\x00known"
		}
		if r.open != nil {
			k += fmt.Sprintf("\x00%p/%d", r.open.Func, r.open.Param)
		}
		if r.through.IsValid() {
			k += fmt.Sprintf("\x00%d", r.through)
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r)
		if len(out) == maxRouters {
			break
		}
	}
	return out
}

// isRangeValue reports whether v is the value variable of loop, the
// element it ranges over (not the key or index).
func (a *analyzer) isRangeValue(loop *ast.RangeStmt, v *types.Var) bool {
	id, ok := loop.Value.(*ast.Ident)
	return ok && a.pass.TypesInfo.Defs[id] == v
}
