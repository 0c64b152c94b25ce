// Package mw holds the middlewares: the own chain's, taking its context,
// and plain ones for alice.
package mw

import (
	"net/http"

	"example.com/chains/chain"
	"example.com/chains/store"
)

// Log runs no query.
func Log(ctx *chain.Context, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
	})
}

// Auth looks the token up: a constructor returning the middleware.
func Auth(required bool) chain.Middleware {
	return func(ctx *chain.Context, next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx.User = store.UserByToken(r.Header.Get("Token"))
			if required && ctx.User == "" {
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// Item loads the requested item.
func Item(ctx *chain.Context, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		store.Item(r.URL.Query().Get("id"))
		next.ServeHTTP(w, r)
	})
}

// Session looks the session up.
func Session(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		store.Session(r.Header.Get("Session"))
		next.ServeHTTP(w, r)
	})
}

// Audit records the request.
func Audit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		store.Audit(r.URL.Path)
		next.ServeHTTP(w, r)
	})
}

// Unused is registered by no chain: a handler no route registers.
func Unused(ctx *chain.Context, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		store.Audit("unused")
		next.ServeHTTP(w, r)
	})
}
