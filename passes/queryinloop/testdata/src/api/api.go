// Package api: handler -> service -> store across three packages.
package api

import (
	"context"
	"net/http"

	"service"
	"store"
)

type Order struct{ ID int64 }

type API struct{ V *service.Service }

func (a *API) ListOrders(w http.ResponseWriter, r *http.Request) {
	orders := decode(r)
	for _, o := range orders {
		a.V.OrderItems(r.Context(), o.ID) // fix `^add a variant of service.\(\*Service\).OrderItems that fetches the rows of all items in one query \(WHERE order_id IN` // want `^service.\(\*Service\).OrderItems runs SELECT from items \(store.go:\d+\) once per item of orders: n round trips instead of 1$`
	}
	// Fixed version: one call with every id, after the loop that gathers them.
	var ids []int64
	for _, o := range orders {
		ids = append(ids, o.ID)
	}
	a.V.S.ItemsForOrders(r.Context(), ids)
}

func decode(r *http.Request) []Order { return nil }

func (a *API) Nested(ctx context.Context, groups [][]store.Item) {
	for _, g := range groups {
		a.V.TagAll(ctx, g) // want `^service.\(\*Service\).TagAll runs SELECT from tags \(store.go:\d+\) once per item of groups, and loops itself: n×m round trips$`
	}
}

// Routes registers handler closures in a loop: they do not run here.
func (a *API) Routes(mux *http.ServeMux, paths []string) {
	for _, p := range paths {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			a.V.OrderItems(r.Context(), 1) // not in a loop: the closure runs per request
		})
	}
}
