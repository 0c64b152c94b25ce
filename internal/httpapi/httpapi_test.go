package httpapi

import (
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/internal/testenv"
)

// load type-checks packages of the stubs and of testdata/src in GOPATH
// mode, as analysistest does.
func load(t *testing.T, paths ...string) []*packages.Package {
	t.Helper()
	dir := testenv.Tree(t, "testdata")
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOFLAGS=", "GOPROXY=off"),
	}
	pkgs, err := packages.Load(cfg, paths...)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	return pkgs
}

// TestShapes checks HandlerSig and IsMiddlewareSig against the functions
// of testdata/src/shapes, each followed by a comment giving the answer.
func TestShapes(t *testing.T) {
	t.Parallel()
	pkg := load(t, "shapes")[0]
	n := 0
	for _, f := range pkg.Syntax {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			want := trailingComment(pkg, f, fd)
			sig := pkg.TypesInfo.Defs[fd.Name].Type().(*types.Signature)
			got := HandlerSig(sig)
			if IsMiddlewareSig(sig) {
				got = "middleware"
			}
			if got == "" {
				got = "-"
			}
			if got != want {
				t.Errorf("%s: got %s, want %s", fd.Name.Name, got, want)
			}
			n++
		}
	}
	if n < 20 {
		t.Fatalf("only %d functions checked", n)
	}
}

func trailingComment(pkg *packages.Package, f *ast.File, fd *ast.FuncDecl) string {
	line := pkg.Fset.Position(fd.End()).Line
	for _, cg := range f.Comments {
		if pkg.Fset.Position(cg.Pos()).Line == line && cg.Pos() > fd.End() {
			return strings.TrimSpace(strings.TrimPrefix(cg.List[0].Text, "//"))
		}
	}
	return "?"
}

// TestTable checks every entry of the router table against the stubs,
// whose signatures mirror the real packages: the function exists, and
// each argument the entry names is a parameter of the right type. A
// wrong index would read a handler as a pattern.
func TestTable(t *testing.T) {
	t.Parallel()
	var paths []string
	byPkg := map[string][]key{}
	for k := range apis() {
		if len(byPkg[k.pkg]) == 0 {
			paths = append(paths, k.pkg)
		}
		byPkg[k.pkg] = append(byPkg[k.pkg], k)
	}
	sort.Strings(paths)
	for _, pkg := range load(t, paths...) {
		keys := byPkg[pkg.PkgPath]
		delete(byPkg, pkg.PkgPath)
		for _, k := range keys {
			fn := find(pkg.Types, k)
			if fn == nil {
				t.Errorf("%s.%s.%s: not in the package", k.pkg, k.recv, k.name)
				continue
			}
			checkArgs(t, fn, table[k])
		}
	}
	for p := range byPkg {
		t.Errorf("%s: not loaded", p)
	}
}

// find is the function or method a table key names.
func find(pkg *types.Package, k key) *types.Func {
	obj := pkg.Scope().Lookup(k.recv)
	if k.recv == "" {
		obj = pkg.Scope().Lookup(k.name)
		fn, _ := obj.(*types.Func)
		return fn
	}
	if obj == nil {
		return nil
	}
	t := obj.Type()
	if !types.IsInterface(t) {
		t = types.NewPointer(t)
	}
	m, _, _ := types.LookupFieldOrMethod(t, false, pkg, k.name)
	fn, _ := m.(*types.Func)
	if fn != nil && RecvName(fn) != k.recv {
		return nil // promoted from an embedded type: keyed by that type's name instead
	}
	return fn
}

func checkArgs(t *testing.T, fn *types.Func, a *API) {
	t.Helper()
	sig := fn.Type().(*types.Signature)
	param := func(i int) types.Type {
		if i >= sig.Params().Len()-1 && sig.Variadic() {
			return sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice).Elem()
		}
		if i >= sig.Params().Len() {
			return nil
		}
		return sig.Params().At(i).Type()
	}
	isAny := func(t types.Type) bool {
		i, ok := t.Underlying().(*types.Interface)
		return ok && i.Empty()
	}
	isString := func(t types.Type) bool {
		b, ok := t.Underlying().(*types.Basic)
		return ok && b.Kind() == types.String
	}
	check := func(what string, i int, ok func(types.Type) bool) {
		if i < 0 {
			return
		}
		if p := param(i); p == nil || !ok(p) {
			t.Errorf("%s: argument %d is not a %s (%v)", fn.FullName(), i, what, p)
		}
	}
	check("method", a.MethodArg, func(t types.Type) bool {
		s, ok := t.(*types.Slice)
		return isString(t) || ok && isString(s.Elem())
	})
	check("pattern", a.PatternArg, isString)
	check("router", a.RouterArg, func(t types.Type) bool {
		return IsRouterType(t) || types.IsInterface(t) // humago's Mux, an interface a ServeMux implements
	})
	check("operation", a.OperationArg, func(t types.Type) bool {
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return false
		}
		var method, path bool
		for i := 0; i < st.NumFields(); i++ {
			method = method || st.Field(i).Name() == "Method"
			path = path || st.Field(i).Name() == "Path"
		}
		return method && path
	})
	check("handler", a.HandlerArg, func(t types.Type) bool {
		_, fn := t.Underlying().(*types.Signature)
		return IsHandlerType(t) || isAny(t) || a.AnyHandler && fn || a.Kind == Mount && IsRouterType(t) || // fiber mounts an *App
			a.Kind == Controller && types.IsInterface(t) // beego's ControllerInterface
	})
	check("middleware", a.MiddlewareArg, func(t types.Type) bool {
		return IsHandlerType(t) || IsMiddlewareType(t) || isAny(t)
	})
	check("func(Router)", a.FuncArg, func(t types.Type) bool {
		s, ok := t.Underlying().(*types.Signature)
		return ok && s.Params().Len() == 1 && IsRouterType(s.Params().At(0).Type())
	})
	if a.OptionArg >= 0 && (!sig.Variadic() || a.OptionArg != sig.Params().Len()-1) {
		t.Errorf("%s: options %d are not its variadic parameter", fn.FullName(), a.OptionArg)
	}
	switch a.Kind {
	case New, Group, With, Prefix, Fluent:
		if sig.Results().Len() != 1 || !IsRouterType(sig.Results().At(0).Type()) {
			t.Errorf("%s: returns no router", fn.FullName())
		}
	case RouteFn: // chi's returns the sub-router, bunrouter's WithGroup nothing
		if sig.Results().Len() > 1 || sig.Results().Len() == 1 && !IsRouterType(sig.Results().At(0).Type()) {
			t.Errorf("%s: returns something other than a router", fn.FullName())
		}
	case Option:
		if sig.Recv() != nil || sig.Results().Len() != 1 || !isOption(sig.Results().At(0).Type()) {
			t.Errorf("%s: is not an option constructor", fn.FullName())
		}
	case Route:
		if a.HandlerArg < 0 && a.Files == "" {
			t.Errorf("%s: a route without a handler", fn.FullName())
		}
		if a.Files != "" && a.HandlerArg >= 0 {
			t.Errorf("%s: a route serving files takes no handler", fn.FullName())
		}
	}
	if a.Chain && !sig.Variadic() {
		t.Errorf("%s: a chain of handlers needs a variadic parameter", fn.FullName())
	}
}

// isOption matches the options New and NewGroup take: an interface
// whose method set a router's configuration applies (bunrouter's), or a
// function that applies it to the router (kratos' ServerOption).
func isOption(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || !strings.HasSuffix(n.Obj().Name(), "Option") {
		return false
	}
	_, fn := n.Underlying().(*types.Signature)
	return types.IsInterface(n) || fn
}

// TestContextMethods checks the request-context methods against the
// stubs: each is a method of a request carrier, and returns a carrier.
func TestContextMethods(t *testing.T) {
	t.Parallel()
	var paths []string
	for k := range contextMethods {
		paths = append(paths, k.pkg)
	}
	sort.Strings(paths)
	byPath := map[string]*types.Package{}
	for _, p := range load(t, paths...) {
		byPath[p.PkgPath] = p.Types
	}
	for k, from := range contextMethods {
		fn := find(byPath[k.pkg], k)
		if fn == nil {
			t.Errorf("%s.%s.%s: not in the package", k.pkg, k.recv, k.name)
			continue
		}
		sig := fn.Type().(*types.Signature)
		if !CarriesRequest(sig.Recv().Type()) {
			t.Errorf("%s: its receiver carries no request", fn.FullName())
		}
		if sig.Results().Len() != 1 || !CarriesRequest(sig.Results().At(0).Type()) {
			t.Errorf("%s: returns no request carrier", fn.FullName())
		}
		if from >= 0 && (from >= sig.Params().Len() || !CarriesRequest(sig.Params().At(from).Type())) {
			t.Errorf("%s: argument %d carries no context", fn.FullName(), from)
		}
	}
}

// TestCarriers checks CarriesRequest on the parameters of functions of
// testdata/src/shapes: an application's context that embeds a
// framework's carries the request, one that names it as a field does not.
func TestCarriers(t *testing.T) {
	t.Parallel()
	pkg := load(t, "shapes")[0]
	for name, want := range map[string]bool{
		"Echo": true, "Gin": true, "Bun": true, "EchoApp": true, "GinApp": true,
		"EchoAppValue": false, "EchoHolder": false, "Config": false, "Kratos": true, "KratosPointer": false,
	} {
		fn, _ := pkg.Types.Scope().Lookup(name).(*types.Func)
		if fn == nil {
			t.Fatalf("%s: not in shapes", name)
		}
		params := fn.Type().(*types.Signature).Params()
		if got := CarriesRequest(params.At(params.Len() - 1).Type()); got != want {
			t.Errorf("%s: CarriesRequest of its last parameter = %v, want %v", name, got, want)
		}
	}
}

// TestShaped checks what Shaped reads of the methods and functions of
// testdata/src/shaped, each followed by a comment giving the answer:
// routers known by their shape, and look-alikes that are none (an HTTP
// client's verbs, a cache's, callbacks of no argument, verbs of
// different handler types).
func TestShaped(t *testing.T) {
	t.Parallel()
	pkg := load(t, "shaped")[0]
	n := 0
	for _, f := range pkg.Syntax {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			want := trailingComment(pkg, f, fd)
			got := describeShaped(Shaped(pkg.TypesInfo.Defs[fd.Name].(*types.Func)))
			if got != want {
				t.Errorf("%s: Shaped reads %q, want %q", fd.Name.Name, got, want)
			}
			n++
		}
	}
	if n < 30 {
		t.Errorf("checked %d functions", n)
	}
}

func describeShaped(a *API) string {
	if a == nil {
		return "-"
	}
	switch a.Kind {
	case Route:
		switch {
		case a.Chain:
			return "route " + a.Method + " chain"
		case a.MiddlewareArg >= 0:
			return "route " + a.Method + " mws"
		case a.MethodArg >= 0:
			return "route method-arg"
		case a.Method == "":
			return "route pattern"
		}
		return "route " + a.Method
	case Group:
		if a.MiddlewareArg >= 0 {
			return "group mws"
		}
		return "group"
	case RouteFn:
		return "routefn"
	case Use:
		return "use"
	case With:
		return "with"
	case Fluent:
		return "fluent"
	case New:
		return "new"
	}
	return "?"
}

func TestIsPathPattern(t *testing.T) {
	for p, want := range map[string]bool{
		"/x": true, "GET /by-id/{id...}": true, "POST  /new": true, "": true,
		"peer:created": false, "by-id/{id}": false, "GET by-name": false, "peer.deleted": false,
	} {
		if got := IsPathPattern(p); got != want {
			t.Errorf("IsPathPattern(%q) = %v, want %v", p, got, want)
		}
	}
}

// typeIs answers as comparing types.TypeString would, for the shapes it
// matches without writing the string and for the rest.
func TestTypeIs(t *testing.T) {
	pkg := types.NewPackage("net/http", "http")
	req := types.NewNamed(types.NewTypeName(token.NoPos, pkg, "Request", nil), types.NewStruct(nil, nil), nil)
	other := types.NewNamed(types.NewTypeName(token.NoPos, types.NewPackage("example.com/net/http", "http"), "Request", nil), types.NewStruct(nil, nil), nil)
	errType := types.Universe.Lookup("error").Type()
	for _, c := range []struct {
		t    types.Type
		want string
	}{
		{req, "net/http.Request"},
		{types.NewPointer(req), "*net/http.Request"},
		{other, "net/http.Request"},
		{types.NewPointer(other), "*net/http.Request"},
		{req, "*net/http.Request"},
		{types.NewPointer(req), "net/http.Request"},
		{req, "net/http.Requests"},
		{req, "net/htt.Request"},
		{errType, "error"},
		{types.Typ[types.String], "string"},
		{types.Typ[types.String], "error"},
		{types.NewSlice(req), "[]net/http.Request"},
		{types.NewSlice(req), "[]net/http.Requests"},
	} {
		want := types.TypeString(c.t, nil) == c.want
		if got := typeIs(c.t, c.want); got != want {
			t.Errorf("typeIs(%s, %q) = %v, want %v", types.TypeString(c.t, nil), c.want, got, want)
		}
	}
}
