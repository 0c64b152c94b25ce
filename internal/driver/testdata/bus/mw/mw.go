// Package mw holds the engine's middlewares: each runs around the
// handler it wraps, calling it as next.
package mw

import (
	"example.com/bus/bus"
	"example.com/bus/query"
	"example.com/bus/web"
)

// Session looks the session up on every request.
func Session() web.MiddlewareFunc {
	return func(next web.HandlerFunc) web.HandlerFunc {
		return func(c *web.Context) error {
			if err := bus.Dispatch(c, &query.GetSession{}); err != nil {
				return err
			}
			return next(c)
		}
	}
}

// Chain applies the middlewares, last first; with none, the handler as
// it is.
func Chain(mws ...web.MiddlewareFunc) web.MiddlewareFunc {
	return func(handler web.HandlerFunc) web.HandlerFunc {
		next := handler
		for i := len(mws) - 1; i >= 0; i-- {
			next = mws[i](next)
		}
		return next
	}
}
