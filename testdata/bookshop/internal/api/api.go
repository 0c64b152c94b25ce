// Package api is the bookshop's HTTP API over the queries sqlc generated.
package api

import (
	"encoding/json"
	"net/http"
	"strconv"

	"example.com/bookshop/internal/db"
)

type Server struct {
	q *db.Queries
}

func New(q *db.Queries) *Server { return &Server{q: q} }

// shelves lists each author with their books: one ListBooksByAuthor per
// author (an N+1).
func (s *Server) shelves(w http.ResponseWriter, r *http.Request) {
	authors, err := s.q.ListAuthors(r.Context())
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	out := map[string][]db.Book{}
	for _, a := range authors {
		books, err := s.q.ListBooksByAuthor(r.Context(), a.ID)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		out[a.Name] = books
	}
	json.NewEncoder(w).Encode(out)
}

func (s *Server) author(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	a, err := s.q.GetAuthor(r.Context(), id)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(a)
}

func (s *Server) book(w http.ResponseWriter, r *http.Request) {
	b, err := s.q.GetBookByISBN(r.Context(), r.PathValue("isbn"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(b)
}

func (s *Server) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /shelves", s.shelves)
	mux.HandleFunc("GET /authors/{id}", s.author)
	mux.HandleFunc("GET /books/{isbn}", s.book)
}
