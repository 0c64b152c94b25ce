package pats

import (
	"context"

	kitgrpc "github.com/go-kit/kit/transport/grpc"

	"example.com/gokit/gen/patspb"
)

// grpcServer is a gRPC service's implementation as go-kit writes it (as
// magistrala's do): a Handler per method, which kitgrpc.NewServer made
// from the method's endpoint, decoder and encoder.
type grpcServer struct {
	patspb.UnimplementedPATServiceServer
	retrieve kitgrpc.Handler
	list     kitgrpc.Handler
	remove   kitgrpc.Handler
}

func NewGRPCServer(svc Service, owners Repository) patspb.PATServiceServer {
	return &grpcServer{
		retrieve: kitgrpc.NewServer(retrievePATEndpoint(svc), decodeGRPC, encodeGRPC),
		list:     kitgrpc.NewServer(listPATsEndpoint(svc), decodeGRPC, encodeGRPC),
		// The decoder queries: it runs per call too.
		remove: kitgrpc.NewServer(deletePATEndpoint(svc), authGRPCDecoder(owners), encodeGRPC),
	}
}

func (s *grpcServer) Retrieve(ctx context.Context, req *patspb.IDReq) (*patspb.Res, error) {
	_, res, err := s.retrieve.ServeGRPC(ctx, req)
	if err != nil {
		return nil, err
	}
	return res.(*patspb.Res), nil
}

func (s *grpcServer) List(ctx context.Context, req *patspb.IDReq) (*patspb.Res, error) {
	_, res, err := s.list.ServeGRPC(ctx, req)
	if err != nil {
		return nil, err
	}
	return res.(*patspb.Res), nil
}

func (s *grpcServer) Remove(ctx context.Context, req *patspb.IDReq) (*patspb.Res, error) {
	_, res, err := s.remove.ServeGRPC(ctx, req)
	if err != nil {
		return nil, err
	}
	return res.(*patspb.Res), nil
}

// Health calls no handler: it runs nothing.
func (s *grpcServer) Health(ctx context.Context, req *patspb.IDReq) (*patspb.Res, error) {
	return &patspb.Res{}, nil
}

func decodeGRPC(_ context.Context, req interface{}) (interface{}, error) {
	return idReq{id: req.(*patspb.IDReq).Id}, nil
}

// authGRPCDecoder checks the caller's token while decoding.
func authGRPCDecoder(owners Repository) kitgrpc.DecodeRequestFunc {
	return func(_ context.Context, req interface{}) (interface{}, error) {
		owners.Owner(req.(*patspb.IDReq).Id)
		return idReq{id: req.(*patspb.IDReq).Id}, nil
	}
}

func encodeGRPC(_ context.Context, resp interface{}) (interface{}, error) { return &patspb.Res{}, nil }
