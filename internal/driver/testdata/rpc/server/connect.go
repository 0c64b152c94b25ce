package server

import (
	"context"
	"net/http"

	"connectrpc.com/connect"

	"example.com/rpc/gen/itemspb"
	"example.com/rpc/gen/itemspb/itemspbconnect"
)

// ConnectServer adapts Server to connect's request and response types.
type ConnectServer struct {
	*Server
	itemspbconnect.UnimplementedItemServiceHandler
}

func (s *ConnectServer) GetItem(ctx context.Context, req *connect.Request[itemspb.GetItemRequest]) (*connect.Response[itemspb.Item], error) {
	it, err := s.Server.GetItem(ctx, req.Msg)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(it), nil
}

func (s *ConnectServer) ListItems(ctx context.Context, req *connect.Request[itemspb.ListItemsRequest]) (*connect.Response[itemspb.ListItemsResponse], error) {
	resp, err := s.Server.ListItems(ctx, req.Msg)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(resp), nil
}

// WatchItems streams the items as the grpc method does.
func (s *ConnectServer) WatchItems(ctx context.Context, req *connect.Request[itemspb.WatchItemsRequest], stream *connect.ServerStream[itemspb.Item]) error {
	resp, err := s.Server.ListItems(ctx, &itemspb.ListItemsRequest{})
	if err != nil {
		return err
	}
	for _, it := range resp.Items {
		stream.Send(it)
	}
	return nil
}

// Mount serves the connect handlers on mux.
func (s *ConnectServer) Mount(mux *http.ServeMux, opts ...connect.HandlerOption) {
	path, h := itemspbconnect.NewItemServiceHandler(s, opts...)
	mux.Handle(path, h)
}
