package program

import (
	"go/ast"
	"go/types"
	"maps"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/codekind"
	"github.com/sqlheat/sqlheat/internal/httpapi"
)

// RPC interceptors.
//
// An RPC server runs its interceptors around every procedure it serves:
// gRPC's, handed to grpc.NewServer as grpc.UnaryInterceptor(f),
// ChainUnaryInterceptor(f, g), StreamInterceptor or
// ChainStreamInterceptor; connect's, handed to the generated handlers'
// constructors as connect.WithInterceptors(i, ...), each a value whose
// WrapUnary (and WrapStreamingHandler) returns the function that runs
// per request, or a connect.UnaryInterceptorFunc. That is where services
// authenticate — a session or API key looked up per request — so a
// procedure's route runs the interceptors' queries before its method's.
//
// Which server or handler an option reaches is a matter of values the
// code builds at start; a program builds one server, or several with the
// same interceptors, so every procedure route of a framework gets the
// interceptors of every such call of the module (not of a client's
// grpc.WithUnaryInterceptor, a DialOption). grpc-gateway's in-process
// handlers call the implementation directly, bypassing gRPC's
// interceptors: they get none.

// interceptorAPIs are the outside functions whose arguments are a
// server's interceptors, by framework.
var interceptorAPIs = map[string]string{
	"google.golang.org/grpc.UnaryInterceptor":         httpapi.GRPC,
	"google.golang.org/grpc.ChainUnaryInterceptor":    httpapi.GRPC,
	"google.golang.org/grpc.StreamInterceptor":        httpapi.GRPC,
	"google.golang.org/grpc.ChainStreamInterceptor":   httpapi.GRPC,
	"connectrpc.com/connect.WithInterceptors":         httpapi.Connect,
	"github.com/bufbuild/connect-go.WithInterceptors": httpapi.Connect,
}

// connectWraps are the methods of a connect interceptor whose results run
// per request a handler serves (WrapStreamingClient wraps a client's).
var connectWraps = []string{"WrapUnary", "WrapStreamingHandler"}

// Interceptors are the module functions every request of a procedure of
// framework fw runs around its method (see above), computed once.
func (p *Program) Interceptors(fw string) []*Func {
	if p.icpt == nil {
		p.icpt = p.interceptors()
	}
	return p.icpt[fw]
}

func (p *Program) interceptors() map[string][]*Func {
	out := map[string][]*Func{}
	add := func(fw string, fs ...*Func) {
		for _, f := range fs {
			if f != nil && !slices.Contains(out[fw], f) {
				out[fw] = append(out[fw], f)
			}
		}
	}
	for _, path := range slices.Sorted(maps.Keys(p.pkgs)) {
		pkg := p.pkgs[path]
		info := pkg.TypesInfo
		for _, file := range pkg.Syntax {
			if codekind.TestFile(pkg.Fset.File(file.Pos()).Name()) {
				continue
			}
			ast.Inspect(file, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				fn, _ := typeutil.Callee(info, call).(*types.Func)
				if fn == nil {
					return true
				}
				fw, ok := interceptorAPIs[fn.FullName()]
				if !ok {
					return true
				}
				for _, arg := range call.Args {
					if fw == httpapi.GRPC {
						add(fw, p.interceptorFuncs(info, arg)...)
					} else {
						add(fw, p.connectInterceptor(info, arg)...)
					}
				}
				return true
			})
		}
	}
	for fw := range out {
		slices.SortFunc(out[fw], func(a, b *Func) int {
			if p.less(a, b) {
				return -1
			}
			return 1
		})
	}
	return out
}

// interceptorFuncs are the functions an interceptor argument runs per
// request: the function it names or writes out, or the closures a
// module function called there returns (auth.Unary(db)).
func (p *Program) interceptorFuncs(info *types.Info, e ast.Expr) []*Func {
	if f := p.funcExpr(info, e); f != nil {
		return []*Func{f}
	}
	if fs := p.returnedClosures(info, e); fs != nil {
		return fs
	}
	// An interceptor another module makes from the module's functions
	// (go-grpc-middleware's auth.UnaryServerInterceptor(authenticate)):
	// it runs them per request.
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || p.Func(typeutil.StaticCallee(info, call)) != nil {
		return nil
	}
	var out []*Func
	for _, a := range call.Args {
		if f := p.funcExpr(info, a); f != nil {
			out = append(out, f)
		}
	}
	return out
}

// connectInterceptor are the functions a connect interceptor runs per
// request: what its WrapUnary and WrapStreamingHandler return, for a
// value of a module type; what the function converted to a
// connect.UnaryInterceptorFunc returns.
func (p *Program) connectInterceptor(info *types.Info, e ast.Expr) []*Func {
	e = ast.Unparen(e)
	if conv, ok := e.(*ast.CallExpr); ok && len(conv.Args) == 1 {
		if tv, ok := info.Types[conv.Fun]; ok && tv.IsType() {
			var out []*Func
			for _, f := range p.interceptorFuncs(info, conv.Args[0]) {
				out = append(out, f.returns...)
			}
			return out
		}
	}
	t := info.TypeOf(e)
	if t == nil {
		return nil
	}
	var out []*Func
	for _, name := range connectWraps {
		obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
		m, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		if f := p.Func(m); f != nil {
			out = append(out, f.returns...)
		}
	}
	return out
}
