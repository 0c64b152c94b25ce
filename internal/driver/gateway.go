package driver

import (
	"fmt"

	"golang.org/x/tools/go/analysis/checker"

	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/passes/routes"
)

// rpcTable is the program's RPC procedures by full name ("/pkg.Service/Method"):
// the routes of the implementations its packages register on a gRPC
// server (or connect's handlers). A grpc-gateway that forwards a path
// over gRPC (routes.Gateway) is served by the implementation of its
// procedure, when the same program registers one: the gateway dials it.
type rpcTable map[string]*routes.Route

func newRPCTable(g *checker.Graph) rpcTable {
	t := rpcTable{}
	for act := range g.All() {
		res, ok := act.Result.(*routes.Result)
		if !ok || res == nil || !act.IsRoot || act.Package.ID != act.Package.PkgPath {
			continue
		}
		for _, r := range res.Routes {
			if httpapi.IsRPC(r.Framework) && r.Gateway == nil && t[r.Pattern] == nil {
				t[r.Pattern] = r
			}
		}
	}
	return t
}

// serve is the route r as the program serves it: for a gateway's path
// that goes out over gRPC, served by the implementation the program
// registers for its procedure (r's method and path, the implementation's
// handler), which is returned too; r itself otherwise.
func (t rpcTable) serve(r *routes.Route) (*routes.Route, *routes.Route) {
	if r.Gateway == nil || r.Gateway.InProcess {
		return r, nil
	}
	impl := t[r.Gateway.Procedure]
	if impl == nil {
		return r, nil
	}
	n := *r
	n.Handler, n.Request, n.Framework = impl.Handler, impl.Request, impl.Framework
	return &n, impl
}

// gatewayVia says how a gateway's route reaches the code that serves it;
// "" for any other route. impl is the procedure's route that serves it
// (see serve), at.
func gatewayVia(r, impl *routes.Route, at string) string {
	gw := r.Gateway
	switch {
	case gw == nil:
		return ""
	case gw.InProcess:
		return fmt.Sprintf("grpc-gateway (%s): calls %s in process", gw.Registration, r.Handler.Name)
	case impl != nil:
		return fmt.Sprintf("grpc-gateway (%s): forwarded over gRPC to %s, served here by %s (%s)", gw.Registration, gw.Procedure, impl.Handler.Name, at)
	}
	// No implementation here: another program's service, or a method
	// the program's registration leaves to the generated stub.
	return fmt.Sprintf("grpc-gateway (%s): forwarded over gRPC to %s, which no method of this program implements (remote, or unimplemented): its queries are another program's", gw.Registration, gw.Procedure)
}
