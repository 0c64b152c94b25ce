// Package api is what protoc-gen-go-grpc and grpc-gateway generate for a
// service, beside the service's implementation. The program serves it
// only through the gateway, in process: no gRPC server is started.
package api

import (
	"context"
	"net/http"

	"google.golang.org/grpc"

	"example.com/deadapi/store"
)

// PostServiceServer is the generated server interface.
type PostServiceServer interface {
	Ping(ctx context.Context) error
}

// PostService_ServiceDesc names the server interface by a nil pointer to
// it, as generated code does: it hands no server to anyone.
var PostService_ServiceDesc = grpc.ServiceDesc{
	ServiceName: "posts.PostService",
	HandlerType: (*PostServiceServer)(nil),
}

// Service implements PostServiceServer; its store is an exported field.
type Service struct{ Store *store.Store }

func (s *Service) Ping(ctx context.Context) error { return nil }

// RegisterPostServiceHandlerServer is the gateway's in-process
// registration: its handlers call srv's methods.
func RegisterPostServiceHandlerServer(mux *http.ServeMux, srv PostServiceServer) {
	mux.HandleFunc("/ping", func(w http.ResponseWriter, r *http.Request) {
		_ = srv.Ping(r.Context())
	})
}
