// Package connect is a stub of connectrpc.com/connect: the types that
// generated handlers name.
package connect

import "context"

type Request[T any] struct{ Msg *T }

type Response[T any] struct{ Msg *T }

func NewResponse[T any](msg *T) *Response[T] { return &Response[T]{Msg: msg} }

type ServerStream[T any] struct{}

func (s *ServerStream[T]) Send(msg *T) error { return nil }

type ClientStream[T any] struct{}

type BidiStream[Req, Res any] struct{}

type HandlerOption interface{ applyToHandler() }

// ClientOption configures clients.
type ClientOption interface{ applyToClient() }

// Option configures handlers and clients.
type Option interface {
	HandlerOption
	ClientOption
}

type option struct{}

func (option) applyToHandler() {}
func (option) applyToClient()  {}

// AnyRequest and AnyResponse are any procedure's request and response.
type AnyRequest interface{ Header() map[string][]string }
type AnyResponse interface{ Any() any }

// UnaryFunc runs a unary procedure.
type UnaryFunc func(context.Context, AnyRequest) (AnyResponse, error)

// StreamingHandlerFunc and StreamingClientFunc run streams.
type StreamingHandlerFunc func(context.Context, any) error
type StreamingClientFunc func(context.Context, any) any

// Interceptor wraps every procedure of the handlers or clients it is
// given to.
type Interceptor interface {
	WrapUnary(UnaryFunc) UnaryFunc
	WrapStreamingClient(StreamingClientFunc) StreamingClientFunc
	WrapStreamingHandler(StreamingHandlerFunc) StreamingHandlerFunc
}

// UnaryInterceptorFunc is an Interceptor of unary procedures only.
type UnaryInterceptorFunc func(UnaryFunc) UnaryFunc

func (f UnaryInterceptorFunc) WrapUnary(next UnaryFunc) UnaryFunc { return f(next) }
func (f UnaryInterceptorFunc) WrapStreamingClient(next StreamingClientFunc) StreamingClientFunc {
	return next
}
func (f UnaryInterceptorFunc) WrapStreamingHandler(next StreamingHandlerFunc) StreamingHandlerFunc {
	return next
}

// WithInterceptors configures handlers and clients with interceptors.
func WithInterceptors(interceptors ...Interceptor) Option { return option{} }
