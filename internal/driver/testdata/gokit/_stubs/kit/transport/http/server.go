package http

import (
	"context"
	"net/http"

	"github.com/go-kit/kit/endpoint"
)

type DecodeRequestFunc func(context.Context, *http.Request) (request interface{}, err error)

type EncodeResponseFunc func(context.Context, http.ResponseWriter, interface{}) error

type ErrorEncoder func(ctx context.Context, err error, w http.ResponseWriter)

type Server struct {
	e            endpoint.Endpoint
	dec          DecodeRequestFunc
	enc          EncodeResponseFunc
	errorEncoder ErrorEncoder
}

type ServerOption func(*Server)

func ServerErrorEncoder(ee ErrorEncoder) ServerOption {
	return func(s *Server) { s.errorEncoder = ee }
}

func NewServer(e endpoint.Endpoint, dec DecodeRequestFunc, enc EncodeResponseFunc, options ...ServerOption) *Server {
	s := &Server{e: e, dec: dec, enc: enc}
	for _, o := range options {
		o(s)
	}
	return s
}

func (s Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	req, err := s.dec(ctx, r)
	if err != nil {
		s.errorEncoder(ctx, err, w)
		return
	}
	resp, err := s.e(ctx, req)
	if err != nil {
		s.errorEncoder(ctx, err, w)
		return
	}
	s.enc(ctx, w, resp)
}
