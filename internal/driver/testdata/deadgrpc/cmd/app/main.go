package main

import (
	"database/sql"
	"net/http"

	"google.golang.org/grpc"

	"example.com/deadgrpc/api"
	"example.com/deadgrpc/store"
)

func main() {
	db, _ := sql.Open("postgres", "")
	svc := &api.Service{Store: store.New(db)}
	mux := http.NewServeMux()
	api.RegisterPostServiceHandlerServer(mux, svc)
	grpc.NewServer().RegisterService(&api.PostService_ServiceDesc, svc)
	_ = http.ListenAndServe(":8080", mux)
}
