package routes

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/internal/httppattern"
)

// A package often registers its routes on a router it is given
// (func (h *Handler) RegisterRoutes(r chi.Router)), or returns the router
// it builds (func Router(db *sql.DB) chi.Router), and main, in another
// package, mounts it under a prefix with the middlewares of its own
// routers. The package sees neither: its routes read "…/items", or
// "/items" where the router is one it makes. The standalone driver sees
// every package, so each package says what it can: a route, where its
// router comes from (Route.Open); the package that hands a router to a
// function of another package, or mounts what one returns, what that
// router is under (Result.Mounts). The driver puts the one under the
// other, as many levels as the program has.

// Open is where a route's router comes from, when what it is under is
// said by another package: a parameter of a function of the package
// that no call here passes (Param, an index into the signature's
// parameters), or the router a function returns to callers elsewhere
// (Param -1).
type Open struct {
	Func  *types.Func
	Param int
	// Field, when set, is the field of the parameter (a struct) that
	// holds the router: oapi-codegen's ChiServerOptions.BaseRouter.
	Field string
}

// Mount is a router this package hands to a function of another package
// (or to a method through an interface), or gets from one and mounts:
// what the router is under, here.
type Mount struct {
	Call  token.Pos   // the call's Lparen
	Func  *types.Func // the function called; an interface's method when called through one
	Param int         // the parameter the router is passed as; -1: the router the call returns
	Field string      // the field of the parameter's struct literal the router is given as, when it is one
	Under []Under
}

// Under is what a router is under: a prefix (known, or with what is
// before it not visible: "…/v1"), the middlewares of the routers it is
// on, outermost first, and where the router comes from when what it is
// under is said elsewhere in turn.
type Under struct {
	Prefix      string
	Known       bool
	Middlewares []*Handler
	Open        *Open
	// Call is the call of the Mount saying it (its Lparen): which of
	// several calls of a function a router came through.
	Call token.Pos
}

// Placed is the route put under u: its prefix before the route's pattern
// (the part of it this package saw), u's middlewares before its own.
func (r *Route) Placed(u Under) *Route {
	n := *r
	full := join(u.Prefix, r.path)
	n.Pattern = full
	if !u.Known {
		n.Pattern = "…" + full
	}
	method := r.Method
	if method == httppattern.AnyMethod {
		method = ""
	}
	n.Key = key(method, full, u.Known)
	n.path = full
	n.Open = u.Open
	n.Middlewares = append(append([]*Handler(nil), u.Middlewares...), r.Middlewares...)
	return &n
}

// mountsOut are the routers this package hands to functions of other
// packages, and those it mounts from their results (see above).
func (a *analyzer) mountsOut() []*Mount {
	var out []*Mount
	for _, call := range a.external {
		fn := a.callee(call)
		if fn == nil {
			continue
		}
		sig := fn.Type().(*types.Signature)
		params := sig.Params()
		for i, arg := range call.Args {
			if i >= params.Len() || sig.Variadic() && i >= params.Len()-1 {
				break
			}
			if a.isRouterType(a.pass.TypesInfo.TypeOf(arg)) {
				out = append(out, &Mount{Call: call.Lparen, Func: fn.Origin(), Param: i, Under: unders(a.routers(arg, 0))})
				continue
			}
			// api.HandlerWithOptions(si, api.ChiServerOptions{BaseRouter: r}):
			// a router given as a field of a struct literal.
			for _, kv := range a.routerFields(arg) {
				out = append(out, &Mount{Call: call.Lparen, Func: fn.Origin(), Param: i, Field: kv.Key.(*ast.Ident).Name, Under: unders(a.routers(kv.Value, 0))})
			}
		}
		if sig.Results().Len() == 1 {
			if t := sig.Results().At(0).Type(); a.isRouterType(t) || httpapi.IsHandlerType(t) {
				ctx := a.contexts(call)
				if len(ctx) == 0 {
					ctx = []router{{known: true}} // served as it is
				}
				if fn.Name() == "Serve" && serveMethod(recvType(fn)) != nil {
					// go-swagger: the API's router serves under the
					// spec's basePath (see handlermaps.go).
					if base, ok := a.specBase(); ok {
						for i := range ctx {
							ctx[i].prefix = join(ctx[i].prefix, base)
						}
					}
				}
				out = append(out, &Mount{Call: call.Lparen, Func: fn.Origin(), Param: -1, Under: unders(ctx)})
			}
		}
	}
	// r.Route("/api", api.Routes): the function's router is under the
	// route's prefix; r.Group(api.Routes) under the router's.
	for _, call := range a.externalFns {
		api := a.lookup(a.callee(call))
		fn, ok := a.funcOf(call.Args[api.FuncArg])
		if !ok {
			continue
		}
		var rs []router
		switch api.Kind {
		case httpapi.RouteFn:
			path, ok := a.constString(call, api.PatternArg)
			rs = under(a.routers(recvExpr(call), 0), path, ok, nil, nil)
		case httpapi.GroupFn:
			rs = a.routers(recvExpr(call), 0)
		default:
			continue
		}
		out = append(out, &Mount{Call: call.Lparen, Func: fn, Param: 0, Under: unders(rs)})
	}
	return out
}

// unders are routers as Under says them.
func unders(rs []router) []Under {
	out := make([]Under, 0, len(rs))
	for _, r := range rs {
		out = append(out, Under{Prefix: r.prefix, Known: r.known, Middlewares: r.mws, Open: r.open})
	}
	return out
}

// contexts are what the router (or handler) a call returns is mounted
// under here: the Mount it is given to (or the variable it is assigned
// is), the StripPrefix and middlewares around it and the router it is
// then registered on. None when it is not mounted: it serves its routes
// as its package says.
func (a *analyzer) contexts(call *ast.CallExpr) []router {
	var out []router
	if m := a.argOf[call]; m != nil {
		if api := a.lookup(a.callee(m)); api != nil && (api.Kind == httpapi.Mount || api.Kind == httpapi.Use && api.PrefixArgs) {
			out = append(out, a.mountedAt(m)...)
		}
	}
	out = append(out, a.wrapContext(call, 0)...)
	if v := a.assigned[call]; v != nil && !v.IsField() {
		out = append(out, a.varContexts(v, 0)...)
	}
	return dedupe(out)
}

// mountedAt is what a router mounted by call m is under.
func (a *analyzer) mountedAt(m *ast.CallExpr) []router {
	path, ok := a.mountPath(m)
	return under(a.routers(recvExpr(m), 0), path, ok, nil, nil)
}

// maxReturnDepth bounds the functions of the package a router returned
// by another package's function is returned through.
const maxReturnDepth = 4

// varContexts is what the router a local variable holds is under: the
// routers it is mounted on, what it is wrapped in, and, returned by a
// function of the package (tracetest's controller returns router,
// mappers), what each call of the function puts the result under; then
// its own Use calls (router := api.NewRouter(); router.Use(mw)), whose
// middlewares the routes it holds run inside those.
func (a *analyzer) varContexts(v *types.Var, depth int) []router {
	var out []router
	for _, m := range a.mounts[v] {
		out = append(out, a.mountedAt(m)...)
	}
	out = append(out, a.wrappers(v, 0)...)
	if a.returnedBy[v] != nil && depth < maxReturnDepth {
		is := func(x ast.Expr) bool {
			id, ok := ast.Unparen(x).(*ast.Ident)
			return ok && a.pass.TypesInfo.Uses[id] == v
		}
		out = append(out, a.callerContexts(is, v, depth+1)...)
	}
	if mws := a.ownUses(v); len(mws) > 0 {
		if len(out) == 0 {
			out = []router{{known: true}}
		}
		for i := range out {
			out[i].mws = append(append([]*Handler(nil), out[i].mws...), mws...)
		}
	}
	return out
}

// callerContexts is what the calls in the package of the declared
// function returning a value is (a router) put it under: the variable
// each call assigns that result to, one of several results too (router,
// mappers := controller(...)); v, the variable returned, if any.
func (a *analyzer) callerContexts(is func(ast.Expr) bool, v *types.Var, depth int) []router {
	var fn *types.Func
	index := -1
	for decl, rets := range a.returns {
		d, ok := decl.(*ast.FuncDecl)
		if !ok {
			continue
		}
		for _, ret := range rets {
			for i, x := range ret.Results {
				if !is(x) {
					continue
				}
				f, _ := a.pass.TypesInfo.Defs[d.Name].(*types.Func)
				if f == nil || fn != nil && fn != f || index >= 0 && index != i {
					return nil
				}
				fn, index = f, i
			}
		}
	}
	if fn == nil {
		return nil
	}
	var out []router
	for _, f := range a.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Rhs) != 1 || index >= len(as.Lhs) {
				return true
			}
			call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			if !ok || a.callee(call) != fn || len(as.Lhs) == 1 && index != 0 {
				return true
			}
			if w := a.lhsVar(as.Lhs[index]); w != nil && w != v && !w.IsField() {
				out = append(out, a.varContexts(w, depth)...)
			}
			return true
		})
	}
	return out
}

// ownUses are the middlewares the Use calls on router variable v add to
// all its routes, in the order they run; those scoped to paths, and a
// helper's that adds its callers', are left out.
func (a *analyzer) ownUses(v *types.Var) []*Handler {
	uses := slices.SortedStableFunc(slices.Values(a.uses[v]), func(x, y *ast.CallExpr) int { return cmp.Compare(x.Lparen, y.Lparen) })
	var mws []*Handler
	for _, u := range uses {
		api := a.lookup(a.callee(u))
		if a.usesParams(u, api) {
			continue
		}
		if _, scoped := a.usePaths(u, api); scoped {
			continue
		}
		mws = append(mws, a.middlewares(u, api)...)
	}
	return mws
}
