// Package router is a router known by its shape whose middlewares hand
// on with the event's Next: each request runs a hook made for it, with
// the router's middlewares bound and the route's action as the one-off
// handler (pocketbase's tools/router, cut down).
package router

import (
	"net/http"

	"example.com/hooks/hook"
)

type Event struct {
	hook.Event
	W http.ResponseWriter
	R *http.Request
}

type Route struct {
	Method, Path string
	Action       func(*Event) error
}

type Router struct {
	routes      []*Route
	middlewares []func(*Event) error
}

func New() *Router { return &Router{} }

func (r *Router) GET(path string, action func(*Event) error) *Route {
	return r.add("GET", path, action)
}

func (r *Router) POST(path string, action func(*Event) error) *Route {
	return r.add("POST", path, action)
}

func (r *Router) DELETE(path string, action func(*Event) error) *Route {
	return r.add("DELETE", path, action)
}

func (r *Router) Bind(middlewares ...func(*Event) error) *Router {
	r.middlewares = append(r.middlewares, middlewares...)
	return r
}

func (r *Router) add(method, path string, action func(*Event) error) *Route {
	rt := &Route{Method: method, Path: path, Action: action}
	r.routes = append(r.routes, rt)
	return rt
}

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	for _, rt := range r.routes {
		if rt.Method == req.Method && rt.Path == req.URL.Path {
			h := &hook.Hook[*Event]{}
			for _, mw := range r.middlewares {
				h.BindFunc(mw)
			}
			h.Trigger(&Event{W: w, R: req}, rt.Action)
			return
		}
	}
}
