// Package ownalice is the service's copy of github.com/justinas/alice: an
// immutable list of middleware constructors wrapped around a handler.
package ownalice

import "net/http"

type Constructor func(http.Handler) http.Handler

type Chain struct{ constructors []Constructor }

func New(constructors ...Constructor) Chain {
	return Chain{append(([]Constructor)(nil), constructors...)}
}

func (c Chain) Then(h http.Handler) http.Handler {
	if h == nil {
		h = http.DefaultServeMux
	}
	for i := range c.constructors {
		h = c.constructors[len(c.constructors)-1-i](h)
	}
	return h
}

func (c Chain) ThenFunc(fn http.HandlerFunc) http.Handler {
	if fn == nil {
		return c.Then(nil)
	}
	return c.Then(fn)
}

func (c Chain) Append(constructors ...Constructor) Chain {
	n := make([]Constructor, 0, len(c.constructors)+len(constructors))
	n = append(n, c.constructors...)
	n = append(n, constructors...)
	return Chain{n}
}

func (c Chain) Extend(chain Chain) Chain {
	return c.Append(chain.constructors...)
}
