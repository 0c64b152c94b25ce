// Stub of github.com/labstack/echo/v4 (signatures mirror v4.16.0; bodies are placeholders).

package echo

import (
	"io/fs"
)

// Group is a set of sub-routes for a specified route.
type Group struct {
	common
	host       string
	prefix     string
	echo       *Echo
	middleware []MiddlewareFunc
}

func (g *Group) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) *Route {
	panic("stub")
}

func (g *Group) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	panic("stub")
}

func (g *Group) CONNECT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (g *Group) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (g *Group) File(path, file string) { panic("stub") }

func (g *Group) FileFS(path, file string, filesystem fs.FS, m ...MiddlewareFunc) *Route {
	panic("stub")
}

func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (g *Group) Group(prefix string, middleware ...MiddlewareFunc) (sg *Group) { panic("stub") }

func (g *Group) HEAD(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (g *Group) Match(methods []string, path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	panic("stub")
}

func (g *Group) OPTIONS(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (g *Group) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (g *Group) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (g *Group) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (g *Group) RouteNotFound(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (g *Group) Static(pathPrefix, fsRoot string) { panic("stub") }

func (g *Group) StaticFS(pathPrefix string, filesystem fs.FS) { panic("stub") }

func (g *Group) TRACE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { panic("stub") }

func (g *Group) Use(middleware ...MiddlewareFunc) { panic("stub") }
