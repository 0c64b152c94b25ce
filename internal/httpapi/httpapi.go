// Package httpapi is the table of HTTP routers and handler shapes sqlheat
// recognizes, as internal/dbapi is the table of database APIs.
//
// A registration is recognized by the *type* of the function called — its
// package, its receiver type and its name — never by the method name
// alone: a Get on a cache is not a route, and a GET on a fasthttp router
// is. A handler is recognized by its signature, a request's context by the
// type that carries it. Both passes that care — routes, which finds the
// routes and what one request of each costs, and queries, which must not
// count a handler registered in a loop as run in that loop — read this one
// table, so that a framework is added once, and the two cannot disagree
// about what a handler is.
//
// RPC services generated from .proto files (grpc, grpc-gateway, connect)
// are in rpc.go: their registration functions are recognized by their
// signatures, and each method of the service's interface is a route.
package httpapi

import (
	"go/types"
	"strings"
	"sync"
)

// Framework names, as routes report them.
const (
	NetHTTP        = "net/http"
	Chi            = "chi"
	GorillaMux     = "gorilla/mux"
	Gin            = "gin"
	Echo           = "echo"
	Fiber          = "fiber"
	FastHTTP       = "fasthttp"
	FastHTTPRouter = "fasthttp/router"
	HTTPRouter     = "httprouter"
	BunRouter      = "bunrouter"
	Beego          = "beego"
	Iris           = "iris"
	Restful        = "go-restful"
	Huma           = "huma"
	Kratos         = "kratos"
	GoFrame        = "goframe"
	Fizz           = "fizz"
)

// Import paths of the packages in the table.
const (
	netHTTPPkg    = "net/http"
	chiV5Pkg      = "github.com/go-chi/chi/v5"
	chiV4Pkg      = "github.com/go-chi/chi" // v4 has no /v4 suffix (+incompatible)
	muxPkg        = "github.com/gorilla/mux"
	ginPkg        = "github.com/gin-gonic/gin"
	echoPkg       = "github.com/labstack/echo/v4"
	echoV3Pkg     = "github.com/labstack/echo" // v3 has no /v3 suffix (+incompatible)
	echoV5Pkg     = "github.com/labstack/echo/v5"
	fiberV2Pkg    = "github.com/gofiber/fiber/v2"
	fiberV3Pkg    = "github.com/gofiber/fiber/v3"
	fasthttpPkg   = "github.com/valyala/fasthttp"
	fastRouterPkg = "github.com/fasthttp/router"
	httprouterPkg = "github.com/julienschmidt/httprouter"
	bunrouterPkg  = "github.com/uptrace/bunrouter"
	beegoPkg      = "github.com/beego/beego/v2/server/web"
	beegoV1Pkg    = "github.com/astaxie/beego"
	irisPkg       = "github.com/kataras/iris/v12"
	irisRouterPkg = "github.com/kataras/iris/v12/core/router"
	irisCtxPkg    = "github.com/kataras/iris/v12/context"
	restfulPkg    = "github.com/emicklei/go-restful/v3"
	restfulV2Pkg  = "github.com/emicklei/go-restful" // v2 has no /v2 suffix (+incompatible)
	humaPkg       = "github.com/danielgtaylor/huma/v2"
	humachiPkg    = "github.com/danielgtaylor/huma/v2/adapters/humachi"
	humagoPkg     = "github.com/danielgtaylor/huma/v2/adapters/humago"
	humaAdapters  = "github.com/danielgtaylor/huma/v2/adapters/"
	kratosHTTPPkg = "github.com/go-kratos/kratos/v2/transport/http"
	ghttpPkg      = "github.com/gogf/gf/v2/net/ghttp"
	gfFramePkg    = "github.com/gogf/gf/v2/frame/g"
	fizzPkg       = "github.com/wI2L/fizz"
	tonicPkg      = "github.com/loopfz/gadgeto/tonic"
)

// Packages lists the import paths whose direct import makes a package
// worth a look: registering a route or declaring a handler names their
// types.
var Packages = []string{
	netHTTPPkg, chiV5Pkg, chiV4Pkg, muxPkg, ginPkg, echoPkg, echoV3Pkg, echoV5Pkg,
	fiberV2Pkg, fiberV3Pkg, fasthttpPkg, fastRouterPkg, httprouterPkg, bunrouterPkg,
	beegoPkg, beegoV1Pkg, irisPkg, irisRouterPkg, irisCtxPkg, restfulPkg, restfulV2Pkg,
	humaPkg, humachiPkg, humagoPkg, humaAdapters + "humagin", humaAdapters + "humaecho", humaAdapters + "humafiber",
	humaAdapters + "humamux", humaAdapters + "humahttprouter", humaAdapters + "humabunrouter",
	kratosHTTPPkg, ghttpPkg, gfFramePkg, fizzPkg, tonicPkg,
}

// Kind is what a router API call does to the route table.
type Kind uint8

const (
	Route   Kind = iota + 1 // registers a handler
	New                     // makes a root router
	Group                   // returns a router under a prefix (gin, echo, fiber, fasthttp/router Group; gorilla Subrouter; bunrouter NewGroup)
	RouteFn                 // Route(pattern, fn) (chi, fiber; bunrouter WithGroup): fn's router is under the prefix
	GroupFn                 // chi Group(fn): fn's router shares the router's prefix
	With                    // chi With(mws...), bunrouter Use: the router plus middlewares
	Use                     // adds middlewares to every route of the router
	Mount                   // Mount(pattern, h) (chi, fiber v2): a router or handler under a prefix
	Option                  // an option of New or a group (bunrouter WithMiddleware, WithGroup): see OptionArg
	// Controller registers a controller (beego's Router, NSRouter): the
	// value at HandlerArg is a pointer to a struct embedding the
	// framework's Controller, whose methods serve; MethodArg is the
	// mapping ("GET,POST:Login;*:Any") that says which method serves
	// which HTTP methods, or absent for the controller's Get, Post...
	Controller
	// Prefix sets the root path of the router it is called on, for the
	// routes registered on it before or after (go-restful's
	// WebService.Path): the last call in the source is the one read.
	Prefix
	// Fluent configures the router it is called on and returns it
	// (go-restful's ws.Consumes(...).Produces(...)): the router the call
	// returns is its receiver.
	Fluent
	// Namespace is a prefix over the registrations among its arguments
	// (beego's NewNamespace and NSNamespace, at PatternArg).
	Namespace
	// Bind registers GoFrame's handlers and controllers (RouterGroup.Bind):
	// each argument from HandlerArg on is a function, or an object whose
	// methods, of the shape func(ctx, *Req) (*Res, error), serve the
	// path and method the g.Meta field of Req names in its tags.
	Bind
	// Filter is a function every request of the application's routes
	// matching PatternArg runs (beego's InsertFilter): the middleware
	// at MiddlewareArg, before the route's handler or, at a position
	// PhaseArg says is after (FilterAfter), once it has run.
	Filter
)

// API is one entry of the table: a router function and where its
// arguments are. Indices are -1 when absent.
type API struct {
	Framework string
	Kind      Kind
	// Method is the method the function fixes ("GET"), AnyMethod ("ANY"),
	// or "" when MethodArg or the pattern ("GET /x" on a ServeMux) says.
	Method        string
	MethodArg     int // a string, or (gin/echo Match, fiber v3 Add) a []string literal
	PatternArg    int
	HandlerArg    int
	MiddlewareArg int // first middleware argument; the rest are middlewares too
	FuncArg       int // Route/Group: the func(r Router) argument
	// Chain says the arguments from HandlerArg on are one chain of
	// handlers (gin, fiber): the last serves, the others are middlewares.
	Chain bool
	// PrefixArgs says a string argument (fiber's Use) is a path prefix
	// that limits the middlewares to the routes under it, and a router
	// argument (fiber v3's Use) is mounted there.
	PrefixArgs bool
	// PhaseArg is a Filter's position argument (see FilterAfter); After
	// says a Filter runs after the handler whatever its arguments
	// (beego's NSAfter).
	PhaseArg int
	After    bool
	// Nested says a registration or namespace is an argument of the
	// namespace it is in (beego's NSRouter, NSNamespace; a Filter without
	// a pattern, NSBefore and NSAfter, runs on that namespace's routes).
	Nested bool
	// RouterArg is the argument that is the router registered on, for a
	// function rather than a method (huma.Get(api, path, h)); -1 for the
	// receiver.
	RouterArg int
	// OperationArg is an argument whose struct literal names the method
	// and path in its Method and Path fields (huma.Register(api,
	// huma.Operation{Method: http.MethodGet, Path: "/x"}, h)).
	OperationArg int
	// AnyHandler says the handler argument serves whatever its signature
	// (huma's func(context.Context, *I) (*O, error), of the application's
	// own types): the function passed is the route's handler.
	AnyHandler bool
	// ReturnsSelf says the call returns the router it is called on
	// (go-restful's ws.Path(...).Filter(f).Consumes(...)): a chain of
	// such calls is on the router it starts from.
	ReturnsSelf bool
	// OptionArg is the first of the options (bunrouter's New and
	// NewGroup) that configure the router made: an Option call's
	// middlewares (MiddlewareArg) run on its routes, and its function
	// (FuncArg) registers on it, with the middlewares of the options
	// before it.
	OptionArg int
	// Files, when set, says the route serves files, with no handler of
	// the application: the name its handler takes ("gin static files");
	// FilesSuffix is what the router adds to the pattern for the file's
	// path (gin's Static serves relativePath + "/*filepath"). The
	// router's middlewares run before it, their queries too.
	Files       string
	FilesSuffix string
}

// AnyMethod is the method of a route that serves every method.
const AnyMethod = "ANY"

type key struct{ pkg, recv, name string }

// table holds every API by package, receiver and name. It is filled on
// first use, through apis: a vet tool process that never asks, one per
// dependency of the module, does not build it.
var table map[key]*API

var apis = sync.OnceValue(func() map[key]*API {
	table = map[key]*API{}
	fillTable()
	return table
})

// none is an API with every argument absent.
var none = API{MethodArg: -1, PatternArg: -1, HandlerArg: -1, MiddlewareArg: -1, FuncArg: -1, OptionArg: -1, PhaseArg: -1, RouterArg: -1, OperationArg: -1}

// reg registers a on each receiver of pkg under each name; a Method of
// "*" becomes the upper-cased name (r.Get registers GET).
func reg(pkg string, recvs []string, a API, names ...string) {
	for _, r := range recvs {
		for _, n := range names {
			e := a
			if e.Method == "*" {
				e.Method = strings.ToUpper(n)
			}
			table[key{pkg, r, n}] = &e
		}
	}
}

// with is a copy of a changed by f.
func with(a API, f func(*API)) API { f(&a); return a }

// methodRoutes are the method-named registration functions of a router,
// in its spelling ("Get" or "GET").
func methodRoutes(upper bool, names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n
		if upper {
			out[i] = strings.ToUpper(n)
		}
	}
	return out
}

var standardMethods = []string{"Connect", "Delete", "Get", "Head", "Options", "Patch", "Post", "Put", "Trace"}

// fillTable registers every API the package knows (see apis).
func fillTable() {
	// net/http: the pattern carries the method and host (Go 1.22).
	h := with(none, func(a *API) { a.Framework, a.Kind, a.PatternArg, a.HandlerArg = NetHTTP, Route, 0, 1 })
	reg(netHTTPPkg, []string{"ServeMux", ""}, h, "Handle", "HandleFunc")
	reg(netHTTPPkg, []string{""}, with(none, func(a *API) { a.Framework, a.Kind = NetHTTP, New }), "NewServeMux")

	// chi v5 and v4 share their API: Router is the interface, Mux its
	// implementation.
	for _, pkg := range []string{chiV5Pkg, chiV4Pkg} {
		chi := []string{"Mux", "Router"}
		c := with(none, func(a *API) { a.Framework = Chi })
		methods := methodRoutes(false, standardMethods...)
		if pkg == chiV5Pkg {
			methods = append(methods, "Query")
		}
		reg(pkg, chi, with(c, func(a *API) { a.Kind, a.Method, a.PatternArg, a.HandlerArg = Route, "*", 0, 1 }), methods...)
		reg(pkg, chi, with(c, func(a *API) { a.Kind, a.PatternArg, a.HandlerArg = Route, 0, 1 }), "Handle", "HandleFunc")
		reg(pkg, chi, with(c, func(a *API) { a.Kind, a.MethodArg, a.PatternArg, a.HandlerArg = Route, 0, 1, 2 }), "Method", "MethodFunc")
		reg(pkg, chi, with(c, func(a *API) { a.Kind, a.PatternArg, a.HandlerArg = Mount, 0, 1 }), "Mount")
		reg(pkg, chi, with(c, func(a *API) { a.Kind, a.PatternArg, a.FuncArg = RouteFn, 0, 1 }), "Route")
		reg(pkg, chi, with(c, func(a *API) { a.Kind, a.FuncArg = GroupFn, 0 }), "Group")
		reg(pkg, chi, with(c, func(a *API) { a.Kind, a.MiddlewareArg = With, 0 }), "With")
		reg(pkg, chi, with(c, func(a *API) { a.Kind, a.MiddlewareArg = Use, 0 }), "Use")
		reg(pkg, []string{""}, with(c, func(a *API) { a.Kind = New }), "NewRouter", "NewMux")
	}

	// gorilla/mux: Router.HandleFunc(path, f).Methods(...), or a chain of
	// Route matchers ending in Handler/HandlerFunc, which the routes pass
	// reads at the registration (see Matcher).
	m := with(none, func(a *API) { a.Framework = GorillaMux })
	reg(muxPkg, []string{"Router"}, with(m, func(a *API) { a.Kind, a.PatternArg, a.HandlerArg = Route, 0, 1 }), "Handle", "HandleFunc")
	reg(muxPkg, []string{"Route"}, with(m, func(a *API) { a.Kind, a.HandlerArg = Route, 0 }), "Handler", "HandlerFunc")
	reg(muxPkg, []string{"Route"}, with(m, func(a *API) { a.Kind = Group }), "Subrouter")
	reg(muxPkg, []string{"Router"}, with(m, func(a *API) { a.Kind, a.MiddlewareArg = Use, 0 }), "Use")
	// Settings that return the router they are called on
	// (r.PathPrefix("/api").Subrouter().UseEncodedPath()).
	reg(muxPkg, []string{"Router"}, with(m, func(a *API) { a.Kind = Fluent }), "UseEncodedPath", "SkipClean", "StrictSlash")
	reg(muxPkg, []string{""}, with(m, func(a *API) { a.Kind = New }), "NewRouter")

	// gin: Engine embeds RouterGroup, whose methods it promotes (but for
	// its own Use); IRoutes is their interface, IRouter adds Group.
	gin := []string{"RouterGroup", "IRoutes"}
	g := with(none, func(a *API) { a.Framework, a.Chain = Gin, true })
	reg(ginPkg, gin, with(g, func(a *API) { a.Kind, a.Method, a.PatternArg, a.HandlerArg = Route, "*", 0, 1 }),
		"GET", "POST", "DELETE", "PATCH", "PUT", "OPTIONS", "HEAD")
	reg(ginPkg, gin, with(g, func(a *API) { a.Kind, a.Method, a.PatternArg, a.HandlerArg = Route, AnyMethod, 0, 1 }), "Any")
	reg(ginPkg, gin, with(g, func(a *API) { a.Kind, a.MethodArg, a.PatternArg, a.HandlerArg = Route, 0, 1, 2 }), "Handle", "Match")
	reg(ginPkg, []string{"RouterGroup", "IRouter"}, with(g, func(a *API) { a.Kind, a.PatternArg, a.MiddlewareArg, a.Chain = Group, 0, 1, false }), "Group")
	reg(ginPkg, []string{"RouterGroup", "Engine", "IRoutes"}, with(g, func(a *API) { a.Kind, a.MiddlewareArg, a.Chain, a.ReturnsSelf = Use, 0, false, true }), "Use")
	reg(ginPkg, []string{""}, with(g, func(a *API) { a.Kind, a.Chain = New, false }), "New", "Default")
	files := with(g, func(a *API) {
		a.Kind, a.Method, a.PatternArg, a.Chain, a.Files = Route, "GET", 0, false, "gin static files"
	})
	reg(ginPkg, gin, files, "StaticFile", "StaticFileFS")
	reg(ginPkg, gin, with(files, func(a *API) { a.FilesSuffix = "/*filepath" }), "Static", "StaticFS")

	// echo v3, v4 and v5 share their API: handler, then route-level
	// middlewares (v5 adds QUERY, and its Context is a struct).
	for _, pkg := range []string{echoPkg, echoV3Pkg, echoV5Pkg} {
		echo := []string{"Echo", "Group"}
		e := with(none, func(a *API) { a.Framework = Echo })
		methods := methodRoutes(true, standardMethods...)
		if pkg == echoV5Pkg {
			methods = append(methods, "QUERY")
		}
		reg(pkg, echo, with(e, func(a *API) { a.Kind, a.Method, a.PatternArg, a.HandlerArg, a.MiddlewareArg = Route, "*", 0, 1, 2 }), methods...)
		reg(pkg, echo, with(e, func(a *API) {
			a.Kind, a.Method, a.PatternArg, a.HandlerArg, a.MiddlewareArg = Route, AnyMethod, 0, 1, 2
		}), "Any")
		reg(pkg, echo, with(e, func(a *API) { a.Kind, a.MethodArg, a.PatternArg, a.HandlerArg, a.MiddlewareArg = Route, 0, 1, 2, 3 }), "Add", "Match")
		reg(pkg, echo, with(e, func(a *API) { a.Kind, a.PatternArg, a.MiddlewareArg = Group, 0, 1 }), "Group")
		reg(pkg, echo, with(e, func(a *API) { a.Kind, a.MiddlewareArg = Use, 0 }), "Use")
		reg(pkg, []string{"Echo"}, with(e, func(a *API) { a.Kind, a.MiddlewareArg = Use, 0 }), "Pre")
		reg(pkg, []string{""}, with(e, func(a *API) { a.Kind = New }), "New")
	}

	// fiber v2 and v3: one chain of handlers per route, as gin's (v3
	// takes them as any); Group's handlers are middlewares under its
	// prefix; Use takes an optional prefix first. v2 mounts a sub-app
	// with Mount, v3 with Use(prefix, app).
	for _, pkg := range []string{fiberV2Pkg, fiberV3Pkg} {
		fiber := []string{"App", "Group", "Router"}
		f := with(none, func(a *API) { a.Framework, a.Chain = Fiber, true })
		methods := methodRoutes(false, standardMethods...)
		if pkg == fiberV3Pkg {
			methods = append(methods, "Query")
		}
		reg(pkg, fiber, with(f, func(a *API) { a.Kind, a.Method, a.PatternArg, a.HandlerArg = Route, "*", 0, 1 }), methods...)
		reg(pkg, fiber, with(f, func(a *API) { a.Kind, a.Method, a.PatternArg, a.HandlerArg = Route, AnyMethod, 0, 1 }), "All")
		reg(pkg, fiber, with(f, func(a *API) { a.Kind, a.MethodArg, a.PatternArg, a.HandlerArg = Route, 0, 1, 2 }), "Add")
		reg(pkg, fiber, with(f, func(a *API) { a.Kind, a.PatternArg, a.MiddlewareArg, a.Chain = Group, 0, 1, false }), "Group")
		reg(pkg, fiber, with(f, func(a *API) { a.Kind, a.PatternArg, a.FuncArg, a.Chain = RouteFn, 0, 1, false }), "Route")
		reg(pkg, fiber, with(f, func(a *API) { a.Kind, a.MiddlewareArg, a.PrefixArgs, a.Chain = Use, 0, true, false }), "Use")
		if pkg == fiberV2Pkg {
			reg(pkg, fiber, with(f, func(a *API) { a.Kind, a.PatternArg, a.HandlerArg, a.Chain = Mount, 0, 1, false }), "Mount")
		}
		reg(pkg, []string{""}, with(f, func(a *API) { a.Kind, a.Chain = New, false }), "New")
	}

	// iris v12: the Application embeds the APIBuilder, whose methods it
	// promotes; Party is their interface. One chain of handlers per route,
	// as gin's: the last serves, the others are middlewares (handlers
	// calling ctx.Next()); Party(prefix, mws...) is a group,
	// PartyFunc(prefix, fn) calls fn with it.
	iris := []string{"APIBuilder", "Party"}
	ir := with(none, func(a *API) { a.Framework, a.Chain = Iris, true })
	reg(irisRouterPkg, iris, with(ir, func(a *API) { a.Kind, a.Method, a.PatternArg, a.HandlerArg = Route, "*", 0, 1 }),
		methodRoutes(false, standardMethods...)...)
	reg(irisRouterPkg, iris, with(ir, func(a *API) { a.Kind, a.Method, a.PatternArg, a.HandlerArg = Route, AnyMethod, 0, 1 }), "Any")
	reg(irisRouterPkg, iris, with(ir, func(a *API) { a.Kind, a.MethodArg, a.PatternArg, a.HandlerArg = Route, 0, 1, 2 }), "Handle")
	reg(irisRouterPkg, iris, with(ir, func(a *API) { a.Kind, a.PatternArg, a.MiddlewareArg, a.Chain = Group, 0, 1, false }), "Party")
	reg(irisRouterPkg, iris, with(ir, func(a *API) { a.Kind, a.PatternArg, a.FuncArg, a.Chain = RouteFn, 0, 1, false }), "PartyFunc")
	reg(irisRouterPkg, iris, with(ir, func(a *API) { a.Kind, a.MiddlewareArg, a.Chain = Use, 0, false }), "Use", "UseRouter", "UseOnce")
	reg(irisRouterPkg, []string{"APIBuilder"}, with(ir, func(a *API) { a.Kind, a.MiddlewareArg, a.Chain = Use, 0, false }), "UseGlobal")
	reg(irisPkg, []string{""}, with(ir, func(a *API) { a.Kind, a.Chain = New, false }), "New", "Default")

	// go-restful v3 and v2 share their API: a WebService is a router under the root its Path
	// sets; a route is the builder chain ws.GET(path)...To(fn) (or
	// ws.Method(m).Path(p)), whose To is the registration the table
	// holds, its method, path and filters read along the chain (see
	// RestfulStep). Filters run in the order Container, WebService,
	// route; Container.Add and Add put a WebService in a container, at its
	// own root.
	for _, pkg := range []string{restfulPkg, restfulV2Pkg} {
		rs := with(none, func(a *API) { a.Framework, a.ReturnsSelf = Restful, true })
		reg(pkg, []string{"RouteBuilder"}, with(rs, func(a *API) { a.Kind, a.HandlerArg, a.ReturnsSelf = Route, 0, false }), "To")
		reg(pkg, []string{"WebService"}, with(rs, func(a *API) { a.Kind, a.PatternArg = Prefix, 0 }), "Path")
		reg(pkg, []string{"WebService"}, with(rs, func(a *API) { a.Kind = Fluent }), "Consumes", "Produces", "Doc", "ApiVersion", "Param", "Route")
		reg(pkg, []string{"WebService"}, with(rs, func(a *API) { a.Kind, a.MiddlewareArg = Use, 0 }), "Filter")
		reg(pkg, []string{"Container", ""}, with(rs, func(a *API) { a.Kind, a.MiddlewareArg, a.ReturnsSelf = Use, 0, false }), "Filter")
		reg(pkg, []string{"Container", ""}, with(rs, func(a *API) { a.Kind, a.HandlerArg, a.ReturnsSelf = Mount, 0, false }), "Add")
		reg(pkg, []string{""}, with(rs, func(a *API) { a.Kind, a.ReturnsSelf = New, false }), "NewContainer")
	}

	// huma v2: operations are registered by generic functions given the
	// API (huma.Get(api, path, h), huma.Register(api, op, h)); an adapter
	// makes the API over a router, whose prefix and middlewares its
	// operations get (humachi.New(r, cfg), humago.NewWithPrefix(mux,
	// prefix, cfg)); NewGroup(api, prefix) is a group; UseMiddleware adds
	// huma middlewares (func(ctx huma.Context, next func(huma.Context))).
	hm := with(none, func(a *API) { a.Framework = Huma })
	reg(humaPkg, []string{""}, with(hm, func(a *API) {
		a.Kind, a.Method, a.RouterArg, a.PatternArg, a.HandlerArg, a.AnyHandler = Route, "*", 0, 1, 2, true
	}), "Get", "Post", "Put", "Patch", "Delete", "Head")
	reg(humaPkg, []string{""}, with(hm, func(a *API) {
		a.Kind, a.RouterArg, a.OperationArg, a.HandlerArg, a.AnyHandler = Route, 0, 1, 2, true
	}), "Register")
	reg(humaPkg, []string{""}, with(hm, func(a *API) { a.Kind, a.RouterArg, a.PatternArg = Group, 0, 1 }), "NewGroup")
	reg(humaPkg, []string{"API", "Group"}, with(hm, func(a *API) { a.Kind, a.MiddlewareArg = Use, 0 }), "UseMiddleware")
	for _, ad := range []string{"humachi", "humago", "humagin", "humaecho", "humafiber", "humamux", "humahttprouter", "humabunrouter"} {
		reg(humaAdapters+ad, []string{""}, with(hm, func(a *API) { a.Kind, a.RouterArg = Group, 0 }), "New")
	}
	reg(humaAdapters+"humabunrouter", []string{""}, with(hm, func(a *API) { a.Kind, a.RouterArg = Group, 0 }), "NewCompat")
	for _, ad := range []string{"humagin", "humaecho", "humafiber"} { // NewWithGroup(r, g, cfg): on the group
		reg(humaAdapters+ad, []string{""}, with(hm, func(a *API) { a.Kind, a.RouterArg = Group, 1 }), "NewWithGroup")
	}
	reg(humagoPkg, []string{""}, with(hm, func(a *API) { a.Kind, a.RouterArg, a.PatternArg = Group, 0, 1 }), "NewWithPrefix")

	// fasthttp/router: method routes and groups; no middlewares of its own
	// (they wrap the handlers, or r.Handler as a whole).
	fr := []string{"Router", "Group"}
	r := with(none, func(a *API) { a.Framework = FastHTTPRouter })
	reg(fastRouterPkg, fr, with(r, func(a *API) { a.Kind, a.Method, a.PatternArg, a.HandlerArg = Route, "*", 0, 1 }),
		methodRoutes(true, standardMethods...)...)
	reg(fastRouterPkg, fr, with(r, func(a *API) { a.Kind, a.Method, a.PatternArg, a.HandlerArg = Route, AnyMethod, 0, 1 }), "ANY")
	reg(fastRouterPkg, fr, with(r, func(a *API) { a.Kind, a.MethodArg, a.PatternArg, a.HandlerArg = Route, 0, 1, 2 }), "Handle")
	reg(fastRouterPkg, fr, with(r, func(a *API) { a.Kind, a.PatternArg = Group, 0 }), "Group")
	reg(fastRouterPkg, []string{""}, with(r, func(a *API) { a.Kind = New }), "New")

	// httprouter: method routes, and Handle/Handler/HandlerFunc with a
	// method argument; no groups, no middlewares.
	hr := with(none, func(a *API) { a.Framework = HTTPRouter })
	reg(httprouterPkg, []string{"Router"}, with(hr, func(a *API) { a.Kind, a.Method, a.PatternArg, a.HandlerArg = Route, "*", 0, 1 }),
		"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE")
	reg(httprouterPkg, []string{"Router"}, with(hr, func(a *API) { a.Kind, a.MethodArg, a.PatternArg, a.HandlerArg = Route, 0, 1, 2 }),
		"Handle", "Handler", "HandlerFunc")
	reg(httprouterPkg, []string{""}, with(hr, func(a *API) { a.Kind = New }), "New")

	// bunrouter: Router embeds Group, whose methods it promotes; the
	// Compat and Verbose groups take net/http and httprouter-style
	// handlers. Use and WithMiddleware return a new group rather than
	// changing theirs; WithGroup(path, fn) calls fn with a sub-group.
	// New and NewGroup take options: WithMiddleware and its alias Use,
	// WithHandler (a handler run before the route's), WithGroup(fn).
	bg := []string{"Group", "CompatGroup", "VerboseGroup"}
	b := with(none, func(a *API) { a.Framework = BunRouter })
	reg(bunrouterPkg, bg, with(b, func(a *API) { a.Kind, a.Method, a.PatternArg, a.HandlerArg = Route, "*", 0, 1 }),
		"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")
	reg(bunrouterPkg, bg, with(b, func(a *API) { a.Kind, a.MethodArg, a.PatternArg, a.HandlerArg = Route, 0, 1, 2 }), "Handle")
	reg(bunrouterPkg, bg, with(b, func(a *API) { a.Kind, a.PatternArg, a.OptionArg = Group, 0, 1 }), "NewGroup")
	reg(bunrouterPkg, bg, with(b, func(a *API) { a.Kind, a.MiddlewareArg = With, 0 }), "WithMiddleware")
	reg(bunrouterPkg, []string{"Group"}, with(b, func(a *API) { a.Kind, a.MiddlewareArg = With, 0 }), "Use")
	reg(bunrouterPkg, bg, with(b, func(a *API) { a.Kind, a.PatternArg, a.FuncArg = RouteFn, 0, 1 }), "WithGroup")
	reg(bunrouterPkg, []string{"Group", "Router"}, with(b, func(a *API) { a.Kind = With }), "Compat", "Verbose")
	reg(bunrouterPkg, []string{""}, with(b, func(a *API) { a.Kind, a.OptionArg = New, 0 }), "New")
	reg(bunrouterPkg, []string{""}, with(b, func(a *API) { a.Kind, a.MiddlewareArg = Option, 0 }), "WithMiddleware", "Use", "WithHandler")
	reg(bunrouterPkg, []string{""}, with(b, func(a *API) { a.Kind, a.FuncArg = Option, 0 }), "WithGroup")

	// kratos v2's transport/http: a Server serves net/http handlers at
	// gorilla/mux templates, of any method (Handle, HandleFunc; and
	// HandlePrefix, the subtree under its prefix, as gorilla's
	// PathPrefix(p).Handler(h)); Route(prefix, filters...) is a Router
	// under the prefix, whose GET, POST... and Handle(method, path, h,
	// filters...) register kratos' HandlerFunc (func(http.Context)
	// error) with the route's own filters inside the Router's; Group
	// nests one. Filters are net/http middlewares, and the Filter option
	// of NewServer wraps every route in its filters. (The kratos
	// middlewares of the Middleware option and Server.Use wrap only what
	// a generated handler runs through ctx.Middleware: no route's.)
	k := with(none, func(a *API) { a.Framework = Kratos })
	reg(kratosHTTPPkg, []string{"Server"}, with(k, func(a *API) { a.Kind, a.Method, a.PatternArg, a.HandlerArg = Route, AnyMethod, 0, 1 }),
		"Handle", "HandleFunc", "HandlePrefix")
	reg(kratosHTTPPkg, []string{"Server"}, with(k, func(a *API) { a.Kind, a.PatternArg, a.MiddlewareArg = Group, 0, 1 }), "Route")
	reg(kratosHTTPPkg, []string{"Router"}, with(k, func(a *API) { a.Kind, a.PatternArg, a.MiddlewareArg = Group, 0, 1 }), "Group")
	reg(kratosHTTPPkg, []string{"Router"}, with(k, func(a *API) { a.Kind, a.Method, a.PatternArg, a.HandlerArg, a.MiddlewareArg = Route, "*", 0, 1, 2 }),
		"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE")
	reg(kratosHTTPPkg, []string{"Router"}, with(k, func(a *API) { a.Kind, a.MethodArg, a.PatternArg, a.HandlerArg, a.MiddlewareArg = Route, 0, 1, 2, 3 }), "Handle")
	reg(kratosHTTPPkg, []string{""}, with(k, func(a *API) { a.Kind, a.OptionArg = New, 0 }), "NewServer")
	reg(kratosHTTPPkg, []string{""}, with(k, func(a *API) { a.Kind, a.MiddlewareArg = Option, 0 }), "Filter")

	// beego v2 and v1: a controller's methods serve the paths Router
	// maps to them, on the application (BeeApp, or an HttpServer) or in
	// a namespace; NSRouter registers in the namespace whose argument
	// it is, NSNamespace nests one. (The controllers NSInclude takes
	// serve the routes of their // @router comments, which only the
	// code bee generates from them registers.)
	for _, pkg := range []string{beegoPkg, beegoV1Pkg} {
		bee := with(none, func(a *API) {
			a.Framework, a.Kind, a.PatternArg, a.HandlerArg, a.MethodArg = Beego, Controller, 0, 1, 2
		})
		reg(pkg, []string{"", "Namespace"}, bee, "Router")
		reg(pkg, []string{""}, with(bee, func(a *API) { a.Nested = true }), "NSRouter")
		ns := with(none, func(a *API) { a.Framework, a.Kind, a.PatternArg = Beego, Namespace, 0 })
		reg(pkg, []string{""}, ns, "NewNamespace")
		reg(pkg, []string{""}, with(ns, func(a *API) { a.Nested = true }), "NSNamespace")
		// ns.Namespace(sub...): sub is under ns's prefix, which the
		// namespace's own routes know from their receiver only.
		reg(pkg, []string{"Namespace"}, with(ns, func(a *API) { a.PatternArg = -1 }), "Namespace")
		nsf := with(none, func(a *API) { a.Framework, a.Kind, a.MiddlewareArg, a.Nested = Beego, Filter, 0, true })
		reg(pkg, []string{""}, nsf, "NSBefore")
		reg(pkg, []string{""}, with(nsf, func(a *API) { a.After = true }), "NSAfter")
	}
	beeApp := []string{"", "HttpServer"} // v2's HttpServer methods are what its package functions call on BeeApp
	fillGoFrame()

	// fizz over gin: a RouterGroup's GET, POST... take the operation's
	// documentation, then gin's chain of handlers (tonic.Handler(h,
	// 200) as a rule, see IsTypedAdapter); Group(path, name,
	// description, mws...) and Use are gin's.
	fz := with(none, func(a *API) { a.Framework, a.Chain = Fizz, true })
	reg(fizzPkg, []string{"RouterGroup"}, with(fz, func(a *API) { a.Kind, a.Method, a.PatternArg, a.HandlerArg = Route, "*", 0, 2 }),
		"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE")
	reg(fizzPkg, []string{"RouterGroup"}, with(fz, func(a *API) { a.Kind, a.PatternArg, a.MethodArg, a.HandlerArg = Route, 0, 1, 3 }), "Handle")
	reg(fizzPkg, []string{"RouterGroup"}, with(fz, func(a *API) { a.Kind, a.PatternArg, a.MiddlewareArg, a.Chain = Group, 0, 3, false }), "Group")
	reg(fizzPkg, []string{"RouterGroup"}, with(fz, func(a *API) { a.Kind, a.MiddlewareArg, a.Chain = Use, 0, false }), "Use")
	reg(fizzPkg, []string{""}, with(fz, func(a *API) { a.Kind, a.Chain = New, false }), "New", "NewFromEngine")
	reg(beegoPkg, beeApp[1:], with(none, func(a *API) {
		a.Framework, a.Kind, a.PatternArg, a.HandlerArg, a.MethodArg = Beego, Controller, 0, 1, 2
	}), "Router")
	for _, pkg := range []string{beegoPkg, beegoV1Pkg} {
		recvs := beeApp
		if pkg == beegoV1Pkg {
			recvs = beeApp[:1]
		}
		b := with(none, func(a *API) { a.Framework, a.PatternArg, a.HandlerArg = Beego, 0, 1 })
		reg(pkg, recvs, with(b, func(a *API) { a.Kind, a.Method = Route, "*" }), "Get", "Post", "Put", "Patch", "Delete", "Head", "Options")
		reg(pkg, recvs, with(b, func(a *API) { a.Kind, a.Method = Route, AnyMethod }), "Any")
		reg(pkg, recvs, with(none, func(a *API) { a.Framework, a.Kind, a.PatternArg, a.PhaseArg, a.MiddlewareArg = Beego, Filter, 0, 1, 2 }), "InsertFilter")
	}
}

// fillGoFrame registers GoFrame v2's ghttp. (v1's RouterGroup binds
// GroupItem lists and has no standard handlers: not read.)
func fillGoFrame() {
	// A Server's Group(prefix, fn) (a Domain's, a RouterGroup's) calls fn
	// with a group under the prefix, which inherits the middlewares its
	// parent had then; Middleware adds to the routes bound after it;
	// GET, POST... and ALL bind a handler (func(r *ghttp.Request), or
	// one of the standard shape) at a path; Bind binds standard
	// handlers and controllers at the paths their requests' g.Meta
	// names. g.Server() and ghttp.GetServer() make the application's
	// server, whose Use and BindMiddlewareDefault run on every route.
	for _, pkg := range []string{ghttpPkg} {
		gf := with(none, func(a *API) { a.Framework = GoFrame })
		groups := []string{"RouterGroup"}
		reg(pkg, groups, with(gf, func(a *API) { a.Kind, a.Method, a.PatternArg, a.HandlerArg, a.AnyHandler = Route, "*", 0, 1, true }),
			"GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "CONNECT", "OPTIONS", "TRACE")
		reg(pkg, groups, with(gf, func(a *API) {
			a.Kind, a.Method, a.PatternArg, a.HandlerArg, a.AnyHandler = Route, AnyMethod, 0, 1, true
		}), "ALL")
		reg(pkg, groups, with(gf, func(a *API) { a.Kind, a.HandlerArg = Bind, 0 }), "Bind")
		reg(pkg, []string{"Server", "Domain", "RouterGroup"}, with(gf, func(a *API) { a.Kind, a.PatternArg, a.FuncArg = RouteFn, 0, 1 }), "Group")
		reg(pkg, groups, with(gf, func(a *API) { a.Kind, a.MiddlewareArg = Use, 0 }), "Middleware")
		// Hook(pattern, point, h): h runs at that point of each request
		// of the group's routes bound after it (the pattern, "/*" as a
		// rule, is not read).
		reg(pkg, groups, with(gf, func(a *API) { a.Kind, a.MiddlewareArg = Use, 2 }), "Hook")
		reg(pkg, []string{"Server", "Domain"}, with(gf, func(a *API) { a.Kind, a.MiddlewareArg = Use, 0 }), "Use", "BindMiddlewareDefault")
		reg(pkg, []string{"Server", "Domain"}, with(gf, func(a *API) {
			a.Kind, a.Method, a.PatternArg, a.HandlerArg, a.AnyHandler = Route, AnyMethod, 0, 1, true
		}), "BindHandler")
		reg(pkg, []string{""}, with(gf, func(a *API) { a.Kind = New }), "GetServer")
	}
	reg(gfFramePkg, []string{""}, with(none, func(a *API) { a.Framework, a.Kind = GoFrame, New }), "Server")
}

// UseOrdered reports whether a Use call fn (gin's Use, GoFrame's
// Middleware) adds to the routes registered after it only: the router
// copies its middlewares into each route, and into each group, when it
// is registered or made.
func UseOrdered(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case ginPkg, ghttpPkg, fizzPkg:
		return true
	}
	return false
}

// FilterAfter reports whether a Filter at position pos runs after the
// route's handler: beego's AfterExec (3) and FinishRouter (4), where
// BeforeStatic, BeforeRouter and BeforeExec (0 to 2) run before it.
func FilterAfter(pos int64) bool { return pos >= 3 }

// controllerTypes are the controller types of the frameworks whose
// controllers serve with their methods (beego's), by package.
var controllerTypes = map[string]string{beegoPkg: "Controller", beegoV1Pkg: "Controller"}

// IsControllerMethod reports whether fn is a method that serves
// requests as a controller's action: a method of no parameters and no
// results, of a type embedding a framework's Controller (beego's), and
// not one the framework's Controller declares itself (its default Get
// answers 405). The framework calls it, by the name a route maps to it,
// on a new controller per request.
func IsControllerMethod(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil || sig.Params().Len() > 0 || sig.Results().Len() > 0 {
		return false
	}
	if fn.Pkg() != nil && controllerTypes[fn.Pkg().Path()] != "" {
		return false
	}
	return EmbedsController(sig.Recv().Type())
}

// EmbedsController reports whether t (a struct or a pointer to one)
// embeds a framework's Controller, at any depth: it is a controller.
func EmbedsController(t types.Type) bool {
	return embedsController(t, 0)
}

func embedsController(t types.Type, depth int) bool {
	if depth > 4 {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && controllerTypes[n.Obj().Pkg().Path()] == n.Obj().Name() {
		return true
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); f.Embedded() && embedsController(f.Type(), depth+1) {
			return true
		}
	}
	return false
}

// Lookup finds the table entry of a function, by its package, receiver
// type name and name; nil when it is not a router API.
func Lookup(fn *types.Func) *API {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	return apis()[key{fn.Pkg().Path(), RecvName(fn), fn.Name()}]
}

// RecvName is the name of a method's receiver type ("" for a function).
func RecvName(fn *types.Func) string {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return ""
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// is reports whether fn is pkg's function or method name (of any
// receiver).
func is(fn *types.Func, pkg, name string) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pkg && fn.Name() == name
}

// Matcher names a gorilla/mux Route matcher that a registration chain
// reads ("Methods", "Path", "PathPrefix"); "" for anything else, other
// matchers (Host, Headers, Queries...) included.
func Matcher(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != muxPkg || RecvName(fn) != "Route" && RecvName(fn) != "Router" {
		return ""
	}
	switch fn.Name() {
	case "Methods", "Path", "PathPrefix":
		return fn.Name()
	}
	return ""
}

// IsGorilla reports whether fn is of gorilla/mux: a matcher chain walks
// back through its calls to the router it starts from.
func IsGorilla(fn *types.Func) bool { return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == muxPkg }

// adapters are functions that turn a handler of one shape into another
// without serving anything themselves.
var adapters = map[key]bool{
	{bunrouterPkg, "", "HTTPHandler"}:     true,
	{bunrouterPkg, "", "HTTPHandlerFunc"}: true,
}

// typedAdapters make a handler of a function of the application's own
// shape, which they call with the request bound to its input (tonic's
// Handler(h, status): h is func(*gin.Context, *In) (*Out, error)).
var typedAdapters = map[key]bool{
	{tonicPkg, "", "Handler"}: true,
}

// IsTypedAdapter reports whether fn makes a handler of the function it
// is given first, of whatever signature (see typedAdapters): that
// function serves.
func IsTypedAdapter(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && typedAdapters[key{fn.Pkg().Path(), RecvName(fn), fn.Name()}]
}

// IsAdapter reports whether fn only adapts the handler it is given to
// another handler shape (bunrouter.HTTPHandlerFunc(h)): as a conversion,
// the handler passed is what serves, and the adapter is no middleware.
func IsAdapter(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && adapters[key{fn.Pkg().Path(), RecvName(fn), fn.Name()}]
}

// IsStripPrefix reports whether fn is http.StripPrefix, which moves the
// routes of the handler it wraps under its prefix.
func IsStripPrefix(fn *types.Func) bool {
	return is(fn, netHTTPPkg, "StripPrefix") && RecvName(fn) == ""
}

// shape is the signature of one framework's handlers.
type shape struct {
	framework string
	params    []string // type strings
	results   []string
}

var shapes = []shape{
	{NetHTTP, []string{"net/http.ResponseWriter", "*net/http.Request"}, nil},
	{HTTPRouter, []string{"net/http.ResponseWriter", "*net/http.Request", httprouterPkg + ".Params"}, nil},
	{Gin, []string{"*" + ginPkg + ".Context"}, nil},
	{Echo, []string{echoPkg + ".Context"}, []string{"error"}},
	{Echo, []string{echoV3Pkg + ".Context"}, []string{"error"}},
	{Echo, []string{"*" + echoV5Pkg + ".Context"}, []string{"error"}},
	{Fiber, []string{"*" + fiberV2Pkg + ".Ctx"}, []string{"error"}},
	{Fiber, []string{fiberV3Pkg + ".Ctx"}, []string{"error"}},
	{FastHTTP, []string{"*" + fasthttpPkg + ".RequestCtx"}, nil},
	{BunRouter, []string{"net/http.ResponseWriter", bunrouterPkg + ".Request"}, []string{"error"}},
	{BunRouter, []string{"net/http.ResponseWriter", "*net/http.Request", bunrouterPkg + ".Params"}, nil}, // a VerboseGroup's
	{Beego, []string{"*" + beegoPkg + "/context.Context"}, nil},                                          // a functional route's, a filter's
	{Beego, []string{"*" + beegoV1Pkg + "/context.Context"}, nil},
	{Iris, []string{"*" + irisCtxPkg + ".Context"}, nil},
	{Restful, []string{"*" + restfulPkg + ".Request", "*" + restfulPkg + ".Response"}, nil},
	{Restful, []string{"*" + restfulPkg + ".Request", "*" + restfulPkg + ".Response", "*" + restfulPkg + ".FilterChain"}, nil}, // a filter's
	{Huma, []string{humaPkg + ".Context"}, nil},                                                                                // an adapter's, what a middleware's next is
	{Huma, []string{humaPkg + ".Context", "func(" + humaPkg + ".Context)"}, nil},                                               // a middleware's, that calls next(ctx)
	{Kratos, []string{kratosHTTPPkg + ".Context"}, []string{"error"}},
	{GoFrame, []string{"*" + ghttpPkg + ".Request"}, nil},
	{Restful, []string{"*" + restfulV2Pkg + ".Request", "*" + restfulV2Pkg + ".Response"}, nil},
	{Restful, []string{"*" + restfulV2Pkg + ".Request", "*" + restfulV2Pkg + ".Response", "*" + restfulV2Pkg + ".FilterChain"}, nil},
}

// HandlerSig is the framework whose request handlers have the signature
// sig — func(http.ResponseWriter, *http.Request), func(*gin.Context),
// func(echo.Context) error, func(*fiber.Ctx) error (v2) and func(fiber.Ctx)
// error (v3), func(*fasthttp.RequestCtx), httprouter's
// func(http.ResponseWriter, *http.Request, httprouter.Params), bunrouter's
// func(http.ResponseWriter, bunrouter.Request) error, beego's
// func(*context.Context) (a functional route's, a filter's), iris's
// func(iris.Context), go-restful's func(*restful.Request,
// *restful.Response) and its filters' (with a *restful.FilterChain) — or "".
// Results count: a func(echo.Context) without one is not echo's handler.
//
// A framework whose handlers take one context also has the handlers of
// an application's own context that embeds it: with type Context
// struct{ echo.Context }, a func(*Context) error is an echo handler that
// the application adapts (c.(*Context)) where it registers it.
func HandlerSig(sig *types.Signature) string {
	if sig == nil {
		return ""
	}
	for _, s := range shapes {
		if !typesAre(sig.Results(), s.results) {
			continue
		}
		if typesAre(sig.Params(), s.params) ||
			len(s.params) == 1 && sig.Params().Len() == 1 && embeds(sig.Params().At(0).Type(), s.params[0]) {
			return s.framework
		}
	}
	return ""
}

// embeds reports whether t is a pointer to a struct that embeds a field
// of the type named want.
func embeds(t types.Type, want string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); f.Embedded() && types.TypeString(types.Unalias(f.Type()), nil) == want {
			return true
		}
	}
	return false
}

// IsHandlerSig reports whether sig is a request handler's signature.
func IsHandlerSig(sig *types.Signature) bool { return HandlerSig(sig) != "" }

func typesAre(t *types.Tuple, want []string) bool {
	if t.Len() != len(want) {
		return false
	}
	for i, w := range want {
		if !typeIs(types.Unalias(t.At(i).Type()), w) {
			return false
		}
	}
	return true
}

// handlerTypes are the named types of handler values; fiber's Handler is
// an alias of its signature.
var handlerTypes = map[string]bool{
	"net/http.Handler": true, "net/http.HandlerFunc": true,
	ginPkg + ".HandlerFunc": true, echoPkg + ".HandlerFunc": true,
	echoV3Pkg + ".HandlerFunc": true, echoV5Pkg + ".HandlerFunc": true,
	httprouterPkg + ".Handle": true, fasthttpPkg + ".RequestHandler": true,
	bunrouterPkg + ".HandlerFunc": true, bunrouterPkg + ".VerboseHandlerFunc": true,
	beegoPkg + ".HandleFunc": true, beegoV1Pkg + ".FilterFunc": true,
	restfulPkg + ".RouteFunction": true, restfulPkg + ".FilterFunction": true,
	restfulV2Pkg + ".RouteFunction": true, restfulV2Pkg + ".FilterFunction": true,
	kratosHTTPPkg + ".HandlerFunc": true,
	ghttpPkg + ".HandlerFunc":      true,
}

// IsHandlerType matches a value that serves requests: http.Handler,
// http.HandlerFunc, gin.HandlerFunc, echo.HandlerFunc, httprouter.Handle,
// fasthttp.RequestHandler, bunrouter.HandlerFunc, or a function of a
// handler's signature.
func IsHandlerType(t types.Type) bool {
	if t == nil {
		return false
	}
	t = types.Unalias(t)
	if handlerTypes[tableString(t)] {
		return true
	}
	sig, _ := t.Underlying().(*types.Signature)
	return IsHandlerSig(sig)
}

// IsMiddlewareSig matches a function that wraps a handler into another:
// func(http.Handler) http.Handler, mux.MiddlewareFunc, echo.MiddlewareFunc,
// func(fasthttp.RequestHandler) fasthttp.RequestHandler,
// func(httprouter.Handle) httprouter.Handle, bunrouter.MiddlewareFunc.
// (gin's and fiber's
// middlewares are handlers that call c.Next.)
func IsMiddlewareSig(sig *types.Signature) bool {
	if sig == nil || sig.Results().Len() != 1 || !IsHandlerType(sig.Results().At(0).Type()) {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if IsHandlerType(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

// IsMiddlewareType matches a value of a middleware's signature.
func IsMiddlewareType(t types.Type) bool {
	if t == nil {
		return false
	}
	sig, _ := t.Underlying().(*types.Signature)
	return IsMiddlewareSig(sig)
}

// IsNext reports whether fn runs the rest of a handler chain from inside a
// middleware that is itself a handler: gin's, fiber's and iris's c.Next(),
// go-restful's chain.ProcessFilter(req, resp).
func IsNext(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && nexts[key{fn.Pkg().Path(), RecvName(fn), fn.Name()}]
}

var nexts = map[key]bool{
	{ginPkg, "Context", "Next"}: true, {fiberV2Pkg, "Ctx", "Next"}: true, {fiberV3Pkg, "Ctx", "Next"}: true,
	{irisCtxPkg, "Context", "Next"}: true, {restfulPkg, "FilterChain", "ProcessFilter"}: true,
	{restfulV2Pkg, "FilterChain", "ProcessFilter"}: true,
	{ghttpPkg, "middleware", "Next"}:               true, // r.Middleware.Next()
}

// RestfulStep names what a call of a go-restful route builder chain
// says of the route: "Method" and "Path" (RouteBuilder's, with their
// argument), "Filter" (a route filter), "Start" (the WebService's GET,
// POST... or Method that begins the chain, on the WebService it
// registers on); "" for any other function, the builder's documentation
// calls (Doc, Param, Returns...) included.
func RestfulStep(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != restfulPkg && fn.Pkg().Path() != restfulV2Pkg {
		return ""
	}
	switch RecvName(fn) {
	case "RouteBuilder":
		switch fn.Name() {
		case "Method", "Path", "Filter":
			return fn.Name()
		}
	case "WebService":
		switch fn.Name() {
		case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "Method":
			return "Start"
		}
	}
	return ""
}

// routerTypes are the router types, true for those that are always a
// root: a ServeMux's patterns are absolute, and gin's Engine, echo's Echo,
// chi's Mux (rather than its Router interface, which sub-routers have),
// fiber's App, the fasthttp, httprouter and bunrouter Routers (and a
// bunrouter Router's Compat and Verbose views) are what the constructors
// return.
var routerTypes = map[string]bool{
	"*net/http.ServeMux":    true,
	"*" + chiV5Pkg + ".Mux": true, chiV5Pkg + ".Router": false,
	"*" + chiV4Pkg + ".Mux": true, chiV4Pkg + ".Router": false,
	"*" + muxPkg + ".Router": false,
	"*" + ginPkg + ".Engine": true, "*" + ginPkg + ".RouterGroup": false, ginPkg + ".IRouter": false, ginPkg + ".IRoutes": false,
	"*" + echoPkg + ".Echo": true, "*" + echoPkg + ".Group": false,
	"*" + echoV3Pkg + ".Echo": true, "*" + echoV3Pkg + ".Group": false,
	"*" + echoV5Pkg + ".Echo": true, "*" + echoV5Pkg + ".Group": false,
	"*" + fiberV2Pkg + ".App": true, "*" + fiberV2Pkg + ".Group": false, fiberV2Pkg + ".Router": false,
	"*" + fiberV3Pkg + ".App": true, "*" + fiberV3Pkg + ".Group": false, fiberV3Pkg + ".Router": false,
	"*" + fastRouterPkg + ".Router": true, "*" + fastRouterPkg + ".Group": false,
	"*" + httprouterPkg + ".Router": true,
	"*" + bunrouterPkg + ".Router":  true, "*" + bunrouterPkg + ".Group": false,
	"*" + bunrouterPkg + ".CompatRouter": true, "*" + bunrouterPkg + ".CompatGroup": false,
	"*" + bunrouterPkg + ".VerboseRouter": true, "*" + bunrouterPkg + ".VerboseGroup": false,
	"*" + beegoPkg + ".HttpServer": true,
	"*" + irisPkg + ".Application": true, "*" + irisRouterPkg + ".APIBuilder": false, irisRouterPkg + ".Party": false,
	"*" + restfulPkg + ".WebService": true, restfulPkg + ".WebService": true, "*" + restfulPkg + ".Container": true,
	humaPkg + ".API": false, "*" + humaPkg + ".Group": false,
	"*" + restfulV2Pkg + ".WebService": true, restfulV2Pkg + ".WebService": true, "*" + restfulV2Pkg + ".Container": true,
	"*" + kratosHTTPPkg + ".Server": true, "*" + kratosHTTPPkg + ".Router": false,
	"*" + fizzPkg + ".Fizz": true, "*" + fizzPkg + ".RouterGroup": false,
	"*" + ghttpPkg + ".Server": true, "*" + ghttpPkg + ".Domain": true, "*" + ghttpPkg + ".RouterGroup": false,
}

// IsRouterType matches the router types, roots or not.
func IsRouterType(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := routerTypes[tableString(types.Unalias(t))]
	return ok
}

// rootRouterFields are the fields of a framework's types that hold the
// application's root router, by the field's package, struct and name:
// pocketbase hands its OnServe hooks a ServeEvent whose Router is the
// app's, served at the root of the server.
var rootRouterFields = map[[3]string]bool{
	{"github.com/pocketbase/pocketbase/core", "ServeEvent", "Router"}: true,
}

// IsRootRouterField reports whether the field named field of a value of
// type t holds a framework's root router (see rootRouterFields).
func IsRootRouterField(t types.Type, field string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return rootRouterFields[[3]string{n.Obj().Pkg().Path(), n.Obj().Name(), field}]
}

// IsRootRouter reports whether a router of type t is always a root.
func IsRootRouter(t types.Type) bool {
	return t != nil && routerTypes[tableString(types.Unalias(t))]
}

// tableString is types.TypeString(t, nil) for a named type or a pointer
// to one (an alias's name, as TypeString writes it, included), the only
// types handlerTypes and routerTypes hold, and "" for any other, whose
// string neither holds: these tests see the type of most expressions,
// and the string of a struct, signature or interface type is long to
// write for nothing (85 of the 660 MB the passes allocated on spicedb).
//
// Nor is a named type of a package no table names (most named types a
// pass sees are the module's own), whose string none holds either.
func tableString(t types.Type) string {
	u := t
	if p, ok := u.(*types.Pointer); ok {
		u = p.Elem()
	}
	var obj *types.TypeName
	switch u := u.(type) {
	case *types.Named:
		obj = u.Obj()
		if u.TypeArgs().Len() > 0 {
			obj = nil // its string holds its arguments
		}
	case *types.Alias:
		obj = u.Obj()
		if u.TypeArgs().Len() > 0 {
			obj = nil
		}
	default:
		return ""
	}
	if obj == nil {
		return types.TypeString(t, nil)
	}
	if obj.Pkg() != nil && !tablePkgs[obj.Pkg().Path()] {
		return ""
	}
	// The same few (context.Context, *http.Request) over and over.
	key := tableKey{obj, u != t}
	if s, ok := tableStrings.Load(key); ok {
		return s.(string)
	}
	s := types.TypeString(t, nil)
	tableStrings.Store(key, s)
	return s
}

// tableKey is a named type's name, and whether it is behind a pointer.
type tableKey struct {
	obj *types.TypeName
	ptr bool
}

// tableStrings memoizes tableString by tableKey.
var tableStrings sync.Map

// tablePkgs are the packages of the named types in handlerTypes,
// routerTypes and carriers.
var tablePkgs = func() map[string]bool {
	pkgs := map[string]bool{}
	for _, table := range []map[string]bool{handlerTypes, routerTypes, carriers} {
		for k := range table {
			k = strings.TrimPrefix(k, "*")
			if i := strings.LastIndexByte(k, '.'); i > 0 {
				pkgs[k[:i]] = true
			}
		}
	}
	return pkgs
}()

// typeIs reports whether types.TypeString(t, nil) == want without
// writing the string for a named type, a pointer to one or a basic type,
// which a table's entry either is or is not by its package and name:
// the tests of handler and registration shapes ask it of the parameters
// of most functions a pass sees, and nearly all answer no.
func typeIs(t types.Type, want string) bool {
	if p, ok := t.(*types.Pointer); ok {
		if !strings.HasPrefix(want, "*") {
			return false
		}
		t, want = p.Elem(), want[1:]
	} else if strings.HasPrefix(want, "*") {
		return false // only a pointer's string starts with *
	}
	switch t := t.(type) {
	case *types.Basic:
		return t.Name() == want
	case *types.Named:
		if t.TypeArgs().Len() > 0 {
			break
		}
		obj := t.Obj()
		if obj.Pkg() == nil {
			return obj.Name() == want // error, comparable
		}
		path, name := obj.Pkg().Path(), obj.Name()
		return len(want) == len(path)+1+len(name) && strings.HasPrefix(want, path) &&
			want[len(path)] == '.' && strings.HasSuffix(want, name)
	}
	return types.TypeString(t, nil) == want
}

// IsServeMethod reports whether fn is the method through which a router
// serves, taken as a handler value: ServeHTTP, or fasthttp/router's
// (*Router).Handler given to fasthttp.ListenAndServe.
func IsServeMethod(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	if fn.Name() == "ServeHTTP" {
		return true
	}
	return is(fn, fastRouterPkg, "Handler") && RecvName(fn) == "Router"
}

// carriers are the types whose values carry an HTTP request's context.
var carriers = map[string]bool{
	"context.Context":                     true,
	"*net/http.Request":                   true,
	"*" + ginPkg + ".Context":             true, // implements context.Context
	echoPkg + ".Context":                  true,
	echoV3Pkg + ".Context":                true,
	"*" + echoV5Pkg + ".Context":          true,
	"*" + fasthttpPkg + ".RequestCtx":     true, // implements context.Context
	"*" + fiberV2Pkg + ".Ctx":             true,
	fiberV3Pkg + ".Ctx":                   true, // implements context.Context
	bunrouterPkg + ".Request":             true, // embeds *http.Request: req.Context()
	"*" + beegoPkg + "/context.Context":   true, // ctx.Request.Context()
	"*" + beegoV1Pkg + "/context.Context": true,
	"*" + irisCtxPkg + ".Context":         true, // ctx.Request().Context()
	"*" + restfulPkg + ".Request":         true, // req.Request.Context()
	"*" + restfulV2Pkg + ".Request":       true,
	humaPkg + ".Context":                  true, // ctx.Context()
	kratosHTTPPkg + ".Context":            true, // implements context.Context; ctx.Request()
	"*" + ghttpPkg + ".Request":           true, // r.Context(), r.GetCtx()
}

// CarriesRequest reports whether a value of type t carries an HTTP
// request's context: context.Context itself, *http.Request, a
// framework's request context (gin, echo, fiber, fasthttp, bunrouter,
// beego's *context.Context, whose Request field is the request),
// or an application's context that embeds a framework's (see HandlerSig).
func CarriesRequest(t types.Type) bool {
	if t == nil {
		return false
	}
	if carriers[tableString(types.Unalias(t))] {
		return true
	}
	for c := range carriers {
		if c != "context.Context" && embeds(t, c) {
			return true
		}
	}
	return false
}

// contextMethods are the methods of request carriers that return the
// request's context or another carrier of it, by where it comes from: the
// receiver (-1) or an argument.
var contextMethods = map[key]int{
	{netHTTPPkg, "Request", "Context"}:       -1,
	{netHTTPPkg, "Request", "WithContext"}:   0, // r.WithContext(ctx) carries ctx
	{echoPkg, "Context", "Request"}:          -1,
	{echoV3Pkg, "Context", "Request"}:        -1,
	{echoV5Pkg, "Context", "Request"}:        -1,
	{fiberV2Pkg, "Ctx", "Context"}:           -1, // the *fasthttp.RequestCtx
	{fiberV2Pkg, "Ctx", "UserContext"}:       -1, // what middlewares set, Background by default: fiber's own request context
	{fiberV3Pkg, "Ctx", "Context"}:           -1,
	{fiberV3Pkg, "Ctx", "RequestCtx"}:        -1,
	{bunrouterPkg, "Request", "WithContext"}: 0,
	{irisCtxPkg, "Context", "Request"}:       -1,
	{humaPkg, "Context", "Context"}:          -1,
	{kratosHTTPPkg, "Context", "Request"}:    -1,
	{ghttpPkg, "Request", "Context"}:         -1,
	{ghttpPkg, "Request", "GetCtx"}:          -1,
}

// ContextFrom says where the context of what method fn returns comes
// from, for a method of a request carrier: from its receiver (-1:
// r.Context(), c.Request(), fiber's c.UserContext()) or from its argument i
// (r.WithContext(ctx)). ok is false for any other function.
func ContextFrom(fn *types.Func) (from int, ok bool) {
	if fn == nil || fn.Pkg() == nil {
		return 0, false
	}
	from, ok = contextMethods[key{fn.Pkg().Path(), RecvName(fn), fn.Name()}]
	return from, ok
}

// PathSource is what a method of a request carrier returns about the
// request's path (see PathMethod).
type PathSource uint8

const (
	// NoPath: the method says nothing of the path.
	NoPath PathSource = iota
	// RequestPath: the path of the request, as r.URL.Path has it
	// (beego's ctx.Input.URL(), fiber's c.Path()).
	RequestPath
	// RoutePattern: the pattern of the route the request matched, as
	// registered (gin's c.FullPath(), echo's c.Path()).
	RoutePattern
)

// pathMethods are the request carriers' methods that return the path
// of the request or the pattern of its route, called with no argument.
var pathMethods = map[key]PathSource{
	{beegoPkg + "/context", "BeegoInput", "URL"}:   RequestPath,
	{beegoV1Pkg + "/context", "BeegoInput", "URL"}: RequestPath,
	{fiberV2Pkg, "Ctx", "Path"}:                    RequestPath, // Path(override ...string): no argument reads it
	{ginPkg, "Context", "FullPath"}:                RoutePattern,
	{echoPkg, "Context", "Path"}:                   RoutePattern,
}

// PathMethod says what method fn, called with no argument, returns of
// the request it serves: its path, its route's pattern, or neither.
func PathMethod(fn *types.Func) PathSource {
	if fn == nil || fn.Pkg() == nil {
		return NoPath
	}
	return pathMethods[key{fn.Pkg().Path(), RecvName(fn), fn.Name()}]
}
