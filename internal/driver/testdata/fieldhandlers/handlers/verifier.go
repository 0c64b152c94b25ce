package handlers

import (
	"context"
	"errors"
	"net/http"
)

// Verifier checks the request's token: set at start-up to what
// NewVerifier returns, and used by the router.
var Verifier func(http.Handler) http.Handler

// Tokens looks a token up.
type Tokens interface {
	Valid(ctx context.Context, token string) bool
}

// NewVerifier makes the token middleware.
func NewVerifier(t Tokens) (func(http.Handler) http.Handler, error) {
	if t == nil {
		return nil, errors.New("no tokens")
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !t.Valid(r.Context(), r.Header.Get("Authorization")) {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r)
		})
	}, nil
}

// Fallback is a handler variable nothing in the module sets: the route
// registering it runs nothing the graph can name.
var Fallback http.HandlerFunc
