package main

import (
	"context"
	"database/sql"
	"net/http"

	gwv1 "github.com/grpc-ecosystem/grpc-gateway/runtime"
	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc"

	"example.com/gateway/gen/billingpb"
	"example.com/gateway/gen/catalogpb"
	"example.com/gateway/gen/notifypb"
	"example.com/gateway/gen/shoppb"
	"example.com/gateway/server"
)

func main() {
	ctx := context.Background()
	db, _ := sql.Open("postgres", "")

	gs := grpc.NewServer()
	catalogpb.RegisterCatalogServer(gs, &server.Catalog{DB: db})
	notifypb.RegisterNotifyServer(gs, &server.Notify{DB: db})

	gw := runtime.NewServeMux()
	if err := shoppb.RegisterShopHandlerServer(ctx, gw, &server.Shop{DB: db}); err != nil {
		panic(err)
	}
	// A service of another program: the gateway only forwards.
	if err := billingpb.RegisterBillingHandlerFromEndpoint(ctx, gw, "billing:9090", nil); err != nil {
		panic(err)
	}
	// This program's own grpc server, dialed by its gateway.
	old := gwv1.NewServeMux()
	if err := catalogpb.RegisterCatalogHandlerFromEndpoint(ctx, old, "localhost:9090", nil); err != nil {
		panic(err)
	}

	// A registration handed to a helper that calls it.
	if err := register(ctx, gw, notifypb.NewNotifyClient(&grpc.ClientConn{}), notifypb.RegisterNotifyHandlerClient); err != nil {
		panic(err)
	}

	mux := http.NewServeMux()
	mux.Handle("/api/", gw)
	mux.Handle("/v1/", old)
	http.ListenAndServe(":8080", mux)
}

func register[C any](ctx context.Context, mux *runtime.ServeMux, client C, fn func(context.Context, *runtime.ServeMux, C) error) error {
	return fn(ctx, mux, client)
}
