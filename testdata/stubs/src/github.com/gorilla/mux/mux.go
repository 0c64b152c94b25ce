// Stub of github.com/gorilla/mux (signatures mirror v1.8.1; bodies are placeholders).

package mux

import (
	"errors"
	"net/http"
)

var ErrMethodMismatch = errors.New("method is not allowed")

var ErrNotFound = errors.New("no matching route was found")

func NewRouter() *Router { panic("stub") }

type Router struct {
	NotFoundHandler http.Handler

	MethodNotAllowedHandler http.Handler

	KeepContext bool

	routeConf
}

func (r *Router) Match(req *http.Request, match *RouteMatch) bool { panic("stub") }

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) { panic("stub") }

func (r *Router) Get(name string) *Route { panic("stub") }

func (r *Router) GetRoute(name string) *Route { panic("stub") }

func (r *Router) StrictSlash(value bool) *Router { panic("stub") }

func (r *Router) SkipClean(value bool) *Router { panic("stub") }

func (r *Router) UseEncodedPath() *Router { panic("stub") }

func (r *Router) NewRoute() *Route { panic("stub") }

func (r *Router) Name(name string) *Route { panic("stub") }

func (r *Router) Handle(path string, handler http.Handler) *Route { panic("stub") }

func (r *Router) HandleFunc(path string, f func(http.ResponseWriter,
	*http.Request)) *Route {
	panic("stub")
}

func (r *Router) Headers(pairs ...string) *Route { panic("stub") }

func (r *Router) Host(tpl string) *Route { panic("stub") }

func (r *Router) MatcherFunc(f MatcherFunc) *Route { panic("stub") }

func (r *Router) Methods(methods ...string) *Route { panic("stub") }

func (r *Router) Path(tpl string) *Route { panic("stub") }

func (r *Router) PathPrefix(tpl string) *Route { panic("stub") }

func (r *Router) Queries(pairs ...string) *Route { panic("stub") }

func (r *Router) Schemes(schemes ...string) *Route { panic("stub") }

func (r *Router) BuildVarsFunc(f BuildVarsFunc) *Route { panic("stub") }

func (r *Router) Walk(walkFn WalkFunc) error { panic("stub") }

var SkipRouter = errors.New("skip this router")

type WalkFunc func(route *Route, router *Router, ancestors []*Route) error

type RouteMatch struct {
	Route   *Route
	Handler http.Handler
	Vars    map[string]string

	MatchErr error
}

func Vars(r *http.Request) map[string]string { panic("stub") }

func CurrentRoute(r *http.Request) *Route { panic("stub") }

// common route configuration shared between `Router` and `Route`
type routeConf struct {
	useEncodedPath bool
	strictSlash    bool
	skipClean      bool
}
