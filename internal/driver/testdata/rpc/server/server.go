// Package server implements the items and audit services.
package server

import (
	"context"

	"google.golang.org/grpc"

	"example.com/rpc/gen/auditpb"
	"example.com/rpc/gen/itemspb"
	"example.com/rpc/store"
)

// Server implements ItemServiceServer; DeleteItem is the generated
// stub's, which answers unimplemented.
type Server struct {
	itemspb.UnimplementedItemServiceServer
	Store store.Store
}

func (s *Server) GetItem(ctx context.Context, req *itemspb.GetItemRequest) (*itemspb.Item, error) {
	it, err := s.Store.Item(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &itemspb.Item{Id: it.ID, Name: it.Name}, nil
}

func (s *Server) ListItems(ctx context.Context, req *itemspb.ListItemsRequest) (*itemspb.ListItemsResponse, error) {
	items, err := s.Store.Items(ctx)
	if err != nil {
		return nil, err
	}
	resp := &itemspb.ListItemsResponse{}
	for _, it := range items {
		resp.Items = append(resp.Items, &itemspb.Item{Id: it.ID, Name: it.Name})
	}
	return resp, nil
}

func (s *Server) WatchItems(req *itemspb.WatchItemsRequest, stream grpc.ServerStreamingServer[itemspb.Item]) error {
	items, err := s.Store.Items(stream.Context())
	if err != nil {
		return err
	}
	for _, it := range items {
		if err := stream.Send(&itemspb.Item{Id: it.ID, Name: it.Name}); err != nil {
			return err
		}
	}
	return nil
}

// Record is the audit service's, promoted to Services from its embedded
// *Server.
func (s *Server) Record(ctx context.Context, req *auditpb.RecordRequest) (*auditpb.RecordResponse, error) {
	return &auditpb.RecordResponse{}, s.Store.Record(ctx, req.Msg)
}

// Services is what the audit service is registered with.
type Services struct{ *Server }

// Plugin has RPC-shaped methods, but no generator declared it: what
// Install takes is not a service.
type Plugin interface {
	Run(ctx context.Context, req *itemspb.GetItemRequest) (*itemspb.Item, error)
}

func Install(p Plugin) {}

// RegisterPluginServer looks like a generated registration, but is
// written by hand.
func RegisterPluginServer(s grpc.ServiceRegistrar, srv Plugin) {}

// Counter is a plugin.
type Counter struct{ Store store.Store }

func (c *Counter) Run(ctx context.Context, req *itemspb.GetItemRequest) (*itemspb.Item, error) {
	n, err := c.Store.Count(ctx)
	return &itemspb.Item{Id: int64(n)}, err
}
