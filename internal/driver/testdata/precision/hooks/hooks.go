// Package hooks registers a start hook with the lifecycle framework,
// which runs it once per start, through reflection.
package hooks

import (
	"context"
	"net/http"

	"example.net/router"
	"go.uber.org/fx"

	"example.com/precision/store"
)

func Register(lc fx.Lifecycle, s store.Store) {
	lc.Append(fx.Hook{
		OnStart: func(ctx context.Context) error {
			ids := preload()
			for _, id := range ids {
				s.User(ctx, id) // silent: once per start
			}
			Warm(ctx, s, ids)
			return nil
		},
	})
}

func preload() []int64 { return nil }

// Warm runs at start and per request of a route: reported (the route's).
func Warm(ctx context.Context, s store.Store, ids []int64) {
	for _, id := range ids {
		s.User(ctx, id)
	}
}

// Routes registers a handler with a router sqlheat does not know, at
// start (fx invokes it): registered, the handler runs per request, not
// then.
func Routes(r *router.Router, s store.Store) {
	r.Handle("/team", func(w http.ResponseWriter, req router.Request) error {
		Team(req.Context(), s, nil)
		return nil
	})
}

// Team runs per request of a route sqlheat cannot see: reported.
func Team(ctx context.Context, s store.Store, ids []int64) {
	for _, id := range ids {
		s.User(ctx, id)
	}
}
