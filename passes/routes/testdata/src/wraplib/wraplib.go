// want package:"hasHelpers"

// Package wraplib exports a registration wrapper over chi: a Router whose
// methods forward to the chi router it holds, taking handlers of its own
// type. Its methods carry Wraps facts; New returns one at a router's root.
package wraplib

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

func (h HandlerFunc) ServeHTTP(w http.ResponseWriter, r *http.Request) { _ = h(w, r) }

type Router struct {
	chi.Router
}

func New() *Router { // want New:`wraps\(new\)`
	return &Router{chi.NewRouter()}
}

func (r *Router) GET(pattern string, fn HandlerFunc) { // want GET:`wraps\(route GET \$0 -> \$1\)`
	r.Router.Method(http.MethodGet, pattern, fn)
}

func (r *Router) Handle(method, pattern string, fn HandlerFunc) { // want Handle:`wraps\(route \$0 \$1 -> \$2\)`
	r.Router.Method(method, pattern, fn)
}

func (r *Router) Group(fn func(*Router)) { // want Group:`wraps\(group -> \$0\)`
	r.Router.Group(func(c chi.Router) { fn(&Router{c}) })
}

func (r *Router) Prefix(pattern string, fn func(*Router)) { // want Prefix:`wraps\(group \$0 -> \$1\)`
	r.Router.Route(pattern, func(c chi.Router) { fn(&Router{c}) })
}

func (r *Router) With(mw func(http.Handler) http.Handler) *Router { // want With:`wraps\(with \$0\)`
	return &Router{r.Router.With(mw)}
}

func (r *Router) Use2(mw func(http.Handler) http.Handler) { // want Use2:`wraps\(use \$0\)`
	r.Router.Use(mw)
}
