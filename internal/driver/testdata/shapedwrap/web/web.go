// Package web is a small router, as fastglue is: handlers take the
// request and return an error.
package web

type Request struct {
	Path  string
	Value map[string]string
}

type Handler func(*Request) error

type Router struct{ routes map[string]Handler }

func New() *Router { return &Router{routes: map[string]Handler{}} }

func (r *Router) GET(path string, h Handler)    { r.routes["GET "+path] = h }
func (r *Router) POST(path string, h Handler)   { r.routes["POST "+path] = h }
func (r *Router) PUT(path string, h Handler)    { r.routes["PUT "+path] = h }
func (r *Router) DELETE(path string, h Handler) { r.routes["DELETE "+path] = h }

func (r *Router) Serve(addr string) error { return nil }
