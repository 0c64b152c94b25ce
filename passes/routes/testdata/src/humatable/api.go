// Package humatable registers its operations through a table of
// functions each file's init appends to, called with the API that
// NewAPI made and put its middleware on.
package humatable

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humachi"
	"github.com/go-chi/chi/v5"
)

var registrations []func(huma.API)

func auth(ctx huma.Context, next func(huma.Context)) { next(ctx) }

// authFor makes the API's auth middleware from the API it is for
// (huma.WriteErr needs it): the middleware is added once, and nothing
// wraps the API.
func authFor(api huma.API) func(huma.Context, func(huma.Context)) {
	_ = api
	return auth
}

func NewAPI(router chi.Router) huma.API {
	api := humachi.New(router, huma.DefaultConfig("keys", "1.0"))
	api.UseMiddleware(authFor(api))
	register(api)
	return api
}

func register(api huma.API) {
	for _, fn := range registrations {
		fn(api)
	}
}

func Handler() http.Handler {
	mux := chi.NewMux()
	NewAPI(mux)
	return mux
}

type KeyOutput struct{}

func listKeys(ctx context.Context, in *struct{}) (*KeyOutput, error) { return nil, nil }

// Spec builds the API once more, on a mux of its own, to print its
// document: the operations are that mux's routes too.
func Spec() huma.API {
	return NewAPI(chi.NewMux())
}
