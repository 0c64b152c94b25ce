// Package connect is a stub of connectrpc.com/connect: the types that
// generated handlers name.
package connect

type Request[T any] struct{ Msg *T }

type Response[T any] struct{ Msg *T }

func NewResponse[T any](msg *T) *Response[T] { return &Response[T]{Msg: msg} }

type ServerStream[T any] struct{}

func (s *ServerStream[T]) Send(msg *T) error { return nil }

type ClientStream[T any] struct{}

type BidiStream[Req, Res any] struct{}

type HandlerOption interface{ applyToHandler() }
