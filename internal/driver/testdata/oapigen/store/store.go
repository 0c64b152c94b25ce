// Package store implements the API over PostgreSQL.
package store

import (
	"database/sql"
	"net/http"
)

type Server struct{ DB *sql.DB }

func (s *Server) ListPets(w http.ResponseWriter, r *http.Request) {
	s.DB.QueryContext(r.Context(), "SELECT id, name FROM pets")
}

func (s *Server) GetPet(w http.ResponseWriter, r *http.Request, id string) {
	s.DB.QueryRowContext(r.Context(), "SELECT name FROM pets WHERE id = $1", id)
}

var Pool *sql.DB

// MessageHTML has a handler's signature; main's view calls it.
func MessageHTML(w http.ResponseWriter, r *http.Request) {
	Pool.QueryRowContext(r.Context(), "SELECT html FROM messages WHERE id = $1", r.URL.Path)
}
