// Stub of github.com/go-kratos/kratos/v2/transport/http (signatures mirror v2.9.2; bodies are placeholders).

package http

import (
	"context"
	"net/http"
	"time"

	"github.com/go-kratos/kratos/v2/middleware"
)

type ServerOption func(*Server)

func Network(network string) ServerOption { panic("stub") }

func Address(addr string) ServerOption { panic("stub") }

func Timeout(timeout time.Duration) ServerOption { panic("stub") }

func Middleware(m ...middleware.Middleware) ServerOption { panic("stub") }

func Filter(filters ...FilterFunc) ServerOption { panic("stub") }

func PathPrefix(prefix string) ServerOption { panic("stub") }

type Server struct {
	*http.Server
}

func NewServer(opts ...ServerOption) *Server { panic("stub") }

func (s *Server) Use(selector string, m ...middleware.Middleware) { panic("stub") }

func (s *Server) Route(prefix string, filters ...FilterFunc) *Router { panic("stub") }

func (s *Server) Handle(path string, h http.Handler) { panic("stub") }

func (s *Server) HandlePrefix(prefix string, h http.Handler) { panic("stub") }

func (s *Server) HandleFunc(path string, h http.HandlerFunc) { panic("stub") }

func (s *Server) HandleHeader(key, val string, h http.HandlerFunc) { panic("stub") }

func (s *Server) ServeHTTP(res http.ResponseWriter, req *http.Request) { panic("stub") }

func (s *Server) Start(ctx context.Context) error { panic("stub") }

func (s *Server) Stop(ctx context.Context) error { panic("stub") }
