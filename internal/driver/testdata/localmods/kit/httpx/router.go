// Package httpx is the service's router wrapper.
package httpx

import "net/http"

type Router struct{ mux *http.ServeMux }

func New() *Router { return &Router{mux: http.NewServeMux()} }

// GET registers h for GET requests of the path.
func (r *Router) GET(path string, h http.HandlerFunc) {
	r.mux.HandleFunc("GET "+path, h)
}

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) { r.mux.ServeHTTP(w, req) }
