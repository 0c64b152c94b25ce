package routes

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"

	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/passes/config"
)

// mayRPC reports whether pkg imports a package that imports an RPC
// runtime (see httpapi.RPCPackages): the generated package of a service
// whose implementation pkg may register.
func mayRPC(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		for _, dep := range imp.Imports() {
			for _, p := range httpapi.RPCPackages {
				if dep.Path() == p {
					return true
				}
			}
		}
	}
	return false
}

// registerRPC makes the routes of the package's calls that register an
// implementation of a generated RPC service (httpapi.RPCRegistration):
// one per method of the service that the value registered implements,
// named by its procedure ("POST /pkg.Service/Method"), its handler the
// implementation's method, found through the value's method set (a
// method promoted from an embedded struct too). A procedure is one
// route, however many protocols serve it (grpc, its gateway and connect
// registering the same implementation): one request runs it once.
//
// Not routes: methods the value has only from the generated package (an
// embedded UnimplementedXServer answers "unimplemented"). A value of an
// interface type (a constructor returning XServer) makes the routes of
// every method, the interface's, which the standalone driver's graph
// resolves to the module's implementations, and drops those that have
// none. Registrations in tests serve the tests. A gateway's registration
// whose generated file registers paths (gateway: the calls
// registerGateway made routes of) serves those paths, not procedures.
func (a *analyzer) registerRPC(gateway map[*ast.CallExpr]bool) {
	info := a.pass.TypesInfo
	type registration struct {
		call *ast.CallExpr
		reg  *httpapi.Registration
		t    types.Type
	}
	var concrete, abstract []registration
	for c := range config.Inspector(a.pass).Root().Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		reg := httpapi.RPCRegistration(a.callee(call))
		if reg == nil || gateway[call] || reg.Arg >= len(call.Args) || isTestFile(a.pass.Fset, call.Pos()) || !a.generated(reg.Service.Obj()) {
			continue
		}
		switch t := info.TypeOf(call.Args[reg.Arg]); {
		case t == nil:
		case types.IsInterface(t):
			abstract = append(abstract, registration{call, reg, t})
		default:
			concrete = append(concrete, registration{call, reg, t})
		}
	}
	// A procedure's route is its implementation's, where the package
	// names it, before the interface's.
	seen := map[string]bool{}
	for _, r := range append(concrete, abstract...) {
		call, reg, t := r.call, r.reg, r.t
		for _, m := range reg.Methods {
			// The route is where its method is declared when that is in
			// this package (else at the registration): where a user looks
			// for what serves it. A value of an interface type has the
			// interface's method, which the whole-program graph resolves
			// to the module's implementations.
			impl, pos := m, call.Pos()
			if !types.IsInterface(t) {
				obj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
				fn, ok := obj.(*types.Func)
				if !ok || fn.Pkg() == reg.Service.Obj().Pkg() {
					continue // the generated stub's
				}
				impl, pos = fn, call.Pos()
				if a.decls[fn.Origin()] != nil {
					pos = fn.Pos()
				}
			}
			proc := reg.Procedure(m.Name(), func() string { return a.serviceName(reg.Service.Obj()) })
			if seen[proc] {
				continue
			}
			seen[proc] = true
			a.routes = append(a.routes, &Route{
				Method:     httpapi.RPCMethod,
				Pattern:    proc,
				Key:        key(httpapi.RPCMethod, proc, true),
				Framework:  reg.Framework,
				Pos:        pos,
				Registered: true,
				Handler:    a.declared(impl),
			})
		}
	}
}

// serviceName is the full name of the grpc service whose interface is
// iface ("pkg.Service"), from the ServiceDesc its file declares
// (grpc.ServiceDesc{ServiceName: "pkg.Service", HandlerType:
// (*ServiceServer)(nil)}); "" when the file has none or cannot be read.
// Generators that declare the procedures' names as constants are not
// asked (see httpapi.Registration.Procedure); older ones declare only
// this.
func (a *analyzer) serviceName(iface *types.TypeName) string {
	if name, ok := a.services[iface]; ok {
		return name
	}
	if a.services == nil {
		a.services = map[*types.TypeName]string{}
	}
	a.services[iface] = ""
	f := a.pass.Fset.File(iface.Pos())
	if f == nil {
		return ""
	}
	file, err := parser.ParseFile(token.NewFileSet(), f.Name(), nil, parser.SkipObjectResolution)
	if err != nil {
		return ""
	}
	ast.Inspect(file, func(n ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if !ok {
			return true
		}
		var name string
		var handles bool
		for _, e := range lit.Elts {
			kv, ok := e.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			switch k, _ := kv.Key.(*ast.Ident); {
			case k == nil:
			case k.Name == "ServiceName":
				if b, ok := kv.Value.(*ast.BasicLit); ok && b.Kind == token.STRING {
					name, _ = strconv.Unquote(b.Value)
				}
			case k.Name == "HandlerType":
				ast.Inspect(kv.Value, func(n ast.Node) bool {
					if id, ok := n.(*ast.Ident); ok && id.Name == iface.Name() {
						handles = true
					}
					return !handles
				})
			}
		}
		if name != "" && handles {
			a.services[iface] = name
		}
		return a.services[iface] == ""
	})
	return a.services[iface]
}

// generated reports whether obj is declared in a generated file ("Code
// generated ... DO NOT EDIT." before its package clause). The file of an
// imported package is read from disk, its header only; one that cannot be
// read (a build that keeps no sources) is taken as generated: the
// registration's signature, with the runtime's types around the
// interface, already says what it is.
func (a *analyzer) generated(obj types.Object) bool {
	f := a.pass.Fset.File(obj.Pos())
	if f == nil {
		return true
	}
	name := f.Name()
	if g, ok := a.genFiles[name]; ok {
		return g
	}
	g := true
	if file, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.PackageClauseOnly|parser.ParseComments); err == nil {
		g = ast.IsGenerated(file)
	}
	if a.genFiles == nil {
		a.genFiles = map[string]bool{}
	}
	a.genFiles[name] = g
	return g
}
