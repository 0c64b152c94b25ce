// Stub of github.com/go-kratos/kratos/v2/middleware (signatures mirror v2.9.2; bodies are placeholders).

package middleware

import "context"

// Handler defines the handler invoked by Middleware.
type Handler func(ctx context.Context, req any) (any, error)

// Middleware is HTTP/gRPC transport middleware.
type Middleware func(Handler) Handler

func Chain(m ...Middleware) Middleware { panic("stub") }
