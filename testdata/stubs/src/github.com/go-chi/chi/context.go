// Stub of github.com/go-chi/chi, v4 (signatures mirror v4.1.2; bodies are placeholders).

package chi

import (
	"context"
	"net/http"
)

func URLParam(r *http.Request, key string) string { panic("stub") }

func URLParamFromCtx(ctx context.Context, key string) string { panic("stub") }

func RouteContext(ctx context.Context) *Context { panic("stub") }

type Context struct {
	Routes Routes

	RoutePath   string
	RouteMethod string

	RoutePatterns []string

	URLParams RouteParams
}

func (x *Context) URLParam(key string) string { panic("stub") }

func (x *Context) RoutePattern() string { panic("stub") }

type RouteParams struct {
	Keys, Values []string
}
