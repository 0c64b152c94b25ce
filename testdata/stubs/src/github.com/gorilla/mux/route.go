// Stub of github.com/gorilla/mux (signatures mirror v1.8.1; bodies are placeholders).

package mux

import (
	"net/http"
	"net/url"
)

type Route struct {
	routeConf
}

func (r *Route) SkipClean() bool { panic("stub") }

func (r *Route) Match(req *http.Request, match *RouteMatch) bool { panic("stub") }

func (r *Route) GetError() error { panic("stub") }

func (r *Route) BuildOnly() *Route { panic("stub") }

func (r *Route) Handler(handler http.Handler) *Route { panic("stub") }

func (r *Route) HandlerFunc(f func(http.ResponseWriter, *http.Request)) *Route { panic("stub") }

func (r *Route) GetHandler() http.Handler { panic("stub") }

func (r *Route) Name(name string) *Route { panic("stub") }

func (r *Route) GetName() string { panic("stub") }

func (r *Route) Headers(pairs ...string) *Route { panic("stub") }

func (r *Route) HeadersRegexp(pairs ...string) *Route { panic("stub") }

func (r *Route) Host(tpl string) *Route { panic("stub") }

type MatcherFunc func(*http.Request, *RouteMatch) bool

func (m MatcherFunc) Match(r *http.Request, match *RouteMatch) bool { panic("stub") }

func (r *Route) MatcherFunc(f MatcherFunc) *Route { panic("stub") }

func (r *Route) Methods(methods ...string) *Route { panic("stub") }

func (r *Route) Path(tpl string) *Route { panic("stub") }

func (r *Route) PathPrefix(tpl string) *Route { panic("stub") }

func (r *Route) Queries(pairs ...string) *Route { panic("stub") }

func (r *Route) Schemes(schemes ...string) *Route { panic("stub") }

type BuildVarsFunc func(map[string]string) map[string]string

func (r *Route) BuildVarsFunc(f BuildVarsFunc) *Route { panic("stub") }

func (r *Route) Subrouter() *Router { panic("stub") }

func (r *Route) URL(pairs ...string) (*url.URL, error) { panic("stub") }

func (r *Route) URLHost(pairs ...string) (*url.URL, error) { panic("stub") }

func (r *Route) URLPath(pairs ...string) (*url.URL, error) { panic("stub") }

func (r *Route) GetPathTemplate() (string, error) { panic("stub") }

func (r *Route) GetPathRegexp() (string, error) { panic("stub") }

func (r *Route) GetQueriesRegexp() ([]string, error) { panic("stub") }

func (r *Route) GetQueriesTemplates() ([]string, error) { panic("stub") }

func (r *Route) GetMethods() ([]string, error) { panic("stub") }

func (r *Route) GetHostTemplate() (string, error) { panic("stub") }

func (r *Route) GetVarNames() ([]string, error) { panic("stub") }
