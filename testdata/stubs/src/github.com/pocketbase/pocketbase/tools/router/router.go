// Package router is a stub of pocketbase's generic router,
// tools/router: groups and routes kept in a list, turned into a
// ServeMux later. Its GET, POST... methods take a path and a handler of
// the router's own type, and return the route, on which Bind adds
// middlewares; Group makes a sub-group under a prefix. The calls its own
// methods make of each other are its implementation, not routes.
package router

import (
	"net/http"
)

type Handler[T any] struct {
	ID   string
	Func func(e T) error
}

type Route[T any] struct {
	Method      string
	Path        string
	Action      func(e T) error
	Middlewares []*Handler[T]
}

func (r *Route[T]) Bind(mws ...*Handler[T]) *Route[T] {
	r.Middlewares = append(r.Middlewares, mws...)
	return r
}

func (r *Route[T]) BindFunc(fs ...func(e T) error) *Route[T] {
	for _, f := range fs {
		r.Middlewares = append(r.Middlewares, &Handler[T]{Func: f})
	}
	return r
}

type RouterGroup[T any] struct {
	Prefix      string
	Middlewares []*Handler[T]
	children    []any
}

func (g *RouterGroup[T]) Group(prefix string) *RouterGroup[T] {
	sub := &RouterGroup[T]{Prefix: prefix}
	g.children = append(g.children, sub)
	return sub
}

func (g *RouterGroup[T]) Bind(mws ...*Handler[T]) *RouterGroup[T] {
	g.Middlewares = append(g.Middlewares, mws...)
	return g
}

// Unbind drops middlewares by id: the group it returns is its own.
func (g *RouterGroup[T]) Unbind(ids ...string) *RouterGroup[T] { return g }

// Host limits the group to a host: a string that is no prefix of its
// routes, and not read here, so what follows it is under an unknown
// prefix rather than a wrong one.
func (g *RouterGroup[T]) Host(host string) *RouterGroup[T] { return g }

func (g *RouterGroup[T]) BindFunc(fs ...func(e T) error) *RouterGroup[T] {
	for _, f := range fs {
		g.Middlewares = append(g.Middlewares, &Handler[T]{Func: f})
	}
	return g
}

func (g *RouterGroup[T]) Route(method string, path string, action func(e T) error) *Route[T] {
	r := &Route[T]{Method: method, Path: path, Action: action}
	g.children = append(g.children, r)
	return r
}

func (g *RouterGroup[T]) Any(path string, action func(e T) error) *Route[T] {
	return g.Route("", path, action)
}

func (g *RouterGroup[T]) GET(path string, action func(e T) error) *Route[T] {
	return g.Route(http.MethodGet, path, action)
}

func (g *RouterGroup[T]) POST(path string, action func(e T) error) *Route[T] {
	return g.Route(http.MethodPost, path, action)
}

func (g *RouterGroup[T]) PATCH(path string, action func(e T) error) *Route[T] {
	return g.Route(http.MethodPatch, path, action)
}

func (g *RouterGroup[T]) DELETE(path string, action func(e T) error) *Route[T] {
	return g.Route(http.MethodDelete, path, action)
}

// Router is the root: it embeds the root group.
type Router[T any] struct {
	*RouterGroup[T]
}

func NewRouter[T any]() *Router[T] {
	return &Router[T]{RouterGroup: &RouterGroup[T]{}}
}

// BuildMux registers a catch-all on the router itself: its own
// implementation, not a route of the application.
func (r *Router[T]) BuildMux() http.Handler {
	r.Route("", "/", func(e T) error { return nil })
	return http.NewServeMux()
}
