// Package runtime is a stub of grpc-gateway v2's runtime: the mux that
// generated handler registrations take.
package runtime

import "net/http"

type ServeMux struct{}

type ServeMuxOption func(*ServeMux)

func NewServeMux(opts ...ServeMuxOption) *ServeMux { return &ServeMux{} }

func (m *ServeMux) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
