package routes

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"path"
	"reflect"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/codekind"
	"github.com/sqlheat/sqlheat/internal/guard"
	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/internal/httppattern"
	"github.com/sqlheat/sqlheat/internal/srcpos"
	"github.com/sqlheat/sqlheat/passes/config"
	"github.com/sqlheat/sqlheat/passes/queries"
)

var Analyzer = &analysis.Analyzer{
	Name:       "routes",
	Doc:        "find HTTP routes, their handlers and middlewares, and the queries one request issues (no diagnostics)",
	URL:        "https://github.com/sqlheat/sqlheat/blob/main/passes/routes/doc.go",
	Requires:   []*analysis.Analyzer{inspect.Analyzer, queries.Analyzer},
	ResultType: reflect.TypeOf((*Result)(nil)),
	FactTypes:  []analysis.Fact{(*Serves)(nil), (*Cost)(nil), (*Registers)(nil), (*hasHelpers)(nil), (*Wraps)(nil)},
	Run:        guard.Run(run),
}

// Result is the package's routes: registrations first, in source order,
// then the handlers no registration of the package reaches.
type Result struct {
	Routes []*Route
	// Mounts are the routers the package hands to functions of other
	// packages, or mounts from what they return (see mounts.go), for a
	// driver that sees them all.
	Mounts []*Mount
	// Injected are the functions the package hands to a
	// dependency-injection container, and Returned what the routers its
	// functions return are under (see di.go), for a driver that sees
	// every package.
	Injected []Injected
	Returned []Returned
	// Helpers are the package's route helpers (see helpers.go) and what
	// each call of one registers, as exported in their facts.
	Helpers map[*types.Func]*Registers
	// Unread are the grpc-gateway registrations whose paths could not
	// all be read from their generated file (it does not parse, is not on
	// disk, or a path's code is not the generator's), and the beego
	// registrations whose routes are missing or partly known (see
	// registerController): the driver reports them.
	Unread []Unread
	// Filters are the filters the package inserts (beego's
	// InsertFilter): every route they cover runs them, wherever it is
	// registered, which the driver, seeing every package, attaches.
	Filters []*Filter
}

// Unread is a registration whose routes are not (all) known, and why.
type Unread struct {
	Pos     token.Pos
	Message string
}

// For returns the result of the routes pass for pass, which must Require
// Analyzer; nil when it failed.
func For(pass *analysis.Pass) *Result { return config.Result[*Result](pass) }

// Route is one HTTP route and what one request of it costs the database.
type Route struct {
	Method string // upper-case, or httppattern.AnyMethod ("ANY") when the route takes any
	// Pattern is the path as written, with the prefixes of its groups:
	// "/orders/{id}", "example.com/static/", "…/items/{id}" when a group's
	// prefix is not visible here, or the handler's name for a handler no
	// registration reaches.
	Pattern string
	// Key is the canonical form ("GET /orders/{}"): routes whose parameters
	// are spelled differently ({id}, :id, <id>) have equal keys.
	Key         string
	Framework   string    // an httpapi framework name ("net/http", "chi", "fiber", ...); "" when unregistered
	Pos         token.Pos // the registration call, or the handler's declaration
	Registered  bool
	Handler     *Handler
	Middlewares []*Handler // outermost first
	Request     *Request
	// Open, when set, is where the route's router comes from, and what
	// it is under another package says (see mounts.go).
	Open *Open
	// Makers, when set, are the functions that may have made the value
	// whose field the route's helper joins before its pattern, and do not
	// agree on it: the prefix is unknown until the driver says which of
	// them the program calls (see joined.go).
	Makers []Maker
	// Gateway, for a path a grpc-gateway registration serves, says how
	// the gateway reaches the code that serves it (see gateway.go).
	Gateway *Gateway
	// Table, on a route registered in a loop over a call's result, says
	// what the registration reads of each row (see tables.go): the route
	// stands for every row until the driver reads them.
	Table *Table
	// Base, when set, is the parameter (or the parameter's field) of the
	// registering function whose text the pattern starts with, "…" here
	// until the driver reads what the program's calls pass (see
	// based.go).
	Base *Base
	// Unset, when set, says the route's router is the one its function
	// makes when the field of an options parameter that should hold it is
	// nil: a route only where a call leaves the field out, which the
	// driver reads (see based.go).
	Unset *Base
	// Came, when set, says the route's router came through these calls
	// of a function, given in a field of the options each passes
	// (HandlerFromMux's HandlerWithOptions(si, ChiServerOptions{BaseRouter:
	// r})): with a base another call of it passes, the router is not
	// this one (see based.go).
	Came *Came
	// Through, when valid, is the call (its Lparen) of the function
	// registering the route whose argument the route's router is (a
	// helper registering on the router it is given): a table the helper
	// ranges over is what that call passes (see Table).
	Through token.Pos
	// Served marks the route of a server serving a handler made by a
	// call (see servers.go): a route only where the driver's graph says
	// a library made it from the module's functions.
	Served bool
	// path is the pattern below what Open's router is under: Pattern
	// without the "…" an unknown prefix puts before it.
	path string
}

// String is how messages name the route: "GET /orders/{id}", or the bare
// pattern when the route takes any method.
func (r *Route) String() string {
	if r.Method == httppattern.AnyMethod || r.Method == "" {
		return r.Pattern
	}
	return r.Method + " " + r.Pattern
}

// HandlerName is the handler with its visible middlewares, outermost
// first: "api.(*Handler).auth → api.(*Handler).me".
func (r *Route) HandlerName() string {
	var parts []string
	for _, m := range r.Middlewares {
		parts = append(parts, m.Name)
	}
	return strings.Join(append(parts, r.Handler.Name), " → ")
}

// Handler is a function that serves requests: a declared function or
// method, or a closure; for a middleware, the closure it wraps around the
// next handler.
type Handler struct {
	Name string      // "api.(*Handler).getOrder", "func literal in api.Routes"
	Func *types.Func // the declared function, or the constructor that returns the closure
	Lit  *ast.FuncLit
	Decl *ast.FuncDecl // Func's declaration, when in this package
	// Fact is what a constructor of another package serves per request.
	Fact *Serves
	// Made is the call of the constructor that made the handler: the
	// functions handed to it are what the standalone driver's graph
	// follows, when its body is not in this package or its closure calls
	// them.
	Made token.Pos
	// Field is the func-typed struct field (h.List) or package-level
	// variable the handler or middleware is read from, when it is one:
	// the functions the module stores into it serve (see funcVar).
	Field *types.Var
	// Any says Func serves whatever its signature, as the framework
	// that registered it calls it (huma's operations, GoFrame's
	// func(ctx, *Req) (*Res, error)): in another package, its summary
	// is what it costs.
	Any bool
}

// body is the function whose statements serve the request, when it is in
// this package.
func (h *Handler) body() (ast.Node, *ast.FuncType, *ast.BlockStmt) {
	switch {
	case h == nil:
	case h.Lit != nil:
		return h.Lit, h.Lit.Type, h.Lit.Body
	case h.Decl != nil && h.Decl.Body != nil:
		return h.Decl, h.Decl.Type, h.Decl.Body
	}
	return nil, nil, nil
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{}
	q := queries.For(pass)
	helpers := importsHelpers(pass)
	http := mayRoute(pass.Pkg) || helpers
	if http && !helpers && dependency(pass) && !mayRouteBeyondHTTP(pass.Pkg) && !declaresServing(pass.Pkg) && (q == nil || len(q.Summaries) == 0) {
		// Another module's package using net/http alone for a client
		// (an SDK's, a tracer's transport) declares none of the
		// module's routes, and runs no query: under go vet, one
		// process per dependency, reading it cost more than its type
		// check. A router's package, one built on a router, one whose
		// functions take or return handlers (a shared API module's
		// generated server), or one with queries is still read.
		http = false
	}
	res.Injected = injected(pass) // see di.go
	rpc := mayRPC(pass.Pkg)
	if !http && !rpc && (q == nil || len(q.Summaries) == 0) {
		return res, nil // no handlers to find, no query costs to publish
	}
	a := newAnalyzer(pass, q)
	if http || rpc {
		if http {
			a.learnHelpers()
			a.register()
			a.handlerMaps() // see handlermaps.go
			a.registerHelpers()
			a.servedServers()
		}
		if rpc {
			a.registerRPC(a.registerGateway())
		}
		// Registrations in source order, whether a router's, a helper's
		// or a service's.
		sort.SliceStable(a.routes, func(i, j int) bool { return srcpos.Compare(pass.Fset, a.routes[i].Pos, a.routes[j].Pos) < 0 })
		if http {
			res.Filters = a.filters() // first: a filter function is reached, no handler of its own
			a.unregistered()
		}
		res.Routes, res.Unread = a.routes, a.unread
		for _, r := range res.Routes {
			r.Request = a.request(r)
		}
		if http {
			res.Mounts = a.mountsOut()
			res.Returned = a.returned()
		}
	}
	res.Helpers = a.exportFacts()
	return res, nil
}

// mayRoute reports whether pkg imports net/http or a router directly, or
// declares or imports a router known by its shape (generic.go):
// registering a route or declaring a handler names their types.
func mayRoute(pkg *types.Package) bool { return routerImports(pkg, true) }

// mayRouteBeyondHTTP is mayRoute but for net/http: a router of the
// tables or one known by its shape.
func mayRouteBeyondHTTP(pkg *types.Package) bool { return routerImports(pkg, false) }

func routerImports(pkg *types.Package, netHTTP bool) bool {
	if httpapi.DeclaresShaped(pkg) {
		return true
	}
	for _, imp := range pkg.Imports() {
		if httpapi.DeclaresShaped(imp) {
			return true // a router known by its shape (generic.go)
		}
		if !netHTTP && imp.Path() == "net/http" {
			continue
		}
		for _, p := range httpapi.Packages {
			if imp.Path() == p {
				return true
			}
		}
	}
	return false
}

// declaresServing reports whether a function or method of pkg takes or
// returns net/http's server side: a Handler, a HandlerFunc, a ServeMux
// or a ResponseWriter, or a function taking one (a middleware).
func declaresServing(pkg *types.Package) bool {
	var serving func(t types.Type, depth int) bool
	serving = func(t types.Type, depth int) bool {
		if depth > 2 {
			return false
		}
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" {
			switch n.Obj().Name() {
			case "Handler", "HandlerFunc", "ServeMux", "ResponseWriter":
				return true
			}
		}
		if sig, ok := t.Underlying().(*types.Signature); ok {
			return signatureServes(sig, func(t types.Type) bool { return serving(t, depth+1) })
		}
		return false
	}
	sc := pkg.Scope()
	for _, name := range sc.Names() {
		switch obj := sc.Lookup(name).(type) {
		case *types.Func:
			if signatureServes(obj.Type().(*types.Signature), func(t types.Type) bool { return serving(t, 0) }) {
				return true
			}
		case *types.TypeName:
			if n, ok := obj.Type().(*types.Named); ok {
				for m := range n.Methods() {
					if signatureServes(m.Type().(*types.Signature), func(t types.Type) bool { return serving(t, 0) }) {
						return true
					}
				}
			}
		}
	}
	return false
}

// signatureServes reports whether a parameter or result of sig is one
// serving says is.
func signatureServes(sig *types.Signature, serving func(types.Type) bool) bool {
	for _, tup := range []*types.Tuple{sig.Params(), sig.Results()} {
		for v := range tup.Variables() {
			if serving(v.Type()) {
				return true
			}
		}
	}
	return false
}

// dependency reports whether the pass's package is another module's (see
// codekind.DependencyFile).
func dependency(pass *analysis.Pass) bool {
	return len(pass.Files) > 0 && codekind.DependencyFile(pass.Fset.File(pass.Files[0].Pos()).Name())
}

// hasHelpers is attached to a package that declares route helpers (see
// helpers.go): a package importing it may register routes through them
// alone, naming no router's type nor net/http's (e.Get("/", handlers.Index())
// on an engine of the application's own).
type hasHelpers struct{}

func (*hasHelpers) AFact() {}

func (*hasHelpers) String() string { return "hasHelpers" }

// importsHelpers reports whether the package imports one that declares
// route helpers.
func importsHelpers(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		if pass.ImportPackageFact(imp, new(hasHelpers)) {
			return true
		}
	}
	return false
}

// analyzer holds the per-package indexes the resolution needs.
type analyzer struct {
	pass   *analysis.Pass
	q      *queries.Result
	routes []*Route

	// spec is the basePath of the OpenAPI spec the package embeds, once
	// looked for (see specBase).
	spec *struct {
		base string
		ok   bool
	}

	decls   map[*types.Func]*ast.FuncDecl
	writes  map[*types.Var][]ast.Expr // local variable -> values assigned, in source order
	sites   map[ast.Expr]writeSite    // value assigned -> where the assignment takes effect
	ranged  map[*types.Var]ast.Expr   // variable of a range loop -> what it ranges over
	loops   map[*types.Var]*ast.RangeStmt
	params  map[*types.Var]paramOf // parameter -> its function and index
	outer   map[*ast.CallExpr]*ast.CallExpr
	argOf   map[ast.Expr]*ast.CallExpr       // a call's argument -> the call
	idents  map[*types.Var][]*ast.Ident      // uses of router variables
	serving map[*ast.Ident]*ast.SelectorExpr // a use of a router as r.Handler (r.ServeHTTP)
	callers map[*types.Func][]*ast.CallExpr  // local function -> calls of it
	// fnCalls maps a function given to chi's Route or Group (a closure,
	// or a method value: r.Route("/v1", h.v1)) to those calls: they say
	// what its router parameter is.
	fnCalls  map[ast.Node][]*ast.CallExpr
	uses     map[types.Object][]*ast.CallExpr // router variable -> its Use calls
	prefixes map[types.Object][]*ast.CallExpr // router variable -> the calls setting its root (go-restful's ws.Path)
	pkgUses  map[string][]*ast.CallExpr       // package path -> its package-level Use calls (go-restful's Filter, on its default container)
	mounts   map[types.Object][]*ast.CallExpr // router variable -> Mount calls of it
	mountFns map[*types.Func][]*ast.CallExpr  // router constructor -> Mount calls of its result
	// external are the calls of functions of other packages (and of
	// interfaces' methods), and externalFns the chi Route and Group calls
	// given one: where the package hands routers on (see mounts.go).
	external    []*ast.CallExpr
	externalFns []*ast.CallExpr
	assigned    map[ast.Expr]*types.Var // a value assigned to a router or handler variable -> the variable
	called      map[*types.Func]bool    // local functions called directly
	reached     map[*types.Func]bool    // local functions a registration uses
	regCalls    []*ast.CallExpr
	// paramRegs are the registrations made through a registrar parameter
	// (see registrarParam), with the ServeMux API they stand for.
	paramRegs   map[*ast.CallExpr]*httpapi.API
	filterCalls []*ast.CallExpr // beego's InsertFilter
	enclosing   map[*ast.FuncLit]*types.Func
	// genFiles says which files of RPC services are generated (see
	// generated), by name.
	genFiles map[string]bool
	// services are the full names of grpc services by their interface
	// (see serviceName).
	services map[*types.TypeName]string
	// gwFiles are the generated grpc-gateway files read, by file name
	// (see registerGateway).
	gwFiles map[string]*httpapi.GatewayFile
	// unread are the registrations whose paths are not all known (see
	// Result.Unread).
	unread []Unread

	// returns are the return statements of each function (*ast.FuncDecl
	// or *ast.FuncLit), a closure's apart from its function's, in source
	// order; returnedBy maps a local variable to the function that
	// declares and returns it.
	returns    map[ast.Node][]*ast.ReturnStmt
	returnedBy map[*types.Var]*types.Func
	routerVars map[*types.Var]bool // variables holding a router, by type
	// resolved memoizes routerVar by variable and depth: every
	// registration on one router asks for the same value.
	resolved map[routerKey][]router
	// wraps memoizes wrapsTable by the shaped router type (generic.go).
	wraps map[*types.TypeName]bool
	// Registration wrappers (wrappers.go): the API each method stands
	// for (nil: none), the wrapper types, and the calls in their bodies
	// that are templates rather than registrations.
	wrapAPIs  map[*types.Func]*httpapi.API
	wrapTypes map[*types.TypeName]bool
	deriving  map[*types.TypeName]bool
	wrapInner map[*ast.CallExpr]bool

	// Route helpers (helpers.go): this package's and those imported, the
	// calls of them that register routes, and the calls in helpers' bodies
	// that are their templates rather than registrations.
	helpers     map[*types.Func][]*helper
	helperCalls []*ast.CallExpr
	templates   map[*ast.CallExpr]bool
	ifaceMs     *[]*types.Func // methods of the package's interfaces that may be helpers (ifaceMethods)
	// adapting are the variables wrapped is reading a closure of, which
	// a closure calling them again does not read twice.
	adapting map[*types.Var]bool

	// row is the row of a route table being registered (see tables.go):
	// the loop's variables stand for its values.
	row *row
	// tab is what the registration being made reads of the table it
	// ranges over, when a call returns it (see tables.go).
	tab *Table
	// base is where the pattern of the registration being made starts,
	// when a parameter of its function says (see based.go).
	base *Base

	w *walker
}

type paramOf struct {
	fn    ast.Node // *ast.FuncDecl or *ast.FuncLit
	index int
}

func newAnalyzer(pass *analysis.Pass, q *queries.Result) *analyzer {
	a := &analyzer{
		pass:      pass,
		q:         q,
		decls:     map[*types.Func]*ast.FuncDecl{},
		writes:    map[*types.Var][]ast.Expr{},
		sites:     map[ast.Expr]writeSite{},
		ranged:    map[*types.Var]ast.Expr{},
		loops:     map[*types.Var]*ast.RangeStmt{},
		params:    map[*types.Var]paramOf{},
		outer:     map[*ast.CallExpr]*ast.CallExpr{},
		argOf:     map[ast.Expr]*ast.CallExpr{},
		idents:    map[*types.Var][]*ast.Ident{},
		serving:   map[*ast.Ident]*ast.SelectorExpr{},
		callers:   map[*types.Func][]*ast.CallExpr{},
		fnCalls:   map[ast.Node][]*ast.CallExpr{},
		uses:      map[types.Object][]*ast.CallExpr{},
		prefixes:  map[types.Object][]*ast.CallExpr{},
		pkgUses:   map[string][]*ast.CallExpr{},
		mounts:    map[types.Object][]*ast.CallExpr{},
		mountFns:  map[*types.Func][]*ast.CallExpr{},
		assigned:  map[ast.Expr]*types.Var{},
		called:    map[*types.Func]bool{},
		reached:   map[*types.Func]bool{},
		enclosing: map[*ast.FuncLit]*types.Func{},
		helpers:   map[*types.Func][]*helper{},
		templates: map[*ast.CallExpr]bool{},
		wraps:     map[*types.TypeName]bool{},
		wrapAPIs:  map[*types.Func]*httpapi.API{},
		wrapTypes: map[*types.TypeName]bool{},
		deriving:  map[*types.TypeName]bool{},
		wrapInner: map[*ast.CallExpr]bool{},
	}
	a.index()
	a.w = newWalker(a)
	return a
}

// index walks the package once, recording declarations, variable writes,
// parameters, call chains and the router calls.
func (a *analyzer) index() {
	info := a.pass.TypesInfo
	a.returns = map[ast.Node][]*ast.ReturnStmt{}
	a.returnedBy = map[*types.Var]*types.Func{}
	a.routerVars = map[*types.Var]bool{}
	a.resolved = map[routerKey][]router{}
	// Declarations first: a registration may name a function declared
	// further down.
	for _, f := range a.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
					a.decls[fn] = fd
				}
			}
		}
	}
	// Registration wrappers next: their bodies' calls are templates.
	for _, fn := range a.funcs() {
		a.wrapperAPI(fn)
	}
	in := config.Inspector(a.pass)
	// Functions taking a test's value (func NewTestServer(t *testing.T)
	// in a helper package) run in tests only, whatever their file's name.
	// (_test.go files are test code whole: left out.)
	var testCode codekind.TestCode
	for _, imp := range a.pass.Pkg.Imports() {
		if imp.Path() != "testing" {
			continue
		}
		var files []*ast.File
		for _, f := range a.pass.Files {
			if !isTestFile(a.pass.Fset, f.Pos()) {
				files = append(files, f)
			}
		}
		testCode = codekind.TestHelpers(files, info)
	}
	var tableCalls []tableCall
	for file := range in.Root().Children() {
		test := isTestFile(a.pass.Fset, file.Node().Pos())
		var fn *types.Func
		for c := range file.Preorder() {
			switch n := c.Node().(type) {
			case *ast.GenDecl:
				if _, top := c.Parent().Node().(*ast.File); top {
					fn = nil // closures in package-level initializers
				}
			case *ast.FuncDecl:
				fn, _ = info.Defs[n.Name].(*types.Func)
				a.recordParams(n, n.Type)
			case *ast.FuncLit:
				a.enclosing[n] = fn
				a.recordParams(n, n.Type)
			case *ast.ReturnStmt:
				a.indexReturn(c, n)
			case *ast.AssignStmt:
				site := writeSiteOf(c)
				for i, lhs := range n.Lhs {
					v := a.lhsVar(lhs)
					if v == nil {
						continue
					}
					switch {
					case len(n.Rhs) == len(n.Lhs):
						a.write(v, n.Rhs[i], site)
					case len(n.Rhs) == 1:
						a.write(v, n.Rhs[0], site)
					}
				}
			case *ast.RangeStmt:
				for _, x := range []ast.Expr{n.Key, n.Value} {
					if id, ok := x.(*ast.Ident); ok && n.Tok == token.DEFINE {
						if v, ok := info.Defs[id].(*types.Var); ok {
							a.ranged[v] = n.X
							a.loops[v] = n
						}
					}
				}
			case *ast.ValueSpec:
				site := writeSiteOf(c)
				for i, id := range n.Names {
					v, _ := info.Defs[id].(*types.Var)
					if v == nil {
						continue
					}
					switch {
					case len(n.Values) == len(n.Names):
						a.write(v, n.Values[i], site)
					case len(n.Values) == 1:
						a.write(v, n.Values[0], site)
					}
				}
			case *ast.SelectorExpr:
				// r.Handler, a fasthttp router's serving method, is what
				// middlewares wrap, as they wrap an http.Handler router.
				if fn, ok := info.Uses[n.Sel].(*types.Func); ok && httpapi.IsServeMethod(fn) {
					if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
						a.serving[id] = n
					}
				}
			case *ast.Ident:
				// Where router variables are used, to find what wraps them.
				if v, ok := info.Uses[n].(*types.Var); ok && a.holdsRouter(v) {
					a.idents[v] = append(a.idents[v], n)
				}
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
					if inner, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok {
						a.outer[inner] = n
					}
				}
				// Arguments to their call, to walk out from a router to the
				// middlewares wrapped around it.
				for _, arg := range n.Args {
					a.argOf[ast.Unparen(arg)] = n
				}
				callee, _ := typeutil.Callee(info, n).(*types.Func)
				if callee == nil {
					if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && !test && !testCode.Holds(n.Pos()) {
						if api := a.registrarParam(id); api != nil {
							if a.paramRegs == nil {
								a.paramRegs = map[*ast.CallExpr]*httpapi.API{}
							}
							a.paramRegs[n] = api
							a.indexRouterCall(n, api)
							continue
						}
						tableCalls = append(tableCalls, tableCall{n, id})
					}
					continue
				}
				if callee.Pkg() == a.pass.Pkg {
					// A function called directly is a helper of its caller's
					// request, not a route of its own.
					a.called[callee.Origin()] = true
					a.callers[callee.Origin()] = append(a.callers[callee.Origin()], n)
				}
				if test || testCode.Holds(n.Pos()) {
					continue // routes registered by tests (or test helpers taking a *testing.T) are not the service's
				}
				if a.wrapInner[n] {
					continue // a registration wrapper's template (wrappers.go)
				}
				if api := a.lookup(callee); api != nil {
					if (api.Framework == httpapi.Generic || api.Framework == httpapi.GenericMux) && ownImpl(fn) {
						continue // a shaped router's own methods calling each other
					}
					a.indexRouterCall(n, api)
				} else if len(a.importedHelpers(callee)) > 0 {
					a.helperCalls = append(a.helperCalls, n)
				} else if (callee.Pkg() != a.pass.Pkg || isInterfaceMethod(callee)) && a.handsRouters(n, callee) {
					a.external = append(a.external, n)
				}
			}
		}
	}
	// for _, fn := range registrations { fn(api, b) }: a call of each
	// function of the package the table is given.
	for _, tc := range tableCalls {
		for _, fn := range a.tableFuncs(tc.fn) {
			a.called[fn] = true
			a.callers[fn] = append(a.callers[fn], tc.call)
		}
	}
}

// registrarParam is the API of (*http.ServeMux).Handle or HandleFunc when
// id names a parameter of a registrar's type, func(pattern string,
// http.Handler) or func(string, http.HandlerFunc) (or the bare handler
// function type): a function installing its routes through whatever
// registration its caller hands it,
//
//	func (s *Server) Install(handle func(string, http.Handler)) {
//		handle("/search", s.errorHandler(s.serveSearch))
//	}
//
// called with mux.Handle or a router's own Handle (pkgsite's frontend and
// worker). Each call is a route of the pattern it passes, as a ServeMux's
// registration is; the router the caller hands over is not followed (its
// prefix, its middlewares).
func (a *analyzer) registrarParam(id *ast.Ident) *httpapi.API {
	v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() {
		return nil
	}
	if _, isParam := a.params[v]; !isParam {
		return nil
	}
	sig, ok := v.Type().Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 2 || sig.Variadic() {
		return nil
	}
	if b, ok := sig.Params().At(0).Type().Underlying().(*types.Basic); !ok || b.Kind() != types.String {
		return nil
	}
	h := sig.Params().At(1).Type()
	name := ""
	var httpPkg *types.Package
	if n, ok := types.Unalias(h).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" {
		switch n.Obj().Name() {
		case "Handler":
			name = "Handle"
		case "HandlerFunc":
			name = "HandleFunc"
		}
		httpPkg = n.Obj().Pkg()
	} else if hs, ok := h.(*types.Signature); ok && isHandlerFuncSig(hs) {
		name, httpPkg = "HandleFunc", namedOf(hs.Params().At(0).Type()).Obj().Pkg()
	}
	if name == "" {
		return nil
	}
	mux, ok := httpPkg.Scope().Lookup("ServeMux").(*types.TypeName)
	if !ok {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(mux.Type()), false, httpPkg, name)
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	return httpapi.Lookup(fn)
}

// isHandlerFuncSig matches func(http.ResponseWriter, *http.Request).
func isHandlerFuncSig(sig *types.Signature) bool {
	if sig.Params().Len() != 2 || sig.Results().Len() != 0 {
		return false
	}
	w := namedOf(sig.Params().At(0).Type())
	r, ok := sig.Params().At(1).Type().(*types.Pointer)
	if !ok || w == nil || w.Obj().Pkg() == nil || w.Obj().Pkg().Path() != "net/http" || w.Obj().Name() != "ResponseWriter" {
		return false
	}
	rn := namedOf(r.Elem())
	return rn != nil && rn.Obj().Pkg() == w.Obj().Pkg() && rn.Obj().Name() == "Request"
}

// tableCall is a call of a func value named by a local.
type tableCall struct {
	call *ast.CallExpr
	fn   *ast.Ident
}

// tableFuncs are the functions of the package a call of the local id
// runs, when id ranges over a package-level table of them: a slice every
// write of which (its initializer, appends in init functions) lists
// functions of the package by name.
func (a *analyzer) tableFuncs(id *ast.Ident) []*types.Func {
	v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	x, ok := ast.Unparen(a.ranged[v]).(*ast.Ident)
	if !ok {
		return nil
	}
	table, ok := a.pass.TypesInfo.Uses[x].(*types.Var)
	if !ok || table.Pkg() != a.pass.Pkg || table.Parent() != a.pass.Pkg.Scope() {
		return nil
	}
	var out []*types.Func
	add := func(e ast.Expr) bool {
		fn, ok := a.pass.TypesInfo.Uses[identOf(e)].(*types.Func)
		if !ok || fn.Pkg() != a.pass.Pkg {
			return false
		}
		out = append(out, fn)
		return true
	}
	for _, w := range a.writes[table] {
		switch w := ast.Unparen(w).(type) {
		case *ast.CompositeLit:
			for _, el := range w.Elts {
				if !add(el) {
					return nil
				}
			}
		case *ast.CallExpr:
			if !isBuiltinAppend(a.pass.TypesInfo, w) || len(w.Args) == 0 || identOf(w.Args[0]) == nil || a.pass.TypesInfo.Uses[identOf(w.Args[0])] != table || w.Ellipsis.IsValid() {
				return nil
			}
			for _, el := range w.Args[1:] {
				if !add(el) {
					return nil
				}
			}
		default:
			return nil
		}
	}
	return out
}

// identOf is e as an identifier, nil when it is none.
func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// isBuiltinAppend reports whether call is of the builtin append.
func isBuiltinAppend(info *types.Info, call *ast.CallExpr) bool {
	id := identOf(call.Fun)
	if id == nil {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "append"
}

// write records that v is assigned the value e at site.
func (a *analyzer) write(v *types.Var, e ast.Expr, site writeSite) {
	a.writes[v] = append(a.writes[v], e)
	a.sites[e] = site
	if a.holdsRouter(v) || httpapi.IsHandlerType(v.Type()) {
		a.assigned[ast.Unparen(e)] = v
	}
}

// writeSite is where an assignment takes effect: after its statement
// ends, for the rest of what holds the statement (a block, a case, an
// if or for whose init it is).
type writeSite struct {
	end   token.Pos
	scope ast.Node
}

func writeSiteOf(c inspector.Cursor) writeSite {
	end := c.Node().End()
	for p := c.Parent(); ; p = p.Parent() {
		switch p.Node().(type) {
		case *ast.GenDecl, *ast.DeclStmt, *ast.LabeledStmt:
			continue // var x = ...: the declaration's block holds it
		}
		return writeSite{end, p.Node()}
	}
}

// holdsRouter reports whether v holds a router, by its type.
func (a *analyzer) holdsRouter(v *types.Var) bool {
	is, ok := a.routerVars[v]
	if !ok {
		is = a.isRouterType(v.Type())
		a.routerVars[v] = is
	}
	return is
}

// indexReturn records the return statement at c with the function it
// returns from, and the local variables it returns.
func (a *analyzer) indexReturn(c inspector.Cursor, ret *ast.ReturnStmt) {
	for enc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		a.returns[enc.Node()] = append(a.returns[enc.Node()], ret)
		d, ok := enc.Node().(*ast.FuncDecl)
		if !ok {
			return
		}
		fn, ok := a.pass.TypesInfo.Defs[d.Name].(*types.Func)
		if !ok {
			return
		}
		for _, x := range ret.Results {
			id, ok := ast.Unparen(x).(*ast.Ident)
			if !ok {
				continue
			}
			if v, ok := a.pass.TypesInfo.Uses[id].(*types.Var); ok && d.Pos() <= v.Pos() && v.Pos() <= d.End() {
				a.returnedBy[v] = fn
			}
		}
		return
	}
}

func (a *analyzer) lhsVar(lhs ast.Expr) *types.Var {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return nil
	}
	if v, ok := a.pass.TypesInfo.Defs[id].(*types.Var); ok {
		return v
	}
	v, _ := a.pass.TypesInfo.Uses[id].(*types.Var)
	return v
}

func (a *analyzer) recordParams(fn ast.Node, ft *ast.FuncType) {
	i := 0
	for _, field := range ft.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if v, ok := a.pass.TypesInfo.Defs[name].(*types.Var); ok {
				a.params[v] = paramOf{fn, i}
			}
			i++
		}
	}
}

// indexRouterCall records what later resolution looks up: registrations,
// Use and Mount calls by router variable, chi Route/Group functions.
func (a *analyzer) indexRouterCall(call *ast.CallExpr, api *httpapi.API) {
	switch api.Kind {
	case httpapi.Route, httpapi.Controller, httpapi.Bind:
		a.regCalls = append(a.regCalls, call)
	case httpapi.Filter:
		a.filterCalls = append(a.filterCalls, call)
	case httpapi.Prefix:
		if obj := a.objOf(a.fluentBase(a.recvValue(call))); obj != nil {
			a.prefixes[obj] = append(a.prefixes[obj], call)
		}
	case httpapi.Use:
		if obj := a.objOf(a.fluentBase(a.recvValue(call))); obj != nil {
			a.uses[obj] = append(a.uses[obj], call)
		} else if fn := a.callee(call); httpapi.RecvName(fn) == "" {
			a.pkgUses[fn.Pkg().Path()] = append(a.pkgUses[fn.Pkg().Path()], call)
		}
		if api.PrefixArgs { // fiber v3: Use("/sub", app) mounts app
			for _, arg := range call.Args {
				if a.isRouterType(a.pass.TypesInfo.TypeOf(arg)) {
					a.indexMount(call, arg)
				}
			}
		}
	case httpapi.Mount:
		a.regCalls = append(a.regCalls, call)
		if api.HandlerArg < len(call.Args) {
			a.indexMount(call, call.Args[api.HandlerArg])
		}
	case httpapi.RouteFn, httpapi.GroupFn, httpapi.Option:
		if api.FuncArg >= 0 && api.FuncArg < len(call.Args) {
			switch f := ast.Unparen(call.Args[api.FuncArg]).(type) {
			case *ast.FuncLit:
				a.fnCalls[f] = append(a.fnCalls[f], call)
			default:
				if fn, ok := a.funcOf(f); ok && fn.Pkg() == a.pass.Pkg {
					if d := a.decls[fn]; d != nil {
						a.fnCalls[d] = append(a.fnCalls[d], call)
					}
					a.reached[fn] = true
				} else if ok {
					a.externalFns = append(a.externalFns, call) // r.Route("/api", api.Routes)
				}
			}
		}
	}
}

// fluentBase is the router a chain of calls returning their receiver
// starts from: ws.Filter(f).Consumes(...) -> ws.
func (a *analyzer) fluentBase(e ast.Expr) ast.Expr {
	for {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return e
		}
		if api := a.lookup(a.callee(call)); api == nil || !api.ReturnsSelf {
			return e
		}
		e = recvExpr(call)
	}
}

// indexMount records a router mounted by call, by the variable holding
// it or the local function returning it.
func (a *analyzer) indexMount(call *ast.CallExpr, h ast.Expr) {
	switch h := ast.Unparen(h).(type) {
	case *ast.CallExpr:
		if fn, ok := typeutil.Callee(a.pass.TypesInfo, h).(*types.Func); ok && fn.Pkg() == a.pass.Pkg {
			a.mountFns[fn.Origin()] = append(a.mountFns[fn.Origin()], call)
		}
	default:
		if obj := a.objOf(h); obj != nil {
			a.mounts[obj] = append(a.mounts[obj], call)
		}
	}
}

// handsRouters reports whether a call of fn passes a router, or returns
// a router or a handler: what mountsOut records of it.
func (a *analyzer) handsRouters(call *ast.CallExpr, fn *types.Func) bool {
	if res := fn.Type().(*types.Signature).Results(); res.Len() == 1 {
		if t := res.At(0).Type(); a.isRouterType(t) || httpapi.IsHandlerType(t) {
			return true
		}
	}
	for _, arg := range call.Args {
		if a.isRouterType(a.pass.TypesInfo.TypeOf(arg)) {
			return true
		}
	}
	return false
}

// isInterfaceMethod reports whether fn is a method of an interface.
func isInterfaceMethod(fn *types.Func) bool {
	sig, _ := fn.Type().(*types.Signature)
	return sig != nil && sig.Recv() != nil && types.IsInterface(sig.Recv().Type())
}

// objOf is the variable or field an expression names.
func (a *analyzer) objOf(e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return a.pass.TypesInfo.ObjectOf(e)
	case *ast.SelectorExpr:
		return a.pass.TypesInfo.ObjectOf(e.Sel)
	}
	return nil
}

// funcOf is the function an expression names (f, pkg.F, x.M as a value).
func (a *analyzer) funcOf(e ast.Expr) (*types.Func, bool) {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	case *ast.IndexExpr: // a generic function instantiated
		return a.funcOf(e.X)
	default:
		return nil, false
	}
	fn, ok := a.pass.TypesInfo.Uses[id].(*types.Func)
	if ok {
		fn = fn.Origin()
	}
	return fn, ok
}

// recvExpr is the receiver of a method call, nil for a function call.
func recvExpr(call *ast.CallExpr) ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.X
	}
	return nil
}

// routerRecv is the router a call of api registers on or derives from:
// its receiver, or its RouterArg argument (huma.Get(api, ...)).
func (a *analyzer) routerRecv(call *ast.CallExpr, api *httpapi.API) ast.Expr {
	if api.RouterArg >= 0 {
		if api.RouterArg < len(call.Args) {
			return call.Args[api.RouterArg]
		}
		return nil
	}
	return a.recvValue(call)
}

// recvValue is the receiver of a method call, nil for a function call,
// a package's (restful.Add(ws): the package's default router) included.
func (a *analyzer) recvValue(call *ast.CallExpr) ast.Expr {
	if recv := recvExpr(call); recv != nil && a.pass.TypesInfo.Types[recv].IsValue() {
		return recv
	}
	return nil
}

func (a *analyzer) callee(call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(a.pass.TypesInfo, call).(*types.Func)
	return fn
}

// register turns each registration call into routes: one per router value
// its receiver can be (a function registering on a parameter called with
// two routers registers twice), per method, and per row of the table it
// ranges over (tables.go).
func (a *analyzer) register() {
	for _, call := range a.regCalls {
		if a.templates[call] {
			continue // a helper's: its callers register
		}
		api := a.lookup(a.callee(call))
		if api == nil {
			api = a.paramRegs[call]
		}
		switch api.Kind {
		case httpapi.Mount:
			a.mount(call, api)
			continue
		case httpapi.Controller:
			a.eachRow(call, func() { a.registerController(call, api) })
			continue
		case httpapi.Bind:
			a.eachRow(call, func() { a.registerBind(call, api) })
			continue
		}
		a.eachRow(call, func() { a.registerCall(call, api) })
	}
}

// eachRow runs f once for each row of the table call ranges over, with
// a.row set, or once with none.
func (a *analyzer) eachRow(call *ast.CallExpr, f func()) {
	rows := a.rows(call)
	if len(rows) == 0 {
		f()
		return
	}
	for i := range rows {
		a.row = &rows[i]
		f()
	}
	a.row = nil
}

// registerCall makes the routes of one registration call of a router API.
func (a *analyzer) registerCall(call *ast.CallExpr, api *httpapi.API) {

	var routers []router
	var path string
	var pathOK bool
	var methods []string
	var filters []*Handler
	if api.Framework == httpapi.GorillaMux {
		var recv ast.Expr
		recv, path, pathOK, methods = a.gorillaChain(call, api)
		routers = a.routers(recv, 0)
	} else if api.Framework == httpapi.Restful {
		var recv ast.Expr
		recv, path, pathOK, methods, filters = a.restfulChain(call)
		routers = a.routers(recv, 0)
	} else {
		if recv := a.routerRecv(call, api); recv != nil {
			routers = a.routers(recv, 0)
		} else {
			routers = []router{{known: true}} // http.HandleFunc: DefaultServeMux
		}
		path, pathOK = a.constString(call, api.PatternArg)
		if api.FilesSuffix != "" && pathOK {
			path = join(path, api.FilesSuffix) // r.Static("/assets", dir) serves /assets/*filepath
		}
		if pathOK && shapedPattern(api) && !httpapi.IsPathPattern(path) {
			return // an event bus's HandleFunc("peer:created", fn): no path, no route
		}
		methods = a.methods(call, api)
		if api.OperationArg >= 0 && api.OperationArg < len(call.Args) {
			path, pathOK, methods, filters = a.operation(call.Args[api.OperationArg])
		}
	}
	if api.HandlerArg >= 0 && api.HandlerArg < len(call.Args) && !api.Chain && a.isRouter(call.Args[api.HandlerArg]) {
		return // a sub-router mounted here: its routes are its own registrations
	}
	h, mws := a.handlerArgs(call, api)
	a.tab = a.table(call, api)
	if pathOK && strings.HasPrefix(path, "…") && api.PatternArg >= 0 && api.PatternArg < len(call.Args) {
		a.base = a.baseOf(call.Args[api.PatternArg])
	}
	a.addAll(call, api.Framework, routers, methods, path, pathOK, h, append(filters, mws...))
	a.tab, a.base = nil, nil
}

// shapedPattern reports whether api is a Handle or HandleFunc of a
// router known by its shape whose pattern names the method, as a
// ServeMux's does: a pattern that is not a path is no route there.
func shapedPattern(api *httpapi.API) bool {
	return (api.Framework == httpapi.Generic || api.Framework == httpapi.GenericMux) &&
		api.Method == "" && api.MethodArg < 0 && api.OperationArg < 0
}

// addAll makes the routes of a registration: one per router value and
// method, the router's methods (a gorilla sub-router's) when the call
// names none, and the pattern's when neither does.
func (a *analyzer) addAll(call *ast.CallExpr, fw string, routers []router, methods []string, path string, pathOK bool, h *Handler, mws []*Handler) {
	for _, r := range routers {
		ms := methods
		if len(ms) == 0 && len(r.methods) > 0 {
			ms = r.methods
		}
		if len(ms) == 0 {
			ms = []string{""}
		}
		for _, m := range ms {
			a.add(call, fw, r, m, path, pathOK, h, mws)
		}
	}
}

// add makes one route: the router's prefix joined to the path, the
// method from the API, the argument or the pattern, in canonical form.
func (a *analyzer) add(call *ast.CallExpr, fw string, r router, method, path string, pathOK bool, h *Handler, mws []*Handler) {
	if !pathOK {
		path = "…" // not a constant: say so rather than guess
	}
	inPattern := method == ""
	if method == "" {
		// net/http and chi Handle: "GET /items/{id}" names its method.
		p := httppattern.Parse(path)
		method = p.Method
		if p.Method != httppattern.AnyMethod {
			path = p.Host + p.Raw
		}
	}
	full := join(r.prefix, path)
	display := full
	if !r.known {
		display = "…" + full
	}
	pos := call.Pos()
	if a.row != nil {
		pos = a.row.pos // a table's row: the route is registered there
	}
	route := &Route{
		Method:     strings.ToUpper(method),
		Pattern:    display,
		Key:        key(method, full, r.known),
		Framework:  fw,
		Pos:        pos,
		Registered: true,
		Handler:    h,
		Open:       r.open,
		Makers:     r.makers,
		Base:       a.base,
		Unset:      r.unset,
		Came:       r.came,
		Through:    r.through,
		path:       full,
	}
	// The router's middlewares, those of the paths it is under, the route's.
	route.Middlewares = append(route.Middlewares, r.mws...)
	for _, s := range r.scoped {
		if s.covers(full) {
			route.Middlewares = append(route.Middlewares, s.mws...)
		}
	}
	route.Middlewares = append(route.Middlewares, mws...)
	if a.tab != nil {
		t := *a.tab
		t.prefix, t.known, t.inPattern = r.prefix, r.known, inPattern
		route.Table = &t
	}
	a.routes = append(a.routes, route)
}

// key is the canonical identity of a route; an unknown prefix stays in it
// so that "…/items" never equals "/items".
func key(method, path string, known bool) string {
	p := httppattern.Parse(path)
	if method == "" {
		method = httppattern.AnyMethod
	}
	k := strings.ToUpper(method) + " " + p.Host + p.Path
	if !known {
		k = strings.ToUpper(method) + " …" + p.Path
	}
	return k
}

// join appends a route's path to its group's prefix, as the routers do:
// one slash between them.
func join(prefix, path string) string {
	switch {
	case prefix == "":
		return path
	case path == "":
		return prefix
	case strings.HasSuffix(prefix, "/") && strings.HasPrefix(path, "/"):
		return prefix + path[1:]
	case !strings.HasSuffix(prefix, "/") && !strings.HasPrefix(path, "/"):
		return prefix + "/" + path
	}
	return prefix + path
}

// constString is the constant string argument i of call. A
// concatenation of constant and other text (base + "/calls",
// path.Join(base, "calls")) reads with "…" in place of what is not
// constant ("…/calls"): the pattern is partly known, and says which part
// is not.
func (a *analyzer) constString(call *ast.CallExpr, i int) (string, bool) {
	if i < 0 || i >= len(call.Args) {
		return "", false
	}
	if s, ok := a.constOf(call.Args[i]); ok {
		return s, true
	}
	consts := 0
	// args are the texts of the parameters of the path helpers being
	// read (see pathHelper), depth how many are.
	args := map[*types.Var]string{}
	depth := 0
	var text func(e ast.Expr) string
	text = func(e ast.Expr) string {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			if v, ok := a.pass.TypesInfo.Uses[x].(*types.Var); ok {
				if s, ok := args[v]; ok {
					return s
				}
			}
		case *ast.BinaryExpr:
			if x.Op == token.ADD && isString(a.pass.TypesInfo.TypeOf(x)) {
				return joinUnknown(text(x.X), text(x.Y))
			}
		case *ast.CallExpr:
			if params, ret := a.pathHelper(x); ret != nil && depth < maxHelperDepth {
				texts := make([]string, len(params))
				for j := range params {
					texts[j] = text(x.Args[j])
				}
				outer := maps.Clone(args)
				for j, p := range params {
					args[p] = texts[j]
				}
				depth++
				s := text(ret)
				depth--
				args = outer
				return s
			}
			if fn := a.callee(x); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "path" && fn.Name() == "Join" && !x.Ellipsis.IsValid() {
				var parts []string
				for _, arg := range x.Args {
					parts = append(parts, text(arg))
				}
				return path.Join(parts...)
			}
			if fn := a.callee(x); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && fn.Name() == "Sprintf" && !x.Ellipsis.IsValid() && len(x.Args) > 0 {
				if format, ok := a.constOf(x.Args[0]); ok {
					var args []string
					for _, arg := range x.Args[1:] {
						args = append(args, text(arg))
					}
					if s, ok := sprintf(format, args); ok {
						return s
					}
				}
			}
		}
		if s, ok := a.constOf(e); ok {
			consts++
			return s
		}
		return "…"
	}
	s := text(call.Args[i])
	return s, consts > 0
}

// maxHelperDepth is how many path helpers deep a pattern is read.
const maxHelperDepth = 4

// pathHelper is the returned expression of a function of the package
// that builds a path from its parameters, and those parameters, when
// call calls one: a body of one return of one string expression,
// without variadic parameters (func apiPath(p string) string { return
// prefix + version + p }): its text is that expression's, each parameter
// the text of its argument. "GET "+apiPath("/checks") is then
// "GET /api/v1/checks", not "GET …".
func (a *analyzer) pathHelper(call *ast.CallExpr) ([]*types.Var, ast.Expr) {
	fn := a.callee(call)
	if fn == nil || fn.Pkg() != a.pass.Pkg {
		return nil, nil
	}
	d := a.decls[fn]
	sig := fn.Type().(*types.Signature)
	if d == nil || d.Body == nil || sig.Variadic() || sig.Recv() != nil || sig.Results().Len() != 1 || !isString(sig.Results().At(0).Type()) ||
		sig.Params().Len() != len(call.Args) || len(d.Body.List) != 1 {
		return nil, nil
	}
	ret, ok := d.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil, nil
	}
	params := make([]*types.Var, sig.Params().Len())
	for i := range params {
		params[i] = sig.Params().At(i)
	}
	return params, ret.Results[0]
}

// sprintf is fmt.Sprintf's text for a constant format whose verbs are
// %s, %v, %d or %q-free plain ones, each argument given as its text
// ("…" where unknown): fmt.Sprintf("/%s/{id}", base). false for verbs
// with flags, widths or a kind it does not print as written (%q, %x):
// the pattern is then not known.
func sprintf(format string, args []string) (string, bool) {
	var b strings.Builder
	next := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(format) {
			return "", false
		}
		i++
		switch format[i] {
		case '%':
			b.WriteByte('%')
		case 's', 'v', 'd':
			if next >= len(args) {
				return "", false
			}
			b.WriteString(args[next])
			next++
		default:
			return "", false
		}
	}
	return b.String(), next == len(args)
}

// joinUnknown concatenates two texts, one "…" standing for unknown text
// on both sides of the join.
func joinUnknown(x, y string) string {
	if strings.HasSuffix(x, "…") && strings.HasPrefix(y, "…") {
		return x + strings.TrimPrefix(y, "…")
	}
	return x + y
}

func (a *analyzer) constOf(e ast.Expr) (string, bool) {
	e = a.subst(e)
	tv, ok := a.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil {
		// A local variable assigned one constant (p := "/items").
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := a.pass.TypesInfo.Uses[id].(*types.Var); ok && len(a.writes[v]) == 1 {
				if tv, ok := a.pass.TypesInfo.Types[a.writes[v][0]]; ok && tv.Value != nil {
					return constStr(tv)
				}
			}
		}
		return "", false
	}
	return constStr(tv)
}

func constStr(tv types.TypeAndValue) (string, bool) {
	s := tv.Value.ExactString()
	if len(s) >= 2 && s[0] == '"' {
		var out string
		if _, err := fmt.Sscanf(s, "%q", &out); err == nil {
			return out, true
		}
	}
	return "", false
}

// operation reads the method, path and middlewares of an operation
// literal (huma.Operation{Method: http.MethodGet, Path: "/x", Middlewares:
// huma.Middlewares{auth}}), in place or in a local variable written once;
// what is not a constant there, or not a literal, is unknown.
func (a *analyzer) operation(e ast.Expr) (path string, pathOK bool, methods []string, mws []*Handler) {
	methods = []string{"…"}
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok {
		e = u.X
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		// requireScope(huma.Operation{...}, scope): a function of the
		// package returning the operation it is given, its method and
		// path as they were.
		if k, ok := a.returnsParam(call, "Method", "Path"); ok {
			e = call.Args[k]
		}
	}
	if v, ok := a.objOf(e).(*types.Var); ok && !v.IsField() && !a.isParam(v) && len(a.writes[v]) == 1 {
		e = a.writes[v][0]
		if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok {
			e = u.X
		}
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return "", false, methods, nil
	}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		switch key, _ := kv.Key.(*ast.Ident); {
		case key == nil:
		case key.Name == "Path":
			path, pathOK = a.constOf(kv.Value)
		case key.Name == "Method":
			methods = a.methodsOf(kv.Value)
		case key.Name == "Middlewares":
			for _, m := range a.elems(kv.Value, 0) {
				mws = append(mws, a.mwOf(m, 0))
			}
		}
	}
	return path, pathOK, methods, mws
}

// returnsParam reports whether call is of a function of the package
// every return of which returns its parameter k as it was given, but for
// fields other than kept (op.Metadata[k] = v; return op).
func (a *analyzer) returnsParam(call *ast.CallExpr, kept ...string) (int, bool) {
	fn, ok := typeutil.Callee(a.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() != a.pass.Pkg {
		return 0, false
	}
	d := a.decls[fn.Origin()]
	if d == nil || d.Body == nil {
		return 0, false
	}
	params := fn.Signature().Params()
	k, ok := -1, true
	assigned := map[types.Object]bool{}
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) != 1 {
				ok = false
				return false
			}
			v, _ := a.objOf(n.Results[0]).(*types.Var)
			i := -1
			for j := range params.Len() {
				if params.At(j) == v {
					i = j
				}
			}
			if i < 0 || k >= 0 && k != i {
				ok = false
			}
			k = i
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				switch l := ast.Unparen(l).(type) {
				case *ast.Ident:
					assigned[a.objOf(l)] = true
				case *ast.SelectorExpr:
					for _, f := range kept {
						ok = ok && l.Sel.Name != f // its method or path set anew
					}
				}
			}
		}
		return ok
	})
	if !ok || k < 0 || k >= len(call.Args) || assigned[params.At(k)] {
		return 0, false
	}
	return k, true
}

// methods are the methods an API call fixes: by its name, or a constant
// method argument (a string, or gin/echo Match's []string literal).
func (a *analyzer) methods(call *ast.CallExpr, api *httpapi.API) []string {
	if api.Method != "" {
		return []string{api.Method}
	}
	if api.MethodArg < 0 || api.MethodArg >= len(call.Args) {
		return nil
	}
	return a.methodsOf(call.Args[api.MethodArg])
}

// methodsOf reads a method argument: a constant string, or a []string
// literal of them (gin/echo Match, fiber v3 Add).
func (a *analyzer) methodsOf(arg ast.Expr) []string {
	if s, ok := a.constOf(arg); ok {
		return []string{strings.ToUpper(s)}
	}
	if lit, ok := ast.Unparen(arg).(*ast.CompositeLit); ok {
		var out []string
		for _, el := range lit.Elts {
			if s, ok := a.constOf(el); ok {
				out = append(out, strings.ToUpper(s))
			}
		}
		return out
	}
	return []string{"…"} // a method chosen at run time
}

// gorillaChain reads a gorilla/mux registration: the router the chain
// starts from, its path (HandleFunc's argument, or Path/PathPrefix before
// Handler) and the methods of Methods(...) anywhere along the chain.
func (a *analyzer) gorillaChain(call *ast.CallExpr, api *httpapi.API) (recv ast.Expr, path string, pathOK bool, methods []string) {
	// Calls after the registration: .Methods("GET").Name("x").
	for o := a.outer[call]; o != nil; o = a.outer[o] {
		if httpapi.Matcher(a.callee(o)) == "Methods" {
			methods = append(methods, a.constArgs(o)...)
		}
	}
	if api.PatternArg >= 0 { // Router.HandleFunc(path, h)
		path, pathOK = a.constString(call, api.PatternArg)
		return recvExpr(call), path, pathOK, methods
	}
	recv, path, pathOK, more := a.matchers(recvExpr(call))
	return recv, path, pathOK, append(methods, more...)
}

// restfulChain reads a go-restful route, from its builder chain
// ws.GET("/{id}").Filter(f).To(fn).Filter(g): the WebService it starts
// from, its path and method (GET's, or Method(m) and Path(p) along the
// chain), and its filters in the order they were added, those after To
// included. A builder in a local variable written once (rb :=
// ws.GET(p); ws.Route(rb.To(fn))) is followed to its chain; one that
// starts elsewhere (a parameter, a field) has an unknown router and path.
func (a *analyzer) restfulChain(call *ast.CallExpr) (recv ast.Expr, path string, pathOK bool, methods []string, filters []*Handler) {
	var after []*Handler
	for o := a.outer[call]; o != nil; o = a.outer[o] {
		if httpapi.RestfulStep(a.callee(o)) == "Filter" {
			after = append(after, a.mwArgs(o, 0, len(o.Args), false)...)
		}
	}
	seenPath := false
	e := recvExpr(call)
	for steps := 0; ; steps++ {
		if v, ok := a.objOf(e).(*types.Var); ok && !v.IsField() && !a.isParam(v) && len(a.writes[v]) == 1 && steps < maxRouterDepth {
			e = a.writes[v][0]
			continue
		}
		inner, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return nil, "", false, methods, append(filters, after...)
		}
		fn := a.callee(inner)
		switch httpapi.RestfulStep(fn) {
		case "Filter":
			filters = append(a.mwArgs(inner, 0, len(inner.Args), false), filters...)
		case "Method":
			if len(methods) == 0 {
				methods = a.constArgs(inner)
			}
		case "Path":
			if !seenPath { // the last one in the chain is the one walked first
				path, pathOK = a.constString(inner, 0)
				seenPath = true
			}
		case "Start":
			if fn.Name() != "Method" {
				methods = []string{fn.Name()}
				if !seenPath {
					path, pathOK = a.constString(inner, 0)
				}
			} else if len(methods) == 0 {
				methods = a.constArgs(inner)
			}
			return recvExpr(inner), path, pathOK, methods, append(filters, after...)
		}
		if httpapi.RecvName(fn) != "RouteBuilder" {
			return nil, "", false, methods, append(filters, after...)
		}
		e = recvExpr(inner)
	}
}

// matchers walks a chain of gorilla Route matchers back to the router it
// starts from: r.PathPrefix("/api").Methods("GET") -> r, "/api", [GET].
func (a *analyzer) matchers(e ast.Expr) (recv ast.Expr, path string, pathOK bool, methods []string) {
	pathOK, seen := true, false
	for {
		inner, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return e, path, pathOK, methods
		}
		fn := a.callee(inner)
		if !httpapi.IsGorilla(fn) || a.lookup(fn) != nil {
			return e, path, pathOK, methods // NewRouter(), Subrouter(): a router
		}
		switch httpapi.Matcher(fn) {
		case "Methods":
			methods = append(methods, a.constArgs(inner)...)
		case "Path", "PathPrefix":
			if !seen { // the last one in the chain is the one walked first
				path, pathOK = a.constString(inner, 0)
				seen = true
			}
		}
		e = recvExpr(inner)
		if httpapi.RecvName(fn) == "Router" {
			return e, path, pathOK, methods
		}
	}
}

func (a *analyzer) constArgs(call *ast.CallExpr) []string {
	var out []string
	for _, arg := range call.Args {
		if s, ok := a.constOf(arg); ok {
			out = append(out, strings.ToUpper(s))
		}
	}
	return out
}

// mount handles chi's Mount: a router mounted under a prefix gets its
// routes there (see routers); a plain handler becomes a route of its own.
func (a *analyzer) mount(call *ast.CallExpr, api *httpapi.API) {
	if api.HandlerArg >= len(call.Args) || a.isRouter(call.Args[api.HandlerArg]) {
		return // a sub-router: its own registrations carry the prefix
	}
	path, ok := a.constString(call, api.PatternArg)
	h, mws := a.handlerOf(call.Args[api.HandlerArg], 0)
	for _, r := range a.routers(recvExpr(call), 0) {
		a.add(call, api.Framework, r, httppattern.AnyMethod, join(path, "/*"), ok, h, mws)
	}
}

// isRouter reports whether a registered value is a router (or a router
// wrapped in middlewares): mounting it registers its own routes, which
// carry their own patterns, not a route of its own. It is one by its type,
// by what the local function making it returns, by its constructor's
// Serves fact, or through the variable holding it.
func (a *analyzer) isRouter(e ast.Expr) bool { return a.routerExpr(e, 0) }

func (a *analyzer) routerExpr(e ast.Expr, depth int) bool {
	info := a.pass.TypesInfo
	if e == nil || depth > maxHandlerDepth {
		return false
	}
	e = ast.Unparen(e)
	if a.isRouterType(info.TypeOf(e)) {
		return true
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return a.routerExpr(x.Args[0], depth+1) // http.Handler(mux)
		}
		for _, arg := range x.Args { // cors(mux), http.StripPrefix("/api", mux)
			if t := info.TypeOf(arg); (httpapi.IsHandlerType(t) || a.isRouterType(t)) && a.routerExpr(arg, depth+1) {
				return true
			}
		}
		fn := a.callee(x)
		if fn == nil {
			return false
		}
		fn = fn.Origin()
		if d := a.decls[fn]; d != nil {
			return a.returnsRouter(d, depth+1)
		}
		if fn.Pkg() != a.pass.Pkg {
			var f Serves
			return a.pass.ImportObjectFact(fn, &f) && f.Router
		}
	case *ast.SelectorExpr: // sub.ServeHTTP, a fasthttp router's r.Handler, as a handler
		if fn, ok := info.Uses[x.Sel].(*types.Func); ok && httpapi.IsServeMethod(fn) {
			return a.routerExpr(x.X, depth+1)
		}
	case *ast.Ident:
		if v, ok := info.Uses[x].(*types.Var); ok && !a.isParam(v) {
			for _, w := range a.writes[v] {
				if a.routerExpr(w, depth+1) {
					return true
				}
			}
		}
	}
	return false
}

// returnsRouter reports whether a function (an *ast.FuncDecl) returns a
// router, bare or wrapped in middlewares (return cors(auth(mux))).
func (a *analyzer) returnsRouter(fn ast.Node, depth int) bool {
	found := false
	for _, ret := range a.returns[fn] {
		for _, r := range ret.Results {
			ast.Inspect(r, func(x ast.Node) bool {
				if e, ok := x.(ast.Expr); ok && !found {
					if _, lit := e.(*ast.FuncLit); lit {
						return false
					}
					if a.isRouterType(a.pass.TypesInfo.TypeOf(e)) {
						found = true
					} else if id, ok := e.(*ast.Ident); ok && depth <= maxHandlerDepth {
						found = a.routerExpr(id, depth+1)
					}
				}
				return !found
			})
			if found {
				return true
			}
		}
	}
	return false
}

// unregistered adds the handlers no registration of the package reaches:
// functions with a handler's signature, and constructors returning a
// handler or middleware closure, that nothing here registers or calls.
// Their route is their name; a package of handlers registered elsewhere
// is still checked where its code is.
func (a *analyzer) unregistered() {
	for _, fn := range a.funcs() {
		d := a.decls[fn]
		if a.reached[fn] || a.called[fn] || isTestFile(a.pass.Fset, d.Pos()) {
			continue
		}
		if d.Type.TypeParams != nil || d.Recv != nil && len(d.Recv.List) > 0 && hasTypeParams(d.Recv.List[0].Type) {
			continue
		}
		sig := fn.Type().(*types.Signature)
		if sig.Recv() != nil && fn.Name() == "ServeHTTP" && a.isWrapperType(sig.Recv().Type()) {
			continue // a registration wrapper serving its router: its routes are listed themselves (wrappers.go)
		}
		var h *Handler
		switch {
		case httpapi.IsHandlerSig(sig):
			h = &Handler{Name: queries.FuncName(fn), Func: fn, Decl: d}
		case sig.Results().Len() == 1 && (httpapi.IsHandlerType(sig.Results().At(0).Type()) || httpapi.IsMiddlewareType(sig.Results().At(0).Type())):
			if a.returnsRouter(d, 0) {
				continue // a router: its routes are listed themselves
			}
			h = a.served(fn, 0)
			if h == nil || h.Lit == nil && h.Decl == nil {
				continue // nothing this package can see serves
			}
		default:
			continue
		}
		a.routes = append(a.routes, &Route{
			Method:  httppattern.AnyMethod,
			Pattern: queries.FuncName(fn),
			Key:     httppattern.AnyMethod + " " + queries.FuncName(fn),
			Pos:     d.Name.Pos(),
			Handler: h,
		})
	}
}

// funcs are the functions declared in the package, in source order.
func (a *analyzer) funcs() []*types.Func {
	fns := make([]*types.Func, 0, len(a.decls))
	for fn := range a.decls {
		fns = append(fns, fn)
	}
	sort.Slice(fns, func(i, j int) bool { return srcpos.Compare(a.pass.Fset, fns[i].Pos(), fns[j].Pos()) < 0 })
	return fns
}

// isTestFile reports whether pos is in a _test.go file: routes registered
// by tests are not the service's.
func isTestFile(fset *token.FileSet, pos token.Pos) bool {
	return codekind.TestFile(fset.File(pos).Name())
}

func hasTypeParams(recv ast.Expr) bool {
	if s, ok := recv.(*ast.StarExpr); ok {
		recv = s.X
	}
	switch recv.(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}
