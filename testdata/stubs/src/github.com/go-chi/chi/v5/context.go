// Stub of github.com/go-chi/chi/v5 (signatures mirror v5.5.0; bodies are placeholders).

package chi

import (
	"context"
	"net/http"
)

func URLParam(r *http.Request, key string) string { panic("stub") }

func URLParamFromCtx(ctx context.Context, key string) string { panic("stub") }

func RouteContext(ctx context.Context) *Context { panic("stub") }

func NewRouteContext() *Context { panic("stub") }

var RouteCtxKey = &contextKey{"RouteContext"}

type Context struct {
	Routes Routes

	RoutePath   string
	RouteMethod string

	URLParams RouteParams

	RoutePatterns []string
}

func (x *Context) Reset() { panic("stub") }

func (x *Context) Clone() *Context { panic("stub") }

func (x *Context) URLParam(key string) string { panic("stub") }

func (x *Context) RoutePattern() string { panic("stub") }

type RouteParams struct {
	Keys, Values []string
}

func (s *RouteParams) Add(key, value string) { panic("stub") }

type contextKey struct {
	name string
}
