package routes

import (
	"go/types"
	"strings"
)

// Import paths of the routers recognized.
const (
	netHTTP = "net/http"
	chiPkg  = "github.com/go-chi/chi/v5"
	muxPkg  = "github.com/gorilla/mux"
	ginPkg  = "github.com/gin-gonic/gin"
	echoPkg = "github.com/labstack/echo/v4"
)

// routerPkgs are the packages whose import makes a package worth a look.
var routerPkgs = []string{netHTTP, chiPkg, muxPkg, ginPkg, echoPkg}

// kind is what a router API call does to the route table.
type kind uint8

const (
	kRoute   kind = iota + 1 // registers a handler
	kNew                     // makes a root router
	kGroup                   // returns a router under a prefix (gin/echo Group, gorilla Subrouter)
	kRouteFn                 // chi Route(pattern, fn): fn's router is under the prefix
	kGroupFn                 // chi Group(fn): fn's router shares the router's prefix
	kWith                    // chi With(mws...): the router plus middlewares
	kUse                     // adds middlewares to every route of the router
	kMount                   // chi Mount(pattern, h): a router or handler under a prefix
)

// api is one entry of the table: a router function and where its
// arguments are. Indices are -1 when absent.
type api struct {
	fw      string // "net/http", "chi", "gorilla/mux", "gin", "echo"
	kind    kind
	method  string // fixed method ("GET"), "ANY", or "" when methodArg or the pattern says
	methArg int    // the method argument: a string, or (gin/echo Match) a []string literal
	patArg  int
	hArg    int
	mwArg   int  // first middleware argument (the rest are middlewares too)
	ginTail bool // gin: handlers from hArg on; the last serves, the others are middlewares
	fnArg   int  // chi Route/Group: the func(r chi.Router) argument
}

type apiKey struct{ pkg, recv, name string }

var table = map[apiKey]*api{}

func reg(pkg string, recvs []string, a api, names ...string) {
	for _, r := range recvs {
		for _, n := range names {
			e := a
			if e.method == "*" {
				e.method = strings.ToUpper(n)
			}
			table[apiKey{pkg, r, n}] = &e
		}
	}
}

func init() {
	none := api{methArg: -1, patArg: -1, hArg: -1, mwArg: -1, fnArg: -1}
	with := func(a api, f func(*api)) api { f(&a); return a }

	// net/http: the pattern carries the method and host (Go 1.22).
	h := with(none, func(a *api) { a.fw, a.kind, a.patArg, a.hArg = "net/http", kRoute, 0, 1 })
	reg(netHTTP, []string{"ServeMux", ""}, h, "Handle", "HandleFunc")
	reg(netHTTP, []string{""}, with(none, func(a *api) { a.fw, a.kind = "net/http", kNew }), "NewServeMux")

	// chi v5: Router is the interface, Mux its implementation.
	chi := []string{"Mux", "Router"}
	c := with(none, func(a *api) { a.fw = "chi" })
	reg(chiPkg, chi, with(c, func(a *api) { a.kind, a.method, a.patArg, a.hArg = kRoute, "*", 0, 1 }),
		"Connect", "Delete", "Get", "Head", "Options", "Patch", "Post", "Put", "Query", "Trace")
	reg(chiPkg, chi, with(c, func(a *api) { a.kind, a.patArg, a.hArg = kRoute, 0, 1 }), "Handle", "HandleFunc")
	reg(chiPkg, chi, with(c, func(a *api) { a.kind, a.methArg, a.patArg, a.hArg = kRoute, 0, 1, 2 }), "Method", "MethodFunc")
	reg(chiPkg, chi, with(c, func(a *api) { a.kind, a.patArg, a.hArg = kMount, 0, 1 }), "Mount")
	reg(chiPkg, chi, with(c, func(a *api) { a.kind, a.patArg, a.fnArg = kRouteFn, 0, 1 }), "Route")
	reg(chiPkg, chi, with(c, func(a *api) { a.kind, a.fnArg = kGroupFn, 0 }), "Group")
	reg(chiPkg, chi, with(c, func(a *api) { a.kind, a.mwArg = kWith, 0 }), "With")
	reg(chiPkg, chi, with(c, func(a *api) { a.kind, a.mwArg = kUse, 0 }), "Use")
	reg(chiPkg, []string{""}, with(c, func(a *api) { a.kind = kNew }), "NewRouter", "NewMux")

	// gorilla/mux: Router.HandleFunc(path, f).Methods(...), or a chain of
	// Route matchers ending in Handler/HandlerFunc; the chain is read at
	// the registration (see gorillaChain).
	m := with(none, func(a *api) { a.fw = "gorilla/mux" })
	reg(muxPkg, []string{"Router"}, with(m, func(a *api) { a.kind, a.patArg, a.hArg = kRoute, 0, 1 }), "Handle", "HandleFunc")
	reg(muxPkg, []string{"Route"}, with(m, func(a *api) { a.kind, a.hArg = kRoute, 0 }), "Handler", "HandlerFunc")
	reg(muxPkg, []string{"Route"}, with(m, func(a *api) { a.kind = kGroup }), "Subrouter")
	reg(muxPkg, []string{"Router"}, with(m, func(a *api) { a.kind, a.mwArg = kUse, 0 }), "Use")
	reg(muxPkg, []string{""}, with(m, func(a *api) { a.kind = kNew }), "NewRouter")

	// gin: Engine embeds RouterGroup; IRoutes/IRouter are its interfaces.
	gin := []string{"RouterGroup", "Engine", "IRoutes", "IRouter"}
	g := with(none, func(a *api) { a.fw, a.ginTail = "gin", true })
	reg(ginPkg, gin, with(g, func(a *api) { a.kind, a.method, a.patArg, a.hArg = kRoute, "*", 0, 1 }),
		"GET", "POST", "DELETE", "PATCH", "PUT", "OPTIONS", "HEAD")
	reg(ginPkg, gin, with(g, func(a *api) { a.kind, a.method, a.patArg, a.hArg = kRoute, "ANY", 0, 1 }), "Any")
	reg(ginPkg, gin, with(g, func(a *api) { a.kind, a.methArg, a.patArg, a.hArg = kRoute, 0, 1, 2 }), "Handle", "Match")
	reg(ginPkg, gin, with(g, func(a *api) { a.kind, a.patArg, a.mwArg, a.ginTail = kGroup, 0, 1, false }), "Group")
	reg(ginPkg, gin, with(g, func(a *api) { a.kind, a.mwArg, a.ginTail = kUse, 0, false }), "Use")
	reg(ginPkg, []string{""}, with(g, func(a *api) { a.kind, a.ginTail = kNew, false }), "New", "Default")

	// echo v4: handler, then route-level middlewares.
	echo := []string{"Echo", "Group"}
	e := with(none, func(a *api) { a.fw = "echo" })
	reg(echoPkg, echo, with(e, func(a *api) { a.kind, a.method, a.patArg, a.hArg, a.mwArg = kRoute, "*", 0, 1, 2 }),
		"CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE")
	reg(echoPkg, echo, with(e, func(a *api) { a.kind, a.method, a.patArg, a.hArg, a.mwArg = kRoute, "ANY", 0, 1, 2 }), "Any")
	reg(echoPkg, echo, with(e, func(a *api) { a.kind, a.methArg, a.patArg, a.hArg, a.mwArg = kRoute, 0, 1, 2, 3 }), "Add", "Match")
	reg(echoPkg, echo, with(e, func(a *api) { a.kind, a.patArg, a.mwArg = kGroup, 0, 1 }), "Group")
	reg(echoPkg, echo, with(e, func(a *api) { a.kind, a.mwArg = kUse, 0 }), "Use", "Pre")
	reg(echoPkg, []string{""}, with(e, func(a *api) { a.kind = kNew }), "New")
}

// lookup finds the table entry of a function, by its package, receiver
// type name and name: a Get on a cache is not a route.
func lookup(fn *types.Func) *api {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	return table[apiKey{fn.Pkg().Path(), recvName(fn), fn.Name()}]
}

// recvName is the name of a method's receiver type ("" for a function).
func recvName(fn *types.Func) string {
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

// isHandlerSig matches the signatures of request handlers:
// func(http.ResponseWriter, *http.Request), func(*gin.Context),
// func(echo.Context) error.
func isHandlerSig(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	p := sig.Params()
	switch p.Len() {
	case 2:
		return sig.Results().Len() == 0 &&
			types.TypeString(p.At(0).Type(), nil) == "net/http.ResponseWriter" &&
			types.TypeString(p.At(1).Type(), nil) == "*net/http.Request"
	case 1:
		switch types.TypeString(p.At(0).Type(), nil) {
		case "*github.com/gin-gonic/gin.Context":
			return sig.Results().Len() == 0
		case "github.com/labstack/echo/v4.Context":
			return sig.Results().Len() == 1
		}
	}
	return false
}

// isHandlerType matches a value that serves requests: http.Handler,
// http.HandlerFunc, gin.HandlerFunc, echo.HandlerFunc, or a function of a
// handler's signature.
func isHandlerType(t types.Type) bool {
	if t == nil {
		return false
	}
	switch types.TypeString(t, nil) {
	case "net/http.Handler", "net/http.HandlerFunc", ginPkg + ".HandlerFunc", echoPkg + ".HandlerFunc":
		return true
	}
	sig, _ := t.Underlying().(*types.Signature)
	return isHandlerSig(sig)
}

// isMiddlewareSig matches a function that wraps a handler into another:
// func(http.Handler) http.Handler, mux.MiddlewareFunc, echo.MiddlewareFunc.
func isMiddlewareSig(sig *types.Signature) bool {
	if sig == nil || sig.Results().Len() != 1 || !isHandlerType(sig.Results().At(0).Type()) {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if isHandlerType(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

// rootRouter reports whether a router of type t is always a root: a
// ServeMux's patterns are absolute, and gin's Engine, echo's Echo and
// chi's Mux (rather than its Router interface, which sub-routers have)
// are what the constructors return.
func rootRouter(t types.Type) bool {
	switch types.TypeString(t, nil) {
	case "*net/http.ServeMux", "*" + chiPkg + ".Mux", "*" + ginPkg + ".Engine", "*" + echoPkg + ".Echo":
		return true
	}
	return false
}

// isRouterType matches the router types, roots or not.
func isRouterType(t types.Type) bool {
	if t == nil {
		return false
	}
	if rootRouter(t) {
		return true
	}
	switch types.TypeString(t, nil) {
	case chiPkg + ".Router", "*" + muxPkg + ".Router", "*" + ginPkg + ".RouterGroup",
		ginPkg + ".IRouter", ginPkg + ".IRoutes", "*" + echoPkg + ".Group":
		return true
	}
	return false
}

// IsHandlerType reports whether values of type t serve requests (see
// isHandlerType), for the standalone driver's call graph: a call through
// such a value is a router or middleware dispatching the request, not a
// call the request's code makes.
func IsHandlerType(t types.Type) bool { return isHandlerType(t) }

// IsMiddlewareSig reports whether sig wraps a handler into another (see
// isMiddlewareSig).
func IsMiddlewareSig(sig *types.Signature) bool { return isMiddlewareSig(sig) }
