package routes

import (
	"go/ast"
	"go/types"

	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/internal/httppattern"
)

// A server serving a handler that is no router is one route that takes
// every path and method:
//
//	handler, err := getHandler(conf) // joinserver.NewHandler(cfg), wrapped
//	server := http.Server{Handler: handler, Addr: bind}
//	go func() { server.ListenAndServe() }()
//
// (http.ListenAndServe(addr, h), ListenAndServeTLS, Serve and ServeTLS
// alike; one server served either way is one route), when its handler
// is a library's handler made from the module's functions: made by a
// constructor's call (Handler.Made), which the standalone driver's graph
// says is, or returns, a handler made outside the module from functions
// the module hands it (Route.Served; program.MadeOutside). The route
// runs those functions; its pattern is "/" under the server's address
// when that is a constant ("localhost:8080/"). A server whose handler is
// a router (or a router wrapped in middlewares, or a value of the
// module's whose constructor another package declares and the graph does
// not see made outside) serves the router's routes, which are their own
// registrations; one with no handler serves http.DefaultServeMux's; one
// whose handler is a parameter, a field, or a value of an interface's
// method, is not known here; one whose handler is made from nothing of
// the module (promhttp.Handler()) or wraps a closure of its own (a
// dispatcher in front of routers) runs nothing the module's routes do
// not: none is a route.

// servedServers adds the route of each server of this package serving a
// handler that is no router.
func (a *analyzer) servedServers() {
	info := a.pass.TypesInfo
	served := map[ast.Expr]bool{}
	for _, f := range a.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn := a.callee(call)
			if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" {
				return true
			}
			var h, addr ast.Expr
			sig := fn.Type().(*types.Signature)
			if sig.Recv() == nil {
				switch fn.Name() {
				case "ListenAndServe", "Serve", "ServeTLS":
					if len(call.Args) > 1 {
						h = call.Args[1]
					}
				case "ListenAndServeTLS":
					if len(call.Args) > 3 {
						h = call.Args[3]
					}
				default:
					return true
				}
				if fn.Name() == "ListenAndServe" || fn.Name() == "ListenAndServeTLS" {
					addr = call.Args[0]
				}
			} else {
				switch fn.Name() {
				case "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS":
				default:
					return true
				}
				if named, ok := derefType(sig.Recv().Type()).(*types.Named); !ok || named.Obj().Name() != "Server" {
					return true
				}
				lit := a.serverLit(recvExpr(call))
				if lit == nil {
					return true
				}
				h, addr = a.field(lit, "Handler"), a.field(lit, "Addr")
			}
			if h == nil || isNil(info, h) || a.isRouter(h) || a.unknownHandler(h, 0) {
				return true
			}
			handler, mws := a.handlerOf(h, 0)
			if !handler.Made.IsValid() || handler.Func == nil {
				return true // not made by a call: a closure of its own, a value
			}
			if lit := a.serverLit(recvExpr(call)); lit != nil {
				if served[lit] {
					return true // the same server, served another way (TLS or not)
				}
				served[lit] = true
			}
			pattern := "/"
			if addr != nil {
				if s, ok := a.constOf(addr); ok && s != "" {
					pattern = s + "/"
				}
			}
			a.routes = append(a.routes, &Route{
				Method:      httppattern.AnyMethod,
				Pattern:     pattern,
				Key:         key(httppattern.AnyMethod, pattern, true),
				Framework:   httpapi.NetHTTP,
				Pos:         call.Pos(),
				Registered:  true,
				Handler:     handler,
				Middlewares: mws,
				Served:      true,
				path:        pattern,
			})
			return true
		})
	}
}

// serverLit is the http.Server literal a server's receiver is: in place
// (&http.Server{...}), or a local variable's only value.
func (a *analyzer) serverLit(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	if id, ok := e.(*ast.Ident); ok {
		v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok || v.IsField() || a.isParam(v) || len(a.writes[v]) != 1 {
			return nil
		}
		e = ast.Unparen(a.writes[v][0])
		if u, ok := e.(*ast.UnaryExpr); ok {
			e = ast.Unparen(u.X)
		}
	}
	if _, ok := e.(*ast.CompositeLit); !ok {
		return nil
	}
	return e
}

// unknownHandler reports whether a served handler's value is not known
// here: a parameter, a field, a value an interface's method returns, or
// a variable holding one of these.
func (a *analyzer) unknownHandler(e ast.Expr, depth int) bool {
	info := a.pass.TypesInfo
	if depth > maxHandlerDepth {
		return true
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		if a.isParam(v) || len(a.writes[v]) != 1 {
			return true
		}
		return a.unknownHandler(a.writes[v][0], depth+1)
	case *ast.SelectorExpr:
		if s, ok := info.Selections[x]; ok && s.Kind() == types.FieldVal {
			return true
		}
	case *ast.CallExpr:
		if fn := a.callee(x); fn != nil && isInterfaceMethod(fn) {
			return true
		}
	}
	return false
}
