// Package handler is a stub of gqlgen's HTTP server for sqlheat's tests.
package handler

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql"
)

type Server struct{}

func New(es graphql.ExecutableSchema) *Server { panic("stub") }

func NewDefaultServer(es graphql.ExecutableSchema) *Server { panic("stub") }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { panic("stub") }

func (s *Server) Use(extension any) { panic("stub") }

func (s *Server) AddTransport(t any) { panic("stub") }
