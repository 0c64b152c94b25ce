// Package api calls the store once per item.
package api

import (
	"context"
	"net/http"

	"example.com/percall/store"
)

type API struct {
	Store *store.Store
	Users store.Users
}

func (a *API) Sync(ctx context.Context, kinds []string, ids []int64, names []string) {
	for _, k := range kinds {
		a.Store.Apply(ctx, k, 1) // one statement of three per item
	}
	for _, id := range ids {
		a.Users.Touch(ctx, id) // one implementation's statement per item
	}
	for _, id := range ids {
		a.Store.Save(ctx, id) // three statements per item
	}
	for _, id := range ids {
		a.Store.Run(ctx, 3, id) // one branch per level of the recursion
	}
	for range ids {
		a.Store.Walk(ctx, nil) // a recursion per item: two loops
	}
	a.Store.Expand(ctx, ids)
	for _, k := range kinds {
		a.Store.AddAll(ctx, k, names) // one statement per batch of names
	}
	for _, k := range kinds {
		a.Store.AddEach(ctx, k, names) // one per name of every batch
	}
}

// ServeHTTP syncs the kinds and items a request names.
func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var ids []int64
	a.Sync(r.Context(), r.URL.Query()["kind"], ids, r.URL.Query()["name"])
}
