// Package api serves the routes.
package api

import (
	"context"
	"net/http"

	"example.com/txcallback/ds"
)

type API struct{ DS ds.Datastore }

func (a *API) WriteA(w http.ResponseWriter, r *http.Request) {
	a.DS.ReadWriteTx(r.Context(), func(ctx context.Context, tx ds.Tx) error {
		return tx.InsertA(ctx, 1)
	})
}

func (a *API) WriteB(w http.ResponseWriter, r *http.Request) {
	a.DS.ReadWriteTx(r.Context(), func(ctx context.Context, tx ds.Tx) error {
		return tx.InsertB(ctx, 2)
	})
}

func (a *API) Count(w http.ResponseWriter, r *http.Request) {
	a.DS.Count(r.Context())
}

func (a *API) Routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /a", a.WriteA)
	mux.HandleFunc("POST /b", a.WriteB)
	mux.HandleFunc("GET /count", a.Count)
	return mux
}
