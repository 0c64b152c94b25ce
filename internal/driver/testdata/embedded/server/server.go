// Package server serves the datastore.
package server

import (
	"context"
	"net/http"

	"example.com/embedded/storage"
	"example.com/embedded/wrappers"
)

type Server struct{ datastore storage.Datastore }

func New(ds storage.Datastore) *Server {
	return &Server{datastore: wrappers.NewCaching(wrappers.NewTracing(ds))}
}

// IsReady is what the health checker checks.
func (s *Server) IsReady(ctx context.Context) (bool, error) { return s.datastore.IsReady(ctx) }

func (s *Server) Read(w http.ResponseWriter, r *http.Request) {
	s.datastore.Read(r.Context(), r.FormValue("id"))
}
