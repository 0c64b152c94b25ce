package main

import (
	"context"
	"database/sql"
	"net/http"
	"os"

	"connectrpc.com/connect"
	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc"

	"example.com/rpc/gen/auditpb"
	"example.com/rpc/gen/itemspb"
	"example.com/rpc/gen/itemspb/itemspbconnect"
	"example.com/rpc/gen/tagspb"
	"example.com/rpc/server"
	"example.com/rpc/store/pg"
)

func main() {
	db, _ := sql.Open("postgres", "")
	srv := &server.Server{Store: pg.New(db)}

	gs := grpc.NewServer(grpc.ChainUnaryInterceptor(server.Auth(db)))
	peer, _ := grpc.NewClient("peer:443", grpc.WithUnaryInterceptor(server.ClientAuth(db)))
	defer peer.Close()
	itemspb.RegisterItemServiceServer(gs, srv)
	auditpb.RegisterAuditServiceServer(gs, &server.Services{Server: srv})
	tagspb.RegisterTagServiceServer(gs, server.NewTags(db))

	gw := runtime.NewServeMux()
	if err := itemspb.RegisterItemServiceHandlerServer(context.Background(), gw, srv); err != nil {
		panic(err)
	}

	// The connect handlers' interceptors, gathered in a slice: what its
	// appends add, and the slices spread into it.
	authIcpts := []connect.Interceptor{}
	if os.Getenv("AUTH") != "" {
		authIcpts = append(authIcpts, server.NewKeyAuth((&server.Keys{DB: db}).Check))
	}
	handlerIcpts := []connect.Interceptor{&server.Tenant{DB: db}}
	handlerIcpts = append(handlerIcpts, authIcpts...)
	// Not the handlers': one appended to a slice no option takes, and a
	// client's, handed to its constructor directly and through a local.
	spare := append(authIcpts, server.NewMetered(db))
	_ = spare
	clientIcpts := []connect.Interceptor{server.NewMetered(db)}
	peerOpt := connect.WithInterceptors(clientIcpts...)
	itemspbconnect.NewItemServiceClient(http.DefaultClient, "http://peer", peerOpt)
	itemspbconnect.NewItemServiceClient(http.DefaultClient, "http://peer2", connect.WithInterceptors(clientIcpts...))

	mux := http.NewServeMux()
	(&server.ConnectServer{Server: srv}).Mount(mux, connect.WithInterceptors(handlerIcpts...))
	mux.Handle("/api/", gw)

	// Not services: a plugin, and a hand-written registration.
	server.Install(&server.Counter{Store: srv.Store})
	server.RegisterPluginServer(gs, &server.Counter{Store: srv.Store})

	http.ListenAndServe(":8080", mux)
}
