package httpapi

import (
	"go/types"
	"strings"
	"sync"
)

// Routers the table does not know — the module's own, or a dependency's
// (pocketbase's tools/router) — are known by their shape instead: a type
// whose methods are named after HTTP methods (GET or Get, POST or Post,
// ...), each taking a path string first and a handler function after it,
//
//	func (g *RouterGroup[T]) GET(path string, action func(e T) error) *Route[T]
//
// is a router when at least three such verb methods share one handler
// type. That bar keeps out what looks like one method of a router: an
// HTTP client's Get(url) or Post(url, contentType string, body io.Reader)
// (no handler function), a cache's Get(key) and Delete(key). Its other
// methods are read by their names and shapes:
//
//   - Any, All (path, handler): a route of any method; Handle, HandleFunc,
//     Route, Add, Method, Match (method, path, handler): the method is the
//     first argument; Handle and HandleFunc (path, handler): the pattern
//     says, as a ServeMux's does.
//   - Group, Prefix, Route, Party, Sub, Subrouter, Namespace, Scope, and
//     names holding Group or Prefix, taking a prefix string (and
//     middleware functions) and returning a router of this shape: a group
//     under the prefix; taking a prefix and a func(router): that function
//     registers under the prefix (chi's Route).
//   - Use, Bind, BindFunc, UseFunc, Middleware, Pre (middlewares only):
//     middlewares of every route of the router; With, returning a router:
//     the router plus the middlewares.
//   - Any other method returning the receiver's own type, and taking no
//     string that could be a prefix (one string first), returns the
//     router it is called on (Unbind(ids ...string)).
//
// A function of another package returning such a router (and taking
// none) makes one: a root. The registration's handler is the function
// passed, whatever its signature (the router's own), and middlewares
// bound to the route a verb method returns (sub.GET(p, h).Bind(mw)) are
// the route's. A package of the table (gin, echo, ...) keeps its entries:
// no shape is read from it.

// Generic is the framework name of the routers known by their shape.
const Generic = "router"

// verbs are the HTTP methods a verb method is named after, upper-cased.
var verbs = map[string]bool{
	"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "HEAD": true,
	"OPTIONS": true, "CONNECT": true, "TRACE": true, "SEARCH": true, "QUERY": true,
}

// verbName is the HTTP method a method's name spells ("GET" for GET and
// Get), or "".
func verbName(name string) string {
	up := strings.ToUpper(name)
	if !verbs[up] || name != up && name != up[:1]+strings.ToLower(up[1:]) {
		return ""
	}
	return up
}

// minVerbs is how many verb methods of one handler type make a router.
const minVerbs = 3

var (
	groupNames = map[string]bool{"Group": true, "Prefix": true, "Route": true, "Party": true, "Sub": true,
		"Subrouter": true, "Namespace": true, "Scope": true}
	useNames      = map[string]bool{"Use": true, "Bind": true, "BindFunc": true, "UseFunc": true, "Middleware": true, "Pre": true}
	anyNames      = map[string]bool{"Any": true, "ANY": true, "All": true}
	methodNames   = map[string]bool{"Handle": true, "HandleFunc": true, "Route": true, "Add": true, "Method": true, "Match": true}
	patternRoutes = map[string]bool{"Handle": true, "HandleFunc": true}
)

// IsRouteUse reports whether a method's name binds middlewares (Bind,
// Use...): called on the route a shaped router's verb method returns,
// they are the route's.
func IsRouteUse(fn *types.Func) bool {
	return fn != nil && useNames[fn.Name()]
}

func isGroupName(name string) bool {
	return groupNames[name] || strings.Contains(name, "Group") || strings.Contains(name, "Prefix")
}

// shapedMemo memoizes shapedOf by the origin of a named type.
var shapedMemo sync.Map // *types.TypeName -> types.Type (the handler type, or nil)

// ShapedHandler is the handler type of the router of type t (a named
// type, or a pointer to one) known by its shape; nil when t is none.
func ShapedHandler(t types.Type) types.Type {
	n := namedOf(t)
	if n == nil {
		return nil
	}
	obj := n.Origin().Obj()
	if v, ok := shapedMemo.Load(obj); ok {
		h, _ := v.(types.Type)
		return h
	}
	var h types.Type
	if !tablePackage(obj.Pkg().Path()) {
		h = shapedOf(n.Origin())
	}
	shapedMemo.Store(obj, h)
	return h
}

// IsShapedRouter reports whether t is a router known by its shape.
func IsShapedRouter(t types.Type) bool { return ShapedHandler(t) != nil }

func namedOf(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, _ := t.(*types.Named)
	if n == nil || n.Obj().Pkg() == nil {
		return nil
	}
	return n
}

// tablePackage reports whether path is a package of the table, or under
// one: its types keep their entries.
func tablePackage(path string) bool {
	for _, p := range Packages {
		if strings.HasPrefix(path, p) && (len(path) == len(p) || path[len(p)] == '/') {
			return true
		}
	}
	return false
}

// shapedOf is the handler type most verb methods of n share, when at
// least minVerbs do.
func shapedOf(n *types.Named) types.Type {
	ms := types.NewMethodSet(types.NewPointer(n))
	if types.IsInterface(n) {
		ms = types.NewMethodSet(n)
	}
	var hs []types.Type
	var counts []int
	for i := 0; i < ms.Len(); i++ {
		fn, ok := ms.At(i).Obj().(*types.Func)
		if !ok || verbName(fn.Name()) == "" {
			continue
		}
		h, _, _, ok := routeShape(fn.Type().(*types.Signature), 0)
		if !ok {
			continue
		}
		found := false
		for j := range hs {
			if sameHandler(hs[j], h) {
				counts[j]++
				found = true
			}
		}
		if !found {
			hs, counts = append(hs, h), append(counts, 1)
		}
	}
	best := -1
	for j := range hs {
		if counts[j] >= minVerbs && (best < 0 || counts[j] > counts[best]) {
			best = j
		}
	}
	if best < 0 {
		return muxShaped(n, ms)
	}
	return hs[best]
}

// ServeMux-style routers (go-pkgz/routegroup's Bundle, a module's own
// group over a ServeMux) have no verb methods: their Handle and
// HandleFunc take a pattern that names the method, as ServeMux's do,
//
//	api := g.Mount("/peer")
//	api.With(auth).HandleFunc("GET /by-id/{id...}", h.get())
//
// A type is one when its Handle(pattern string, h http.Handler) or
// HandleFunc(pattern string, h func(http.ResponseWriter, *http.Request))
// — ServeMux's own signatures, nothing after the handler — stands beside
// a method that groups: Group, Mount, Route or With returning the type
// itself, or Use taking net/http middlewares. The handler type keeps out
// an event bus's HandleFunc(topic string, fn func(Event)); a
// registration whose pattern is not a path ("peer:created") is no route
// (see IsPathPattern). Registrations read the pattern as net/http's are
// read (the method before the path), handlers and middlewares as
// net/http's are.

// GenericMux is the framework name of the ServeMux-style routers known
// by their shape.
const GenericMux = "mux-router"

// muxShaped is the handler type of n's Handle or HandleFunc when n is a
// ServeMux-style router (see above), nil otherwise.
func muxShaped(n *types.Named, ms *types.MethodSet) types.Type {
	var h types.Type
	groups := false
	for i := 0; i < ms.Len(); i++ {
		fn, ok := ms.At(i).Obj().(*types.Func)
		if !ok {
			continue
		}
		sig := fn.Type().(*types.Signature)
		switch name := fn.Name(); {
		case patternRoutes[name]:
			if t := muxRouteHandler(sig); t != nil {
				h = t
			}
		case name == "Use":
			groups = groups || sig.Params().Len() > 0 && netMiddlewares(sig, 0)
		case name == "With" || isGroupName(name) || name == "Mount":
			res := sig.Results()
			groups = groups || res.Len() == 1 && sameNamed(res.At(0).Type(), n)
		}
	}
	if !groups {
		return nil
	}
	return h
}

// muxRouteHandler is the handler type of a registration with
// ServeMux's signature, (pattern string, h http.Handler) or (pattern
// string, h func(http.ResponseWriter, *http.Request)), nil for any
// other.
func muxRouteHandler(sig *types.Signature) types.Type {
	ps := sig.Params()
	if sig.Variadic() || ps.Len() != 2 || !isStringType(ps.At(0).Type()) || !isNetHTTPHandler(ps.At(1).Type()) {
		return nil
	}
	return ps.At(1).Type()
}

// isNetHTTPHandler matches http.Handler, http.HandlerFunc and
// func(http.ResponseWriter, *http.Request).
func isNetHTTPHandler(t types.Type) bool {
	switch tableString(types.Unalias(t)) {
	case "net/http.Handler", "net/http.HandlerFunc":
		return true
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 2 || sig.Results().Len() != 0 {
		return false
	}
	return typeIs(sig.Params().At(0).Type(), "net/http.ResponseWriter") &&
		typeIs(sig.Params().At(1).Type(), "*net/http.Request")
}

// netMiddlewares reports whether the parameters of sig from i on are
// net/http middlewares, func(http.Handler) http.Handler.
func netMiddlewares(sig *types.Signature, i int) bool {
	ps := sig.Params()
	for ; i < ps.Len(); i++ {
		t := ps.At(i).Type()
		if sig.Variadic() && i == ps.Len()-1 {
			t = t.(*types.Slice).Elem()
		}
		m, ok := t.Underlying().(*types.Signature)
		if !ok || m.Params().Len() != 1 || m.Results().Len() != 1 ||
			!isNetHTTPHandler(m.Params().At(0).Type()) || !isNetHTTPHandler(m.Results().At(0).Type()) {
			return false
		}
	}
	return true
}

// IsMuxShaped reports whether t is a ServeMux-style router known by its
// shape (see above).
func IsMuxShaped(t types.Type) bool {
	n := namedOf(t)
	if n == nil || !IsShapedRouter(t) {
		return false
	}
	obj := n.Origin().Obj()
	if v, ok := muxMemo.Load(obj); ok {
		return v.(bool)
	}
	m := isMux(n)
	muxMemo.Store(obj, m)
	return m
}

// muxMemo memoizes IsMuxShaped by the origin of a named type.
var muxMemo sync.Map // *types.TypeName -> bool

func isMux(n *types.Named) bool {
	ms := types.NewMethodSet(types.NewPointer(n.Origin()))
	if types.IsInterface(n) {
		ms = types.NewMethodSet(n)
	}
	for i := 0; i < ms.Len(); i++ {
		if fn, ok := ms.At(i).Obj().(*types.Func); ok && verbName(fn.Name()) != "" {
			if _, _, _, ok := routeShape(fn.Type().(*types.Signature), 0); ok {
				return false // a router of verb methods, whose Handle is read as such
			}
		}
	}
	return true
}

// IsPathPattern reports whether a ServeMux-style pattern, read as
// net/http reads one, is a path: "/x" or "GET /x" (or "", the root of
// the group it is registered on). "peer:created", "by-id/{id}" are
// not: no router serves them.
func IsPathPattern(p string) bool {
	if m, rest, ok := strings.Cut(p, " "); ok && verbs[m] {
		p = strings.TrimLeft(rest, " \t")
	}
	return p == "" || strings.HasPrefix(p, "/")
}

// sameHandler reports whether two handler types are the same: identical,
// or, in the methods of a generic type, which each declare their own
// receiver type parameters, the same but for those (func(e T) error).
func sameHandler(x, y types.Type) bool {
	return types.Identical(x, y) || sigKey(x) == sigKey(y)
}

// sigKey writes a function type's parameter and result types, without
// their names.
func sigKey(t types.Type) string {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok {
		return types.TypeString(t, nil)
	}
	var b strings.Builder
	b.WriteString("func(")
	for i := 0; i < sig.Params().Len(); i++ {
		b.WriteString(types.TypeString(sig.Params().At(i).Type(), nil) + ",")
	}
	b.WriteString(")(")
	for i := 0; i < sig.Results().Len(); i++ {
		b.WriteString(types.TypeString(sig.Results().At(i).Type(), nil) + ",")
	}
	b.WriteString(")")
	return b.String()
}

// routeShape reads a registration's parameters from the first: strs
// strings (the method, the path), then the handler, a function taking at
// least one argument (or a variadic chain of them, the last serving),
// then only middleware functions. h is the handler's type.
func routeShape(sig *types.Signature, strs int) (h types.Type, chain, mws bool, ok bool) {
	ps := sig.Params()
	strs++ // the path
	if ps.Len() < strs+1 {
		return nil, false, false, false
	}
	for i := 0; i < strs; i++ {
		if !isStringType(ps.At(i).Type()) {
			return nil, false, false, false
		}
	}
	h = ps.At(strs).Type()
	if sig.Variadic() && strs == ps.Len()-1 {
		h = h.(*types.Slice).Elem()
		chain = true
	}
	if !isHandlerFunc(h) {
		return nil, false, false, false
	}
	for i := strs + 1; i < ps.Len(); i++ {
		t := ps.At(i).Type()
		if sig.Variadic() && i == ps.Len()-1 {
			t = t.(*types.Slice).Elem()
		}
		if _, fn := t.Underlying().(*types.Signature); !fn {
			return nil, false, false, false
		}
		mws = true
	}
	return h, chain, mws, true
}

// isHandlerFunc reports whether t is a function taking a request: at
// least one argument.
func isHandlerFunc(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Params().Len() >= 1
}

func isStringType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.String
}

// Shaped is the entry of a method of a router known by its shape, or
// of a function of another package making one (see above); nil for
// any other function.
func Shaped(fn *types.Func) *API {
	if fn == nil || fn.Pkg() == nil || tablePackage(fn.Pkg().Path()) {
		return nil
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return nil
	}
	a := with(none, func(a *API) { a.Framework, a.AnyHandler = Generic, true })
	if sig.Recv() == nil {
		// A constructor: a router made, from no router.
		if sig.Results().Len() == 0 || !IsShapedRouter(sig.Results().At(0).Type()) {
			return nil
		}
		for i := 0; i < sig.Params().Len(); i++ {
			if IsShapedRouter(sig.Params().At(i).Type()) {
				return nil
			}
		}
		a.Kind = New
		if IsMuxShaped(sig.Results().At(0).Type()) {
			a.Framework, a.AnyHandler = GenericMux, false
		}
		return &a
	}
	if !IsShapedRouter(sig.Recv().Type()) {
		return nil
	}
	name := fn.Name()
	if IsMuxShaped(sig.Recv().Type()) {
		a.Framework, a.AnyHandler = GenericMux, false
		if m := muxAPI(a, name, sig); m != nil {
			return m
		}
	}
	route := func(strs int) bool {
		_, chain, mws, ok := routeShape(sig, strs)
		if ok {
			a.Kind, a.Chain = Route, chain
			a.PatternArg, a.HandlerArg = strs, strs+1
			if strs == 1 {
				a.MethodArg = 0
			}
			if mws {
				a.MiddlewareArg = strs + 2
			}
		}
		return ok
	}
	results := sig.Results()
	returnsRouter := results.Len() >= 1 && IsShapedRouter(results.At(0).Type())
	switch {
	case verbName(name) != "":
		if route(0) {
			a.Method = verbName(name)
			return &a
		}
	case anyNames[name]:
		if route(0) {
			a.Method = AnyMethod
			return &a
		}
	case methodNames[name] && route(1):
		return &a
	case patternRoutes[name] && route(0):
		return &a // "GET /x" or "/x": the pattern says
	case isGroupName(name):
		ps := sig.Params()
		if ps.Len() == 0 || !isStringType(ps.At(0).Type()) {
			return nil
		}
		if ps.Len() == 2 && !sig.Variadic() {
			// Route("/v1", func(r Router) {...}): fn registers under it.
			if f, ok := ps.At(1).Type().Underlying().(*types.Signature); ok && f.Params().Len() == 1 && IsShapedRouter(f.Params().At(0).Type()) {
				a.Kind, a.PatternArg, a.FuncArg = RouteFn, 0, 1
				return &a
			}
		}
		if !returnsRouter || !funcsFrom(sig, 1) {
			return nil
		}
		a.Kind, a.PatternArg = Group, 0
		if ps.Len() > 1 {
			a.MiddlewareArg = 1
		}
		return &a
	case name == "With":
		if returnsRouter && funcsFrom(sig, 0) {
			a.Kind, a.MiddlewareArg = With, 0
			return &a
		}
	case useNames[name]:
		if funcsFrom(sig, 0) && (results.Len() == 0 || returnsRouter) {
			a.Kind, a.MiddlewareArg = Use, 0
			return &a
		}
		return nil
	}
	// Any other method returning its receiver's type, taking no prefix
	// (one string first), returns the router it is called on
	// (pocketbase's Unbind(ids ...string)): a chain goes on on it.
	ps := sig.Params()
	if results.Len() == 1 && sameNamed(results.At(0).Type(), sig.Recv().Type()) &&
		(ps.Len() == 0 || !isStringType(ps.At(0).Type()) || sig.Variadic() && ps.Len() == 1) {
		a.Kind, a.ReturnsSelf = Fluent, true
		return &a
	}
	return nil
}

// muxAPI is the entry of a ServeMux-style router's method that the
// names below do not read as a verb router's: Handle and HandleFunc
// (the pattern names the method), Group() (a group at the router's own
// prefix), Mount(prefix) (a group under it), Route(fn) (fn registers on
// the router); nil for any other, which the names below read.
func muxAPI(a API, name string, sig *types.Signature) *API {
	ps := sig.Params()
	res := sig.Results()
	returnsRouter := res.Len() == 1 && sameNamed(res.At(0).Type(), sig.Recv().Type())
	switch {
	case patternRoutes[name] && muxRouteHandler(sig) != nil:
		a.Kind, a.PatternArg, a.HandlerArg = Route, 0, 1
	case (name == "Group" || name == "Mount") && returnsRouter && ps.Len() == 0:
		a.Kind = Group
	case (name == "Group" || name == "Mount") && returnsRouter && ps.Len() == 1 && isStringType(ps.At(0).Type()):
		a.Kind, a.PatternArg = Group, 0
	case (name == "Route" || name == "Group") && ps.Len() == 1 && res.Len() == 0:
		f, ok := ps.At(0).Type().Underlying().(*types.Signature)
		if !ok || f.Params().Len() != 1 || !sameNamed(f.Params().At(0).Type(), sig.Recv().Type()) {
			return nil
		}
		a.Kind, a.FuncArg = GroupFn, 0
	default:
		return nil
	}
	return &a
}

// sameNamed reports whether x and y are the same named type, or
// pointers to it, whatever their type arguments.
func sameNamed(x, y types.Type) bool {
	nx, ny := namedOfAny(x), namedOfAny(y)
	return nx != nil && ny != nil && nx.Origin() == ny.Origin()
}

// funcsFrom reports whether the parameters of sig from i on are
// middlewares: functions, or values of a named type (pocketbase's
// *hook.Handler[T], a struct holding the function), never a string.
func funcsFrom(sig *types.Signature, i int) bool {
	ps := sig.Params()
	for ; i < ps.Len(); i++ {
		t := ps.At(i).Type()
		if sig.Variadic() && i == ps.Len()-1 {
			t = t.(*types.Slice).Elem()
		}
		if isStringType(t) {
			return false
		}
		if _, fn := t.Underlying().(*types.Signature); !fn && namedOfAny(t) == nil {
			return false
		}
	}
	return true
}

func namedOfAny(t types.Type) *types.Named {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, _ := t.(*types.Named)
	return n
}

// DeclaresShaped reports whether pkg declares a router known by its
// shape: a package importing it may register routes naming no router of
// the table.
func DeclaresShaped(pkg *types.Package) bool {
	if pkg == nil || tablePackage(pkg.Path()) {
		return false
	}
	if v, ok := declMemo.Load(pkg); ok {
		return v.(bool)
	}
	found := false
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() && IsShapedRouter(tn.Type()) {
			found = true
			break
		}
	}
	declMemo.Store(pkg, found)
	return found
}

var declMemo sync.Map // *types.Package -> bool
