package grpc

import (
	"context"

	"github.com/go-kit/kit/endpoint"
)

type DecodeRequestFunc func(context.Context, interface{}) (request interface{}, err error)

type EncodeResponseFunc func(context.Context, interface{}) (response interface{}, err error)

// Handler is what a gRPC service's method calls.
type Handler interface {
	ServeGRPC(ctx context.Context, request interface{}) (context.Context, interface{}, error)
}

type Server struct {
	e   endpoint.Endpoint
	dec DecodeRequestFunc
	enc EncodeResponseFunc
}

func NewServer(e endpoint.Endpoint, dec DecodeRequestFunc, enc EncodeResponseFunc) *Server {
	return &Server{e: e, dec: dec, enc: enc}
}

func (s Server) ServeGRPC(ctx context.Context, req interface{}) (context.Context, interface{}, error) {
	request, err := s.dec(ctx, req)
	if err != nil {
		return ctx, nil, err
	}
	response, err := s.e(ctx, request)
	if err != nil {
		return ctx, nil, err
	}
	grpcResp, err := s.enc(ctx, response)
	return ctx, grpcResp, err
}
