// Package router is a generic router: routes are kept in a list and
// turned into an http.ServeMux by BuildMux, which serves each through a
// closure calling the route's action.
package router

import "net/http"

// Event is what a request's handlers share: Next runs the rest of the
// chain, as pocketbase's hook.Event does.
type Event struct {
	next func() error
}

func (e *Event) Next() error {
	if e.next == nil {
		return nil
	}
	return e.next()
}

func (e *Event) SetNext(f func() error) { e.next = f }

type Resolver interface {
	Next() error
	SetNext(f func() error)
}

type Handler[T Resolver] struct {
	ID   string
	Func func(e T) error
}

type Route[T Resolver] struct {
	Method      string
	Path        string
	Action      func(e T) error
	Middlewares []*Handler[T]
}

func (r *Route[T]) Bind(mws ...*Handler[T]) *Route[T] {
	r.Middlewares = append(r.Middlewares, mws...)
	return r
}

type RouterGroup[T Resolver] struct {
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

func (g *RouterGroup[T]) Route(method, path string, action func(e T) error) *Route[T] {
	r := &Route[T]{Method: method, Path: path, Action: action}
	g.children = append(g.children, r)
	return r
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

type Router[T Resolver] struct {
	*RouterGroup[T]
	factory func(w http.ResponseWriter, r *http.Request) T
}

func NewRouter[T Resolver](factory func(w http.ResponseWriter, r *http.Request) T) *Router[T] {
	return &Router[T]{RouterGroup: &RouterGroup[T]{}, factory: factory}
}

func (r *Router[T]) BuildMux() http.Handler {
	mux := http.NewServeMux()
	r.load(mux, r.RouterGroup, "")
	return mux
}

func (r *Router[T]) load(mux *http.ServeMux, g *RouterGroup[T], prefix string) {
	for _, c := range g.children {
		switch v := c.(type) {
		case *RouterGroup[T]:
			r.load(mux, v, prefix+g.Prefix)
		case *Route[T]:
			mws := append(append([]*Handler[T](nil), g.Middlewares...), v.Middlewares...)
			mux.HandleFunc(v.Method+" "+prefix+g.Prefix+v.Path, func(w http.ResponseWriter, req *http.Request) {
				e := r.factory(w, req)
				_ = run(e, mws, v.Action)
			})
		}
	}
}

// run runs the middlewares in order, each going on to the next with
// e.Next(), then the action.
func run[T Resolver](e T, mws []*Handler[T], action func(e T) error) error {
	if len(mws) == 0 {
		return action(e)
	}
	e.SetNext(func() error { return run(e, mws[1:], action) })
	return mws[0].Func(e)
}
