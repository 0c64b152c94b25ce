package program

import (
	"go/constant"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// gRPC between the programs of one module.
//
// A service split into programs that talk gRPC (a web front end calling
// its storage authority, an API gateway calling the services behind it)
// keeps both sides in one module: the front end's handler calls a
// generated client,
//
//	func (c *storageAuthorityClient) GetRegistration(ctx context.Context, in *RegistrationID, opts ...grpc.CallOption) (*Registration, error) {
//		out := new(Registration)
//		err := c.cc.Invoke(ctx, StorageAuthority_GetRegistration_FullMethodName, in, out, opts...)
//
// and the storage program serves "/sa.StorageAuthority/GetRegistration"
// with its implementation of the generated StorageAuthorityServer
// interface, which runs the queries. The call graph stops at Invoke, a
// call into grpc; grpcClients gives that call the module's
// implementations of the procedure's server method as callees, so the
// front end's routes show the queries a request makes the other program
// run, and a loop calling the client per item is the round trips (two
// per item: the RPC and the query) it is. The generated
// Unimplemented...Server types, which answer an error, are not
// implementations; a procedure nothing in the module implements is
// another program's, and the call stays a leaf.

// grpcClients links the generated clients' unary calls to the servers
// the module implements.
func (b *builder) grpcClients() {
	servers := map[string][]*Func{} // procedure -> implementations
	for fn := range b.funcs {
		if !b.generated(fn) || fn.Pkg == nil {
			continue
		}
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				ci, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				proc, ok := grpcInvoke(ci.Common())
				if !ok {
					continue
				}
				c := b.calls[ci]
				if c == nil || len(c.Callees) > 0 {
					continue
				}
				impls, seen := servers[proc]
				if !seen {
					impls = b.grpcServers(fn.Pkg.Pkg, proc)
					servers[proc] = impls
				}
				c.Callees = impls
				if len(impls) > 0 {
					c.RPC = proc
				}
			}
		}
	}
}

// grpcInvoke is the procedure ("/pkg.Service/Method") a call of grpc's
// Invoke names with a constant: through the ClientConnInterface the
// generated clients hold, or on a *grpc.ClientConn.
func grpcInvoke(cc *ssa.CallCommon) (string, bool) {
	var arg ssa.Value
	switch {
	case cc.IsInvoke():
		if cc.Method.Name() != "Invoke" || cc.Method.Pkg() == nil || cc.Method.Pkg().Path() != grpcPkg || len(cc.Args) < 2 {
			return "", false
		}
		arg = cc.Args[1] // ctx, method, ...
	default:
		fn := cc.StaticCallee()
		if fn == nil || fn.Name() != "Invoke" || fn.Pkg == nil || fn.Pkg.Pkg.Path() != grpcPkg || len(cc.Args) < 3 {
			return "", false
		}
		arg = cc.Args[2] // the receiver, ctx, method, ...
	}
	k, ok := arg.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return "", false
	}
	proc := constant.StringVal(k.Value)
	if !strings.HasPrefix(proc, "/") || strings.Count(proc, "/") != 2 {
		return "", false
	}
	return proc, true
}

const grpcPkg = "google.golang.org/grpc"

// grpcServers are the module's methods serving proc: those of the
// procedure's name whose receiver implements the Server interface that
// pkg, the generated client's package, declares for its service.
func (b *builder) grpcServers(pkg *types.Package, proc string) []*Func {
	service, method, _ := strings.Cut(strings.TrimPrefix(proc, "/"), "/")
	service = service[strings.LastIndex(service, ".")+1:]
	obj, ok := pkg.Scope().Lookup(service + "Server").(*types.TypeName)
	if !ok {
		return nil
	}
	iface, ok := obj.Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var out []*Func
	for _, f := range b.implementing(iface, method) {
		if fn := b.ssaOf(f); fn != nil && b.generated(fn) {
			continue // Unimplemented...Server (a wrapper promoting its method reaches no query)
		}
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return b.p.less(out[i], out[j]) })
	return out
}
