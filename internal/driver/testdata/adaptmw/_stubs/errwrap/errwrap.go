// Package errwrap adapts handlers returning an error to net/http.
package errwrap

import "net/http"

type Handler interface {
	ServeHTTP(http.ResponseWriter, *http.Request) error
}

type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

func (f HandlerFunc) ServeHTTP(w http.ResponseWriter, r *http.Request) error { return f(w, r) }

// Middleware wraps a handler into another.
type Middleware func(Handler) Handler

// Chain holds the middlewares every handler it adapts runs first.
type Chain struct {
	global []Middleware
}

func New() *Chain { return &Chain{} }

func (c *Chain) Use(mw ...Middleware) { c.global = append(c.global, mw...) }

// Adapt wraps h in the chain's middlewares, then in mw, outermost first.
func (c *Chain) Adapt(h HandlerFunc, mw ...Middleware) http.HandlerFunc {
	var out Handler = h
	all := append(append([]Middleware{}, c.global...), mw...)
	for i := len(all) - 1; i >= 0; i-- {
		out = all[i](out)
	}
	return func(w http.ResponseWriter, r *http.Request) {
		if err := out.ServeHTTP(w, r); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	}
}

// Logged adapts h, logging with logf: logf wraps no handler.
func (c *Chain) Logged(h HandlerFunc, logf func(string) string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_ = logf(r.URL.Path)
		_ = h(w, r)
	}
}

// Std adapts h, with middlewares of net/http's handlers: not of h's type.
func (c *Chain) Std(h HandlerFunc, mw ...func(http.Handler) http.Handler) http.HandlerFunc {
	var out http.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _ = h(w, r) })
	for i := len(mw) - 1; i >= 0; i-- {
		out = mw[i](out)
	}
	return out.ServeHTTP
}
