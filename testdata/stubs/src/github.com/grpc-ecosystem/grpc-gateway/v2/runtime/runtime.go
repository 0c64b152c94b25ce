// Package runtime is a stub of grpc-gateway v2's runtime: the mux that
// generated handler registrations take, and what the generated handlers
// call.
package runtime

import (
	"context"
	"io"
	"net/http"
)

type ServeMux struct{}

type ServeMuxOption func(*ServeMux)

func NewServeMux(opts ...ServeMuxOption) *ServeMux { return &ServeMux{} }

func (m *ServeMux) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

// HandlerFunc is what the mux calls for a request its pattern matches.
type HandlerFunc func(w http.ResponseWriter, r *http.Request, pathParams map[string]string)

// Handle registers h for requests of method meth whose path matches pat.
func (m *ServeMux) Handle(meth string, pat Pattern, h HandlerFunc) {}

// Pattern is a compiled path template.
type Pattern struct{}

func NewPattern(version int, ops []int, pool []string, verb string) (Pattern, error) {
	return Pattern{}, nil
}

func MustPattern(p Pattern, err error) Pattern { return p }

type Marshaler interface {
	Unmarshal(data []byte, v any) error
	NewDecoder(r io.Reader) Decoder
}

type Decoder interface{ Decode(v any) error }

type ServerMetadata struct{}

type AnnotateContextOption func(context.Context) context.Context

func WithHTTPPathPattern(pattern string) AnnotateContextOption { return nil }

func AnnotateContext(ctx context.Context, mux *ServeMux, req *http.Request, rpcMethodName string, options ...AnnotateContextOption) (context.Context, error) {
	return ctx, nil
}

func AnnotateIncomingContext(ctx context.Context, mux *ServeMux, req *http.Request, rpcMethodName string, options ...AnnotateContextOption) (context.Context, error) {
	return ctx, nil
}

func MarshalerForRequest(mux *ServeMux, r *http.Request) (inbound Marshaler, outbound Marshaler) {
	return nil, nil
}

func HTTPError(ctx context.Context, mux *ServeMux, marshaler Marshaler, w http.ResponseWriter, r *http.Request, err error) {
}

func ForwardResponseMessage(ctx context.Context, mux *ServeMux, marshaler Marshaler, w http.ResponseWriter, req *http.Request, resp any) {
}

func String(val string) (string, error) { return val, nil }
