// Package router is a stub of pocketbase's generic router: a group's
// GET, POST... take a path and a handler of the router's event type,
// Group makes a sub-group under a prefix, and the Router embeds the root
// group.
package router

type Route[T any] struct {
	Method, Path string
	Action       func(e T) error
}

type RouterGroup[T any] struct {
	Prefix   string
	children []any
}

func (g *RouterGroup[T]) Group(prefix string) *RouterGroup[T] {
	sub := &RouterGroup[T]{Prefix: prefix}
	g.children = append(g.children, sub)
	return sub
}

func (g *RouterGroup[T]) Route(method string, path string, action func(e T) error) *Route[T] {
	r := &Route[T]{Method: method, Path: path, Action: action}
	g.children = append(g.children, r)
	return r
}

func (g *RouterGroup[T]) GET(path string, action func(e T) error) *Route[T] {
	return g.Route("GET", path, action)
}

func (g *RouterGroup[T]) POST(path string, action func(e T) error) *Route[T] {
	return g.Route("POST", path, action)
}

func (g *RouterGroup[T]) DELETE(path string, action func(e T) error) *Route[T] {
	return g.Route("DELETE", path, action)
}

// Router is the root: it embeds the root group.
type Router[T any] struct {
	*RouterGroup[T]
}
