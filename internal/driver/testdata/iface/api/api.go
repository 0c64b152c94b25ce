package api

import (
	"context"

	"example.com/iface/store"
)

type API struct{ Users store.Users }

func (a *API) Load(ctx context.Context, ids []int64) {
	for _, id := range ids {
		a.Users.Find(ctx, id) // possible N+1: the implementation queries
		a.Users.Cached(id)    // no implementation queries
	}
}
