// Package rpcapp registers implementations of generated RPC services:
// each procedure the implementation serves is a route, once however many
// protocols register it.
package rpcapp

import (
	"context"
	"database/sql"
	"net/http"

	"connectrpc.com/connect"
	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc"

	"rpcgen/greetpb"
	"rpcgen/greetpb/greetpbconnect"
)

// Greeter serves Hello; Stats is the generated stub's.
type Greeter struct {
	greetpb.UnimplementedGreeterServer
	db *sql.DB
}

func (g *Greeter) Hello(ctx context.Context, req *greetpb.HelloRequest) (*greetpb.HelloReply, error) { // want `route POST /greet.v1.Greeter/Hello \[POST /greet.v1.Greeter/Hello\] -> rpcapp.\(\*Greeter\).Hello: 1`
	var msg string
	err := g.db.QueryRowContext(ctx, "SELECT greeting FROM greetings WHERE name = $1", req.Name).Scan(&msg)
	return &greetpb.HelloReply{Message: msg}, err
}

// Connect adapts Greeter to connect.
type Connect struct{ *Greeter }

func (c *Connect) Hello(ctx context.Context, req *connect.Request[greetpb.HelloRequest]) (*connect.Response[greetpb.HelloReply], error) {
	r, err := c.Greeter.Hello(ctx, req.Msg)
	return &connect.Response[greetpb.HelloReply]{Msg: r}, err
}

func Serve(ctx context.Context, db *sql.DB) {
	g := &Greeter{db: db}
	s := grpc.NewServer()
	greetpb.RegisterGreeterServer(s, g) // Hello's route is at its declaration; Stats is the generated stub's
	gw := runtime.NewServeMux()
	greetpb.RegisterGreeterHandlerServer(ctx, gw, g) // the same procedure: no second route
	mux := http.NewServeMux()
	// The mux's route; Connect.Hello is the same procedure as Greeter's.
	mux.Handle(greetpbconnect.NewGreeterHandler(&Connect{g})) // want `route …`

	var impl greetpb.GreeterServer = g
	// An interface: its methods are the routes (Hello's is Greeter's
	// already), which the driver's graph resolves to implementations.
	greetpb.RegisterGreeterServer(s, impl) // want `route POST /greet.v1.Greeter/Stats \[POST /greet.v1.Greeter/Stats\] -> greetpb.GreeterServer.Stats: 0`
	Install(g)
	RegisterLookalikeServer(s, g)
}

// Plugin has an RPC's methods, but no generator declared it.
type Plugin interface {
	Hello(context.Context, *greetpb.HelloRequest) (*greetpb.HelloReply, error)
}

func Install(p Plugin) {}

// RegisterLookalikeServer has a generated registration's signature, but
// is written by hand.
func RegisterLookalikeServer(s grpc.ServiceRegistrar, srv Plugin) {}
