// Package routegroup is a stub of github.com/go-pkgz/routegroup's API:
// a Bundle groups routes of a ServeMux under a base path with
// middlewares; its Handle and HandleFunc take ServeMux patterns
// ("GET /x"), to which it adds the base path before registering them on
// the mux. Not in sqlheat's table: the Bundle is known by its shape.
package routegroup

import (
	"net/http"
	"strings"
)

type Bundle struct {
	mux         *http.ServeMux
	basePath    string
	middlewares []func(http.Handler) http.Handler
}

func New(mux *http.ServeMux) *Bundle { return &Bundle{mux: mux} }

func (b *Bundle) ServeHTTP(w http.ResponseWriter, r *http.Request) { b.mux.ServeHTTP(w, r) }

func (b *Bundle) Group() *Bundle {
	return &Bundle{mux: b.mux, basePath: b.basePath, middlewares: append([]func(http.Handler) http.Handler(nil), b.middlewares...)}
}

func (b *Bundle) Mount(basePath string) *Bundle {
	g := b.Group()
	g.basePath += basePath
	return g
}

func (b *Bundle) Use(mw func(http.Handler) http.Handler, more ...func(http.Handler) http.Handler) {
	b.middlewares = append(append(b.middlewares, mw), more...)
}

func (b *Bundle) With(mw func(http.Handler) http.Handler, more ...func(http.Handler) http.Handler) *Bundle {
	g := b.Group()
	g.Use(mw, more...)
	return g
}

func (b *Bundle) Route(fn func(*Bundle)) { fn(b.Group()) }

func (b *Bundle) Handle(pattern string, h http.Handler) { b.register(pattern, h.ServeHTTP) }

func (b *Bundle) HandleFunc(pattern string, h http.HandlerFunc) { b.register(pattern, h) }

func (b *Bundle) register(pattern string, h http.HandlerFunc) {
	if method, path, ok := strings.Cut(pattern, " "); ok {
		pattern = method + " " + b.basePath + path
	} else {
		pattern = b.basePath + pattern
	}
	var hh http.Handler = h
	for i := len(b.middlewares) - 1; i >= 0; i-- {
		hh = b.middlewares[i](hh)
	}
	b.mux.Handle(pattern, hh)
}
