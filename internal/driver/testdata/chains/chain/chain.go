// Package chain is the service's own middleware chain: immutable, each
// link pointing at its parent; Then stores an adapter of the handler in
// a ChainHandler, whose ServeHTTP builds the chain per request.
package chain

import "net/http"

type Context struct{ User string }

type Middleware func(ctx *Context, next http.Handler) http.Handler

type HandlerFunc func(ctx *Context, w http.ResponseWriter, r *http.Request)

type Handler func(ctx *Context) http.Handler

type Chain struct {
	parent     *Chain
	middleware Middleware
}

func NewChain(ms ...Middleware) *Chain {
	c := new(Chain)
	if len(ms) > 0 {
		c.middleware = ms[0]
		c = c.Append(ms[1:]...)
	}
	return c
}

func (c *Chain) Append(ms ...Middleware) *Chain {
	n := c
	for _, m := range ms {
		l := NewChain(m)
		l.parent = n
		n = l
	}
	return n
}

func (c *Chain) head() *Chain {
	h := c
	for h.parent != nil {
		h = h.parent
	}
	return h
}

func (c *Chain) copy() *Chain {
	n := NewChain(c.middleware)
	if c.parent != nil {
		n.parent = c.parent.copy()
	}
	return n
}

func (c *Chain) AppendChain(tail *Chain) *Chain {
	n := tail.copy()
	n.head().parent = c
	return n
}

func (c *Chain) Then(fn HandlerFunc) *ChainHandler {
	return &ChainHandler{chain: c, handler: adapt(fn)}
}

type ChainHandler struct {
	chain   *Chain
	handler Handler
}

func (ch *ChainHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := &Context{}
	h := ch.handler(ctx)
	for c := ch.chain; c != nil; c = c.parent {
		if c.middleware != nil {
			h = c.middleware(ctx, h)
		}
	}
	h.ServeHTTP(w, r)
}

func adapt(fn HandlerFunc) Handler {
	return func(ctx *Context) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fn(ctx, w, r)
		})
	}
}
