package httpapi

import (
	"go/constant"
	"go/types"
	"strings"
)

// RPC services are served through code generated from their .proto
// files: a registration function that takes the service's implementation
// as a value of a generated interface — grpc's RegisterXServer(s, srv),
// grpc-gateway's RegisterXHandlerServer(ctx, mux, srv), connect's
// NewXHandler(svc, opts...) — and routes each procedure to one method of
// it. No router call names a handler, so the table of routers cannot see
// them: each method of the interface, as the value registered implements
// it, is a request's entry point, as a handler is.

// RPC framework names, as routes report them.
const (
	GRPC        = "grpc"
	GRPCGateway = "grpc-gateway"
	Connect     = "connect"
)

// RPCMethod is the method of every RPC route: grpc, connect and the
// gateway's dispatch to the implementation all serve POST requests, and
// a procedure's path is what their logs and metrics name.
const RPCMethod = "POST"

// Import paths of the RPC runtimes whose types generated registrations
// name.
const (
	grpcPkg       = "google.golang.org/grpc"
	connectPkg    = "connectrpc.com/connect"
	connectOldPkg = "github.com/bufbuild/connect-go" // connect's path before v1
	gatewayPkg    = "github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	gatewayV1Pkg  = "github.com/grpc-ecosystem/grpc-gateway/runtime"
)

// RPCPackages are the runtimes whose import by a package it imports makes
// a package worth a look for RPC registrations: the generated package
// imports them, the package registering an implementation imports it.
var RPCPackages = []string{grpcPkg, connectPkg, connectOldPkg, gatewayPkg, gatewayV1Pkg}

// IsRPC reports whether routes of framework fw are RPC procedures.
func IsRPC(fw string) bool { return fw == GRPC || fw == GRPCGateway || fw == Connect }

// Registration is a call of a generated function that registers an
// implementation of an RPC service.
type Registration struct {
	Framework string
	// Arg is the argument that is the implementation.
	Arg int
	// Service is the generated interface the implementation satisfies;
	// Methods, its exported methods, all RPC-shaped.
	Service *types.Named
	Methods []*types.Func
}

// RPCRegistration recognizes a generated registration by its signature:
// a function of no receiver taking a named interface of RPC-shaped
// methods, with the runtime types of its framework around it —
//
//	func RegisterXServer(s grpc.ServiceRegistrar, srv XServer)              // or s *grpc.Server
//	func RegisterXHandlerServer(ctx context.Context, mux *runtime.ServeMux, server XServer) error
//	func NewXHandler(svc XHandler, opts ...connect.HandlerOption) (string, http.Handler)
//
// nil for any other function. Whether the interface is generated (its
// file says "Code generated ... DO NOT EDIT.") is for the caller to check:
// that needs the file.
func RPCRegistration(fn *types.Func) *Registration {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() != nil {
		return nil
	}
	if n := sig.Params().Len(); n != 2 && n != 3 {
		return nil // no registration's (a cheap test first: this sees every function called)
	}
	params, results := sig.Params(), sig.Results()
	param := func(i int, want ...string) bool { return typesIs(params.At(i).Type(), want...) }
	result := func(i int, want string) bool { return typeIs(types.Unalias(results.At(i).Type()), want) }
	var r *Registration
	switch {
	case params.Len() == 2 && results.Len() == 0 &&
		param(0, grpcPkg+".ServiceRegistrar", "*"+grpcPkg+".Server"):
		r = &Registration{Framework: GRPC, Arg: 1}
	case params.Len() == 3 && results.Len() == 1 && result(0, "error") && param(0, "context.Context") &&
		param(1, "*"+gatewayPkg+".ServeMux", "*"+gatewayV1Pkg+".ServeMux"):
		r = &Registration{Framework: GRPCGateway, Arg: 2}
	case params.Len() == 2 && sig.Variadic() && results.Len() == 2 && result(0, "string") && result(1, "net/http.Handler") &&
		param(1, "[]"+connectPkg+".HandlerOption", "[]"+connectOldPkg+".HandlerOption"):
		r = &Registration{Framework: Connect, Arg: 0}
	default:
		return nil
	}
	named, ok := types.Unalias(sig.Params().At(r.Arg).Type()).(*types.Named)
	if !ok {
		return nil
	}
	iface, ok := named.Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	for m := range iface.Methods() {
		if !m.Exported() {
			continue // grpc's mustEmbedUnimplementedXServer
		}
		if !IsRPCSig(m.Type().(*types.Signature)) {
			return nil
		}
		r.Methods = append(r.Methods, m)
	}
	if len(r.Methods) == 0 {
		return nil
	}
	r.Service = named
	return r
}

// Procedure is the full name of the RPC that method name of the service
// serves, "/pkg.Service/Method", as the generated package declares it
// (connect's XServiceMethodProcedure, grpc's XService_Method_FullMethodName
// constants, next to the interface); else from the service's full name
// when the caller knows it (older grpc generators declare it only in
// their ServiceDesc: service, asked only then, says it), else
// "/Service/Method" from the interface's name.
func (r *Registration) Procedure(method string, service func() string) string {
	short := r.Service.Obj().Name()
	suffix := "Server"
	if r.Framework == Connect {
		suffix = "Handler"
	}
	short = strings.TrimSuffix(short, suffix)
	scope := r.Service.Obj().Pkg().Scope()
	for _, name := range []string{short + method + "Procedure", short + "_" + method + "_FullMethodName"} {
		if c, ok := scope.Lookup(name).(*types.Const); ok && c.Val().Kind() == constant.String {
			return constant.StringVal(c.Val())
		}
	}
	if full := service(); full != "" {
		return "/" + full + "/" + method
	}
	return "/" + short + "/" + method
}

// IsRPCSig reports whether sig is the signature of a method of a
// generated service interface:
//
//	(context.Context, *Req) (*Resp, error)                                 // grpc, unary
//	(*Req, grpc.ServerStreamingServer[Resp]) error, (XService_MServer) error // grpc, streaming
//	(context.Context, *connect.Request[Req]) (*connect.Response[Resp], error)
//	(context.Context, *connect.Request[Req], *connect.ServerStream[Resp]) error
//	(context.Context, *connect.ClientStream[Req]) (*connect.Response[Resp], error)
//	(context.Context, *connect.BidiStream[Req, Resp]) error
func IsRPCSig(sig *types.Signature) bool {
	if sig == nil || sig.Variadic() {
		return false
	}
	ps, rs := sig.Params(), sig.Results()
	if rs.Len() == 0 || types.TypeString(rs.At(rs.Len()-1).Type(), nil) != "error" || rs.Len() > 2 {
		return false
	}
	if ps.Len() == 0 {
		return false
	}
	if types.TypeString(types.Unalias(ps.At(0).Type()), nil) == "context.Context" {
		if ps.Len() < 2 {
			return false
		}
		for i := 1; i < ps.Len(); i++ {
			if !isMessage(ps.At(i).Type()) {
				return false
			}
		}
		return rs.Len() == 1 || isMessage(rs.At(0).Type())
	}
	// grpc streaming: the stream last, the request before it (server
	// streaming), nothing else.
	if rs.Len() != 1 || ps.Len() > 2 || !isGRPCStream(ps.At(ps.Len()-1).Type()) {
		return false
	}
	return ps.Len() == 1 || isMessage(ps.At(0).Type())
}

// isMessage matches a pointer to a named struct: a generated message, or
// connect's Request, Response and streams.
func isMessage(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok {
		return false
	}
	_, ok = n.Underlying().(*types.Struct)
	return ok
}

// isGRPCStream matches a server's stream: a type whose RecvMsg is grpc's
// ServerStream's.
func isGRPCStream(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "RecvMsg")
	fn, ok := obj.(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == grpcPkg
}

// typesIs reports whether t (an alias taken for what it stands for) is
// one of the types wants spells, as types.TypeString writes them.
func typesIs(t types.Type, wants ...string) bool {
	t = types.Unalias(t)
	for _, w := range wants {
		if typeIs(t, w) {
			return true
		}
	}
	return false
}
