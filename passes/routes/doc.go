// Package routes is sqlheat's second foundation pass: it finds the HTTP
// routes a package registers, the handler and middlewares behind each, and
// what one request of each costs the database.
//
// It reports nothing itself. Ranking findings by traffic, and the
// handlerquery check, both need to know which route reaches which query,
// and how many queries one request issues; this pass answers that once per
// package, for every check and for the driver's route inventory.
//
// # Routes
//
// Registrations are recognized by the type of the function called, never
// by its name, from the table in internal/httpapi: (*http.ServeMux).Handle
// and HandleFunc and their package forms, with Go 1.22 patterns
// ("GET /items/{id}", host patterns); chi v5 and v4 method routes, Method,
// Handle, Mount, Route, Group and With; gorilla/mux
// HandleFunc(...).Methods(...) and Path/PathPrefix/Methods chains, with
// PathPrefix(...).Subrouter(); gin's and echo's (v3, v4, v5) method
// routes, Any, Handle, Add, Match and Group; iris v12's method routes with
// their handler chains, Any, Handle, Party and PartyFunc; go-restful's (v3, v2)
// route builders, ws.Route(ws.GET(path).To(fn)) or
// ws.Method(m).Path(p).To(fn), under the WebService's root Path, with the
// filters of the route, of the WebService and of the Container it is added
// to; huma v2's operations, huma.Get(api, path, h)... and
// huma.Register(api, huma.Operation{Method: m, Path: p}, h), whose handler
// is the function passed whatever its signature, on the router an adapter
// (humachi.New, humago.NewWithPrefix, humagin.NewWithGroup...) makes the
// API over, under NewGroup prefixes, behind UseMiddleware's middlewares
// and the Operation literal's own; fiber v2 and v3
// method routes with their handler chains, Add, All, Group, Route, Mount
// (v2) and Use("/sub", app) (v3);
// go-kratos v2's transport/http: the Server's Handle, HandleFunc and
// HandlePrefix (any method), Route and a Router's Group (prefixes with
// their filters), a Router's method routes and Handle(method, path, h,
// filters...), and the Filter option of NewServer;
// fasthttp/router's method routes, ANY, Handle and Group; httprouter's
// method routes, Handle, Handler and HandlerFunc; bunrouter's method
// routes and Handle, on its groups and their Compat and Verbose views,
// NewGroup, WithGroup, Use and WithMiddleware (which return a new group),
// and the options of New and NewGroup, applied in order: a WithGroup
// option's routes run the middlewares of the options before it only. A
// handler is known by its framework's signature:
// func(http.ResponseWriter, *http.Request), func(*gin.Context),
// func(echo.Context) error, func(*fiber.Ctx) error, func(fiber.Ctx) error,
// func(*fasthttp.RequestCtx), httprouter's func(http.ResponseWriter,
// *http.Request, httprouter.Params), bunrouter's
// func(http.ResponseWriter, bunrouter.Request) error, iris's
// func(iris.Context), go-restful's func(*restful.Request,
// *restful.Response) and its filters' func(*restful.Request,
// *restful.Response, *restful.FilterChain), kratos'
// func(http.Context) error — or, for the
// frameworks whose handlers take one context, a context of the
// application's that embeds it (func(*Context) error, with type Context
// struct{ echo.Context }). bunrouter.HTTPHandler and HTTPHandlerFunc only
// adapt the handler they are given, which is the one that serves.
//
// A router the table does not know — the module's own, or a
// dependency's, such as pocketbase's tools/router RouterGroup[T] — is
// known by its shape (internal/httpapi's Shaped): a type with at least
// three methods named after HTTP methods (GET or Get, POST or Post...)
// that take a path string first and a handler function after it, of one
// handler type. Its verb methods, Any, and Handle/Route/Add with a
// method argument register; Group-, Prefix- or Route-like methods taking
// a prefix and returning such a router make groups; Use, Bind and
// BindFunc add middlewares to the router, or, called on the route a verb
// method returns (sub.GET(p, h).Bind(mw)), to that route; another method
// returning its receiver's type, taking no prefix (Unbind(ids...)), is
// the same router. The handler is the function passed, whatever its
// signature, and a middleware is a function or a value holding one in a
// field (&hook.Handler[T]{Func: f}). The router's own methods calling
// each other are its implementation, not routes; a type whose verb
// methods are route helpers over a router of the table keeps the
// helpers' handling; an HTTP client's Get(url) and Post(url, body), a
// cache's Get(key), callbacks taking no argument, are no router.
//
// A ServeMux-style router (go-pkgz/routegroup's Bundle) has no verb
// methods: it is known by a Handle(pattern string, http.Handler) or
// HandleFunc(pattern string, func(http.ResponseWriter, *http.Request))
// beside a method that groups (Group, Mount, Route or With returning the
// type, Use taking net/http middlewares). Its patterns name the method
// as ServeMux's do ("GET /by-id/{id...}"), Mount(prefix) and Group()
// make groups, Route(fn) runs fn on the router, Use and With add
// middlewares; handlers and middlewares are read as net/http's. A
// Handle or HandleFunc of a shaped router whose pattern is not a path
// (an event bus's "peer:created") registers nothing.
//
// beego (v2's server/web, v1's astaxie/beego) registers controllers, not
// handlers: Router(path, &C{}, "GET,POST:Login;*:Any"), on the
// application, an HttpServer or a Namespace, and NSRouter inside
// NewNamespace and NSNamespace, whose prefixes nest and whose NSBefore and
// NSAfter filters are middlewares of their routes (an NSRouter held in a
// variable, or a namespace nested with another's Namespace method, is
// under a prefix not known here: "…"). A controller is a struct embedding
// the framework's Controller; each method the mapping names (beego reads
// the first mapping: "m1,m2:Method" pairs joined by ";", "*" for any
// method) is a route served by that method of the controller's method set,
// promoted ones included, and without a mapping the controller's own Get,
// Post... serve their methods. The controller's own Prepare and Finish run
// before and after every action: middlewares of its routes. A mapping
// beego would refuse at start (a method the controller lacks, a pair not
// METHODS:Method) and what is not known here (the controller's type, held
// as an interface; a mapping or path built at run time) are in
// Result.Unread, which the driver reports. beego's functional routes (Get,
// Post... Any) take a func(*context.Context), a handler's signature.
// InsertFilter's filters, which run on every route their pattern covers
// ("*", "/api/*", or one path), before the handler or after it (AfterExec,
// FinishRouter), are in Result.Filters: the application inserts them in
// one package (its main, often) and registers routes in another, so the
// standalone driver, which sees both, makes them middlewares of the routes
// they cover; per package, routes list their controller's Prepare, Finish
// and action only.
//
// The prefix of a group or sub-router is composed when the router value
// flows through local variables (a range over a list of routers is each
// router the list's literal and appends hold: an S3 API registering its
// routes on a sub-router per host and one for any host), calls of
// functions of the package
// (routes(r) called with r.Group("/v1")), chi's Route and Group closures,
// bunrouter's WithGroup functions and Mount. A variable assigned more than
// once has, at each registration, the values that can reach it: after g =
// g.Use(auth), the routes on g run auth, those registered before do not;
// assigned in the two arms of an if, both; set anew (g = e.Group("/")),
// the routes registered after run the middlewares Used on the new group
// alone. A pattern built at run time
// keeps its constant parts, "…" standing for the others (base + "/calls"
// reads "…/calls"; fmt.Sprintf with a constant format reads as it
// prints: fmt.Sprintf("/%s/{id}", base) with base a constant; a helper
// of the package whose body returns one expression of its parameters,
// func apiPath(p string) string { return prefix + version + p }, reads
// with its arguments: "GET "+apiPath("/checks") is GET /api/v1/checks). A router that arrives from another package has a prefix this
// package cannot see: its routes read "…/items/{id}", because a route that
// looks certain but is wrong would attach traffic to the wrong queries.
// Each route says where its router comes from (Route.Open: a parameter no
// call here passes, or the router a function returns to callers
// elsewhere), and each package what the routers it hands to other
// packages' functions, or mounts from their results, are under
// (Result.Mounts): the standalone driver, which sees every package, puts
// the one under the other (mounts.go); a router a dependency-injection
// container (fx, dig) hands a function is under what the constructors it
// is given return (di.go). gin's Use returns the group it
// adds to: a route registered on its result is under the group, behind
// the middlewares. Middlewares spread into a registration (r.GET(p, h,
// withList...)) are read from the local list: its literals and appends
// (withList := append(tenancy, list...)); a parameter's, a field's or a
// call's list is "…".
// Routers that are always roots (a ServeMux, gin's Engine, echo's Echo,
// chi's *Mux, fiber's App, the fasthttp, httprouter and bunrouter
// Routers) need no caller. Patterns are kept as written for display,
// and in a canonical key (internal/httppattern) in which {id}, :id and <id>
// compare equal; a route that names no method is ANY.
//
// # RPC services
//
// A service served through code generated from its .proto files registers
// an implementation, not handlers: grpc's RegisterXServer(s, srv),
// grpc-gateway's RegisterXHandlerServer(ctx, mux, srv) and connect's
// NewXHandler(svc, opts...) take it as a value of a generated interface
// and route each procedure to one of its methods. Such a call is
// recognized by types (internal/httpapi's RPCRegistration: the runtime's
// types around a named interface whose methods have an RPC's shapes,
// unary and streaming) and by the interface's file being generated ("Code
// generated ... DO NOT EDIT."): a function of the application's own with
// the same shape registers nothing. Each method the value implements is a
// route "POST /pkg.Service/Method", named by the procedure constant the
// generated package declares (else by the service name of the ServiceDesc
// in the interface's file, else "/Service/Method"), which is what grpc
// and connect logs and metrics name; its handler is the value's method,
// promoted from an embedded struct too, and the route is where that
// method is declared when it is in the package. A procedure is one route
// however many of the three protocols serve it, and none when only the
// generated Unimplemented stub implements it. A value of an interface
// type (a constructor returning XServer) gives the interface's methods,
// which the standalone driver's graph resolves to the module's
// implementations.
//
// # grpc-gateway
//
// A grpc-gateway serves a service's methods as HTTP paths (the
// google.api.http rules of the .proto): its generated registrations
// (RegisterXHandlerServer, RegisterXHandlerClient, RegisterXHandler,
// RegisterXHandlerFromEndpoint; known by the gateway's *runtime.ServeMux
// among their parameters' types, in a generated file) call
// mux.Handle(method, pattern, closure) in that file, which the package
// registering the service does not have the syntax of: it is read from
// disk (internal/httpapi's GatewayFile). Each path is a route with the
// method and the path template the generated code writes
// (runtime.WithHTTPPathPattern("/v1/items/{id}"), or, from older
// generators, the template decoded from the pattern's constant op codes),
// registered where the service's registration is called. Its handler is
// the method the closure's request function calls: in process
// (HandlerServer), the implementation handed to the registration, which
// then serves the paths and not the procedures; over gRPC (the others),
// the client's method, and Route.Gateway names the procedure, which the
// standalone driver serves with the program's own implementation when
// the program registers one on a grpc.Server (say so in the route's via),
// and otherwise lists as remote, with no queries. A registration handed
// on as a value (register(ctx, client, pb.RegisterXHandlerClient)) makes
// the routes that go over gRPC, which need no argument. The gateway
// matches a request's whole path, so mounting its mux on another router
// (chi's Mount("/api", gw), http.Handle("/api/", gw)) adds no prefix.
// A generated file that does not parse from disk, and the paths in it
// of a shape GatewayFile does not read, are in Result.Unread, which the
// driver lists among the report's errors.
//
// # Route helpers
//
// A function may register through a registration its caller hands it, a
// parameter of a ServeMux registration's type (func(string, http.Handler)
// or func(string, http.HandlerFunc)): Install(handle func(string,
// http.Handler)) { handle("/search", h) }, called with mux.Handle. Each
// call of the parameter is a route of the pattern it passes, as a
// ServeMux's; the router handed over is not followed (its prefix and
// middlewares are not the route's).
//
// Services often register through a helper of their own, a function
// taking a pattern and a handler that calls the router with them:
//
//	func (s *Server) route(method, path string, h http.HandlerFunc) {
//		s.r.Method(method, path, s.auth(h))
//	}
//
// The call in its body registers nothing by itself; each call of the
// helper does, with the pattern and method passed (after any constant
// text the helper puts before the pattern), the handler passed inside the
// helper's middlewares, on the helper's own router or the one passed.
// Helpers are learned from their bodies as the queries pass learns SQL
// wrappers, to a fixpoint (a helper calling a helper is one), and travel
// to other packages as a Registers fact. A helper over a ServeMux that
// writes its Go 1.22 pattern as method+" "+route takes the method as a
// parameter too, also when it builds the pattern in a local variable
// (fmt.Sprintf("%s %s", method, p), "/"+group+path under if group != "":
// see built.go). A helper may take the
// application's own handler type and adapt it (r.group.GET(path, chain(h,
// mws...).toEcho())): the middlewares it is passed wrap the handler. A
// helper may also take a function of the application's own signature
// (func(*http.Request) (*Response, error)) and register a closure that
// calls it: the closure is the same for every route, so the function
// passed is the handler of each; one that registers a closure not calling
// its function is no helper, and its closure is a route of its own. The
// closure may be made by another function of the package that wraps the
// function in middlewares first (e.mux.Handle("GET", path,
// e.handle(e.middlewares, handler)), where handle's closure calls next :=
// handler after next = mws[i](next)): a variable holding the parameter,
// or what middlewares applied to it return, is the parameter still. The
// function a call passes may be a constructor's result (handlers.Index()),
// whose closure serves. A package that only calls another's helpers
// (naming no router's type) is read for its routes too: the helpers'
// package says it has some (a package fact). A
// helper's pattern may have constant text on both sides of its parameter
// ("/"+path+".view"), and one call of it may register several routes. A
// function that takes a pattern and a handler but calls no router is no
// helper; one that takes middlewares and passes them to a Use call adds
// them to the router it is called on, which is not followed, rather than
// to every value of the router field it names. A helper of a router type
// that joins a field of its receiver before the pattern
// (route = path.Join(r.prefix, route)) gives each call the prefix the
// constructors of the receiver's type set the field to (a constant set
// in the constructor's body, or in the literal it returns); where they
// differ, the standalone driver keeps those the program calls from
// elsewhere (NewAdminWithPrefix, not the NewAdmin it calls), and a
// prefix still not settled reads "…/users" rather than a wrong "/users".
// A prefix joined with + (route = r.prefix + route) is the two as
// written: path.Join's cleaning would drop the trailing slash that makes
// a ServeMux pattern a subtree. The join may be written in the call
// itself (m.c.Router.Handle(path.Join(m.c.IssuerPath, p), h)); a prefix
// that is neither a constant nor the receiver's own field reads "…". A
// helper may wrap the handler it is passed in a variable of its own
// (var handler http.Handler = h; handler = cors(handler)).
//
// A package may hand its users an interface to register on (dex's
// router.Mux, whose mountMux forwards each Handle to gorilla under the
// issuer path; logout's Mount(mux router.Mux) calls
// mux.HandleFunc("/logout", h.handleLogout)). A method of an interface
// the package declares is a helper when the package's implementations of
// it are: a call through the interface registers what theirs do, the
// same route once. Implementations in test files (fakes) are not the
// service's; an interface method no implementation registers with (a
// logger's Note(name, h)) is no helper. Implementations in other
// packages than the interface's are not looked for.
//
// # Registration wrappers
//
// A service's own router type that holds a router of the table and
// forwards to it, adapting handlers and middlewares of its own types
// (supabase/auth's router over chi: Get(pattern, fn apiHandler) calls
// r.chi.Get(pattern, handler(fn)), Route(pattern, fn func(*router)) calls
// r.chi.Route with a closure calling fn(&router{c}), With returns
// &router{r.chi.With(middleware(fn))}), is a router itself: each call of
// its Get, Post... is a route with that method, under the prefixes of its
// Route groups and with the middlewares of its Use and With, run by the
// function passed. It is known by what its methods do, whatever their
// names: one call of the table's router API on its receiver or a field of
// it, passed the method's own pattern and function parameters (as they
// are, converted, or through an adapter of the package: handler(fn),
// fn.serve); and the type makes routers of itself (a group or a With),
// else its methods are route helpers (above). The adapters, and the
// ServeHTTP of a handler type handed on as it is, are every route's
// plumbing, not routes; so is the wrapper's ServeHTTP. The methods travel
// to other packages as Wraps facts, with a constructor returning such a
// router at a router's root. A method that logs its pattern, or registers
// a constant path, forwards nothing; an HTTP client's Get or a cache's
// Get(key) calls no router.
//
// # Route tables
//
// A registration in a loop over a literal table of routes — a slice or
// array of structs (or of patterns alone), or a map from pattern to
// handler, ranged over in place or through a variable assigned it once —
// is a route per row, with the row's pattern, method and handler, at the
// row. A table built elsewhere (another function's result, a parameter,
// a variable appended to) leaves one route whose pattern and handler say
// they are not known. When the table is a call's result (for _, d :=
// range set.GetAll() { r.HandleFunc(d.Path, d.Handler).Methods(d.Method) }),
// the route carries which fields of the element the registration reads
// (Route.Table), and the standalone driver's graph, resolving the call
// through interfaces, makes a route of each row of the literals the
// functions it runs return (see program/tables.go). The table may also
// be a parameter of the declared function registering (func Attach(r
// *mux.Router, prefix string, routes ...*HandledRoute), registering
// r.PathPrefix(prefix).Methods(rt.Verb).Path(rt.Tpl).Handler(rt)): the
// route carries the parameter (Table.Param, and the PathPrefix's,
// PrefixParam), and the driver reads what each caller passes — values
// a module's own builder makes (route.Get("/x").SecuredWith(mw).Handle(h),
// see program/builders.go), with the handler and middlewares the
// element's own ServeHTTP runs when it is registered as itself
// (Table.Self). A row may be the handler itself: a struct whose
// ServeHTTP checks the method, then calls the handler in one of its
// fields (g.handler(w, r)), registered as a value (r.Handle(p,
// withAccess(row))). The row's handler is then the route's, inside that
// ServeHTTP, as h.list is inside auth in auth(h.list); so for a value of
// such a type written at a registration, and a value of the
// application's own type passed as an http.Handler to a wrapper is what
// the wrapper wraps. OpenAPI Generator's go-server code is such a table:
// each controller's Routes() returns rows (Routes{{"CreateTest",
// strings.ToUpper("Post"), "/api/tests", c.CreateTest}}, or a map of
// names to keyed rows), NewRouter ranges over the routers handed to it
// and registers each row with a gorilla chain
// (router.Methods(route.Method).Path(route.Pattern).Handler(handler)) or
// chi's Method(route.Method, route.Pattern, handler), the handler a local
// variable the row's field reaches through the calls wrapping it
// (handler = Logger(route.HandlerFunc, route.Name)): the route reads the
// fields, the wrappers are its middlewares, and the driver makes the rows
// (a Routes() returning another router's, changed, too: see derivedRows
// in program/tables.go).
//
// A server go-swagger generates keeps its operations in a map by method
// and path (o.handlers["GET"]["/flags"] = flag.NewFindFlags(...)):
// each assignment is a route, served by the operation's ServeHTTP (see
// handlermaps.go).
//
// # Handlers and middlewares
//
// The handler is the function, method value or closure registered, seen
// through conversions (http.HandlerFunc(h.list)), constructors that return
// a closure (h.list()), values whose ServeHTTP serves, and wrappers
// written at the registration: mux.Handle("/x", auth(h.list)) is h.list
// inside auth's closure. Middlewares of Use, With, Group and echo's and
// gin's route arguments run on every request of the routes they wrap, so
// their queries count toward each of them; so do the middlewares wrapped
// around a whole router (a function returning cors(auth(mux)),
// http.ListenAndServe(addr, logging(mux)), fasthttp.ListenAndServe(addr,
// logging(r.Handler))), and http.StripPrefix("/api", mux) moves its routes
// under /api. gin's, fiber's and iris's middlewares are handlers of the
// chain that call c.Next() (go-restful's filters, chain.ProcessFilter); fiber's Use("/admin", mw) runs mw on the routes under
// /admin only (a path that is not a constant: on none of them). A constructor in another package (an
// auth middleware package) is known by its Serves fact. Registering a
// router (a sub-mux, or a constructor whose Serves fact says it returns
// one) mounts routes that its package lists: it is not a route itself.
//
// A function of the package with a handler's signature that no
// registration here reaches, and a constructor returning a handler closure
// that nothing here uses, is a route too, named by its function: handlers
// registered by another package are still checked where their code is.
//
// # Requests
//
// A route's Request lists the queries one request issues, middlewares
// first, from the queries pass's sites, its per-call summaries (facts, for
// other packages) and, for functions of this package, their bodies
// followed statement by statement: branches of an if or switch are
// exclusive arms, an early return makes the rest of the block the other
// arm, and per-item loops multiply. Each query carries the calls that lead
// to it and the context it runs with — the request's, a Background one,
// none at all — classified through the parameters of the functions
// followed. A goroutine the request starts and does not wait for (an
// audit record written on the side, a notification) runs beside the
// request, not as part of it: its queries are not the request's. One it
// waits for is: fan-out under a wait group, a goroutine sending on, or
// closing, a channel the handler receives from (see waited).
//
// Once counts, in the handler, the heaviest path (the one that succeeds in
// the common case; a retry loop counts once), and in a middleware the
// cheapest path that goes on to the handler: middlewares are often
// alternatives (an API key, else a password) whose conditions the code
// does not show, and summing their heaviest paths would put routes over a
// budget they never reach. A function of another package counts by its
// Cost fact, the heaviest path of its own body, rather than every query
// its summary lists. A count is exact where branches are independent, an
// upper bound where a callee branches on a value its caller fixes, and a
// lower bound under alternative middlewares.
//
// The standalone driver's graph reads each middleware with the route's
// pattern in hand: a branch on a test of the request's path against a
// constant (if strings.HasPrefix(r.URL.Path, "/api/") { return }, path
// == "/login", beego's ctx.Input.URL(), gin's c.FullPath()) that the
// pattern's literal text settles runs its way alone for the route, and
// what only the other way runs is neither listed nor counted for it
// (stats.path_guarded counts it). This pass, one package at a time,
// counts the middleware's cheapest path to the handler as above.
//
// A server serving a handler that is no router (http.Server{Handler:
// h}.ListenAndServe(), http.ListenAndServe(addr, h)), made by a
// constructor's call from the module's functions (a library's handler
// built from a config of closures), is one route taking every path: "/",
// under the server's address when it is a constant (see servers.go).
//
// A handler made by a function whose body is not here (a REST library's
// GetAll(newRepository)) is named by that function, and carries the call
// that made it (Handler.Made): the standalone driver's graph follows the
// functions handed to it. So does a handler made by an adapter of the
// module (ToHTTPHandler(deps, h, middlewares...)), whose closure, one
// for every route, calls what each call handed it.
//
// Not seen: handlers chosen at run time, a router wrapped after being
// assigned to a variable twice, calls through interfaces other than
// database handles, for a helper of another package, the middlewares its
// router runs only under some paths (fiber's Use("/admin", mw)), the
// prefix and middlewares of an application's type wrapping a router
// (type Router struct{ *echo.Group } with its own SubGroup and Use), and
// bunrouter's WithGroup option when it is appended to a slice of options
// rather than passed to New or NewGroup.
package routes
