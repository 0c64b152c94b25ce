// Package grpc is a stub of google.golang.org/grpc: the types that
// generated service registrations and streams name.
package grpc

import "context"

type ServiceDesc struct {
	ServiceName string
	HandlerType any
}

type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl any)
}

type Server struct{}

func NewServer(opt ...ServerOption) *Server { return &Server{} }

// ServerOption configures a server.
type ServerOption interface{ applyServer() }

type serverOption struct{}

func (serverOption) applyServer() {}

// UnaryServerInfo describes the procedure a unary interceptor wraps.
type UnaryServerInfo struct {
	Server     any
	FullMethod string
}

// UnaryHandler runs the procedure.
type UnaryHandler func(ctx context.Context, req any) (any, error)

// UnaryServerInterceptor runs around every unary procedure the server
// serves.
type UnaryServerInterceptor func(ctx context.Context, req any, info *UnaryServerInfo, handler UnaryHandler) (resp any, err error)

// StreamServerInfo describes the procedure a stream interceptor wraps.
type StreamServerInfo struct{ FullMethod string }

// StreamHandler runs a streaming procedure.
type StreamHandler func(srv any, stream ServerStream) error

// StreamServerInterceptor runs around every streaming procedure.
type StreamServerInterceptor func(srv any, ss ServerStream, info *StreamServerInfo, handler StreamHandler) error

func UnaryInterceptor(i UnaryServerInterceptor) ServerOption            { return serverOption{} }
func ChainUnaryInterceptor(is ...UnaryServerInterceptor) ServerOption   { return serverOption{} }
func StreamInterceptor(i StreamServerInterceptor) ServerOption          { return serverOption{} }
func ChainStreamInterceptor(is ...StreamServerInterceptor) ServerOption { return serverOption{} }

// UnaryClientInterceptor runs around a client's calls.
type UnaryClientInterceptor func(ctx context.Context, method string, req, reply any, cc *ClientConn, invoker any, opts ...CallOption) error

func WithUnaryInterceptor(f UnaryClientInterceptor) DialOption { return nil }

func (s *Server) RegisterService(desc *ServiceDesc, impl any) {}

type ServerStream interface {
	Context() context.Context
	SendMsg(m any) error
	RecvMsg(m any) error
}

type ServerStreamingServer[Res any] interface {
	Send(*Res) error
	ServerStream
}

// The client side, which generated clients and gateways use.

type CallOption interface{}

type DialOption interface{}

type ClientConnInterface interface {
	Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error
}

type ClientConn struct{}

func (cc *ClientConn) Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error {
	return nil
}

func (cc *ClientConn) Close() error { return nil }

func NewClient(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{}, nil }

func Header(md *map[string][]string) CallOption { return nil }
