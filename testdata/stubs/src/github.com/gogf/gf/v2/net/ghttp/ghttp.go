// Package ghttp is a stub of GoFrame's HTTP server (github.com/gogf/gf/v2/net/ghttp):
// the calls sqlheat reads, with their real signatures.
package ghttp

import (
	"context"
	"net/http"
)

type (
	HandlerFunc = func(r *Request)
	HookName    string
)

const (
	HookBeforeServe HookName = "HOOK_BEFORE_SERVE"
	HookAfterOutput HookName = "HOOK_AFTER_OUTPUT"
)

// Request is a request, with its own context.
type Request struct {
	*http.Request
	Middleware *middleware
}

type middleware struct{}

// Next runs the rest of the chain.
func (m *middleware) Next() {}

func (r *Request) Context() context.Context { return nil }
func (r *Request) GetCtx() context.Context  { return nil }
func (r *Request) Get(key string) any       { return nil }

// Server is the application's server.
type Server struct{}

// GetServer returns the server of the name.
func GetServer(name ...interface{}) *Server { return nil }

func (s *Server) Group(prefix string, groups ...func(group *RouterGroup)) *RouterGroup { return nil }
func (s *Server) Use(handlers ...HandlerFunc)                                          {}
func (s *Server) BindHandler(pattern string, handler interface{})                      {}
func (s *Server) Run()                                                                 {}

// RouterGroup is a group of routes under a prefix.
type RouterGroup struct{}

func (g *RouterGroup) Group(prefix string, groups ...func(group *RouterGroup)) *RouterGroup {
	return g
}
func (g *RouterGroup) Bind(handlerOrObject ...interface{}) *RouterGroup { return g }
func (g *RouterGroup) Middleware(handlers ...HandlerFunc) *RouterGroup  { return g }
func (g *RouterGroup) Hook(pattern string, hook HookName, handler HandlerFunc) *RouterGroup {
	return g
}
func (g *RouterGroup) ALL(pattern string, object interface{}, params ...interface{}) *RouterGroup {
	return g
}
func (g *RouterGroup) GET(pattern string, object interface{}, params ...interface{}) *RouterGroup {
	return g
}
func (g *RouterGroup) POST(pattern string, object interface{}, params ...interface{}) *RouterGroup {
	return g
}

// MiddlewareHandlerResponse writes a standard handler's result.
func MiddlewareHandlerResponse(r *Request) { r.Middleware.Next() }

// Domain is the server's routes of one domain.
type Domain struct{}

func (d *Domain) Group(prefix string, groups ...func(group *RouterGroup)) *RouterGroup { return nil }
func (d *Domain) Use(handlers ...HandlerFunc)                                          {}
func (d *Domain) BindMiddlewareDefault(handlers ...HandlerFunc)                        {}
func (d *Domain) BindHandler(pattern string, handler interface{})                      {}

// BindMiddlewareDefault adds middlewares to every route.
func (s *Server) BindMiddlewareDefault(handlers ...HandlerFunc) {}

func (g *RouterGroup) PUT(pattern string, object interface{}, params ...interface{}) *RouterGroup {
	return g
}
func (g *RouterGroup) DELETE(pattern string, object interface{}, params ...interface{}) *RouterGroup {
	return g
}
func (g *RouterGroup) PATCH(pattern string, object interface{}, params ...interface{}) *RouterGroup {
	return g
}
func (g *RouterGroup) HEAD(pattern string, object interface{}, params ...interface{}) *RouterGroup {
	return g
}
func (g *RouterGroup) CONNECT(pattern string, object interface{}, params ...interface{}) *RouterGroup {
	return g
}
func (g *RouterGroup) OPTIONS(pattern string, object interface{}, params ...interface{}) *RouterGroup {
	return g
}
func (g *RouterGroup) TRACE(pattern string, object interface{}, params ...interface{}) *RouterGroup {
	return g
}
