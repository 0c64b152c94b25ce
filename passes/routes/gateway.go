package routes

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/passes/config"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// Gateway says how a grpc-gateway route reaches the code that serves it.
type Gateway struct {
	// Procedure is the full name of the gRPC method the path serves
	// ("/pkg.Service/Method").
	Procedure string
	// InProcess: the gateway calls the implementation it was handed
	// (RegisterXHandlerServer), the route's handler. Otherwise it
	// forwards the request over gRPC (RegisterXHandlerClient,
	// RegisterXHandler, RegisterXHandlerFromEndpoint): the route is
	// served by whichever server implements the procedure, which the
	// standalone driver looks for among the program's grpc routes.
	InProcess bool
	// Registration names the generated function that registered it.
	Registration string
}

// registerGateway makes the routes of the package's calls of generated
// grpc-gateway registrations (see httpapi.GatewayFile): one per path the
// generated file registers on the mux, with its method and path template,
// served by the method the gateway calls. In process, the implementation
// handed to the registration serves it (as registerRPC finds its methods);
// over gRPC, the route's handler is the client's method, and
// Route.Gateway names the procedure for the driver to find its server.
// The calls whose generated file registers paths are returned: what they
// serve is those paths alone, not the service's procedures.
//
// The gateway's mux matches the request's whole path, so a mux mounted
// on another router (chi's Mount, http.Handle("/api/", gw)) serves its
// paths as the file writes them.
func (a *analyzer) registerGateway() map[*ast.CallExpr]bool {
	done := map[*ast.CallExpr]bool{}
	called := map[*ast.Ident]bool{}
	for c := range config.Inspector(a.pass).Root().Preorder((*ast.CallExpr)(nil), (*ast.Ident)(nil)) {
		var id *ast.Ident
		var call *ast.CallExpr
		switch n := c.Node().(type) {
		case *ast.CallExpr:
			call = n
			switch f := ast.Unparen(n.Fun).(type) {
			case *ast.Ident:
				id = f
			case *ast.SelectorExpr:
				id = f.Sel
			}
			if id == nil {
				continue
			}
			called[id] = true
		case *ast.Ident:
			if called[n] {
				continue // seen as its call's
			}
			id = n
		}
		fn, _ := a.pass.TypesInfo.Uses[id].(*types.Func)
		if !httpapi.IsGatewayRegistration(fn) || fn.Pkg() == a.pass.Pkg || isTestFile(a.pass.Fset, id.Pos()) || !a.generated(fn) {
			continue // (the generated package's registrations calling one another register nothing yet)
		}
		g := a.gatewayFile(fn, id.Pos())
		if g == nil {
			continue
		}
		paths, skipped := g.Paths(fn.Name())
		if skipped > 0 {
			a.unread = append(a.unread, Unread{Pos: id.Pos(), Message: fmt.Sprintf("grpc-gateway: %d of the paths %s registers not read from %s (a pattern or handler the generator's code does not match): their routes are missing", skipped, fn.Name(), filepath.Base(a.pass.Fset.File(fn.Pos()).Name()))})
		}
		for _, p := range paths {
			// A registration handed on as a value (register(ctx, client,
			// pb.RegisterXHandlerClient)) is called elsewhere, with
			// arguments not seen here: its paths that go out over gRPC
			// need none.
			if r := a.gatewayRoute(call, id, fn, p); r != nil {
				a.routes = append(a.routes, r)
				if call != nil {
					done[call] = true
				}
			}
		}
	}
	return done
}

// gatewayRoute is the route of one path of a registration call (nil
// call: a reference to the registration as a value, at id); nil when the
// service's package does not declare the method the path calls, or the
// implementation handed in process is not known here or has only the
// generated stub's.
func (a *analyzer) gatewayRoute(call *ast.CallExpr, id *ast.Ident, fn *types.Func, p httpapi.GatewayPath) *Route {
	tn, ok := fn.Pkg().Scope().Lookup(p.Interface).(*types.TypeName)
	if !ok || !types.IsInterface(tn.Type()) {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(tn.Type(), false, fn.Pkg(), p.Call)
	m, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	gw := &Gateway{Procedure: p.Procedure, Registration: queries.FuncName(fn)}
	if gw.Procedure == "" {
		gw.Procedure = a.gatewayProcedure(tn, p.Call)
	}
	r := &Route{
		Method:     p.Method,
		Pattern:    p.Path,
		Key:        key(p.Method, p.Path, true),
		Framework:  httpapi.GRPCGateway,
		Pos:        id.Pos(),
		Registered: true,
		Gateway:    gw,
	}
	if !httpapi.IsRPCSig(m.Type().(*types.Signature)) {
		// A client's method (its call options make it variadic): the
		// request goes out over gRPC.
		r.Handler = &Handler{Name: queries.FuncName(m)}
		return r
	}
	gw.InProcess = true
	if call == nil {
		return nil
	}
	r.Pos = call.Pos()
	sig := fn.Type().(*types.Signature)
	for i := range sig.Params().Len() {
		if i >= len(call.Args) || !types.Identical(sig.Params().At(i).Type(), tn.Type()) {
			continue
		}
		t := a.pass.TypesInfo.TypeOf(call.Args[i])
		if t == nil {
			return nil
		}
		if types.IsInterface(t) {
			r.Handler = a.declared(m) // the driver's graph finds the module's implementations
			return r
		}
		obj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
		impl, ok := obj.(*types.Func)
		if !ok || impl.Pkg() == fn.Pkg() {
			return nil // the generated stub's: the gateway answers "unimplemented"
		}
		r.Handler = a.declared(impl)
		return r
	}
	return nil
}

// gatewayProcedure is the full name of the service's method call, when
// the gateway's code does not write it: as registerRPC names it, from the
// server interface of the service whose server or client iface is.
func (a *analyzer) gatewayProcedure(iface *types.TypeName, method string) string {
	short := iface.Name()
	for _, suffix := range []string{"Server", "Client"} {
		if s, ok := strings.CutSuffix(short, suffix); ok && s != "" {
			short = s
			break
		}
	}
	var named *types.Named
	if server, ok := iface.Pkg().Scope().Lookup(short + "Server").(*types.TypeName); ok {
		named, _ = types.Unalias(server.Type()).(*types.Named)
	}
	if named == nil {
		return "/" + short + "/" + method
	}
	reg := &httpapi.Registration{Framework: httpapi.GRPC, Service: named}
	return reg.Procedure(method, func() string { return a.serviceName(named.Obj()) })
}

// gatewayFile is the generated file that declares fn, read from disk
// once per package; nil when it cannot be read, which is said once (in
// unread, at the registration at).
func (a *analyzer) gatewayFile(fn *types.Func, at token.Pos) *httpapi.GatewayFile {
	f := a.pass.Fset.File(fn.Pos())
	if f == nil {
		return nil
	}
	name := f.Name()
	if g, ok := a.gwFiles[name]; ok {
		return g
	}
	if a.gwFiles == nil {
		a.gwFiles = map[string]*httpapi.GatewayFile{}
	}
	var g *httpapi.GatewayFile
	if file, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.SkipObjectResolution); err == nil {
		g = httpapi.NewGatewayFile(file)
	} else {
		a.unread = append(a.unread, Unread{Pos: at, Message: fmt.Sprintf("grpc-gateway: the paths %s registers are not known, its generated file not read: %v", fn.Name(), err)})
	}
	a.gwFiles[name] = g
	return g
}
