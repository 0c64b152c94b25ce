package main

import (
	"context"
	"database/sql"
	"net/http"

	"connectrpc.com/connect"
	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc"

	"example.com/rpc/gen/auditpb"
	"example.com/rpc/gen/itemspb"
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

	mux := http.NewServeMux()
	(&server.ConnectServer{Server: srv}).Mount(mux, connect.WithInterceptors(&server.Tenant{DB: db}))
	mux.Handle("/api/", gw)

	// Not services: a plugin, and a hand-written registration.
	server.Install(&server.Counter{Store: srv.Store})
	server.RegisterPluginServer(gs, &server.Counter{Store: srv.Store})

	http.ListenAndServe(":8080", mux)
}
