// Package handler is gqlgen's older handler API (deprecated in favour of
// graphql/handler, still shipped): GraphQL makes a plain http.HandlerFunc
// serving an executable schema.
package handler

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql"
)

// Option configures the handler.
type Option func(*config)

type config struct{}

// RequestMiddleware adds a middleware around each request.
func RequestMiddleware(mw func()) Option { return func(*config) {} }

// GraphQL serves the schema.
func GraphQL(exec graphql.ExecutableSchema, options ...Option) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {}
}

// Playground serves GraphQL's web playground.
func Playground(title, endpoint string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {}
}
