// Package agg registers through an interface its aggregators implement
// too, as otf's internal.Handlers: UI and API put their leaves under
// their prefixes, calling AddHandlers on each, and main calls it on
// each aggregator. The interface's dispatch reaches every
// implementation from every such call, aggregators included: a leaf is
// placed under one aggregator at most, not under one aggregator under
// another (which put each route under every order of them).
package agg

import (
	"database/sql"
	"net/http"

	"github.com/gorilla/mux"
)

var DB *sql.DB

type Handlers interface {
	AddHandlers(r *mux.Router)
}

type UI struct{ Handlers []Handlers }

func (u *UI) AddHandlers(r *mux.Router) {
	r = r.PathPrefix("/app").Subrouter()
	for _, h := range u.Handlers {
		h.AddHandlers(r)
	}
}

type API struct{ Handlers []Handlers }

func (a *API) AddHandlers(r *mux.Router) {
	r = r.PathPrefix("/otfapi").Subrouter()
	for _, h := range a.Handlers {
		h.AddHandlers(r)
	}
}

type Runs struct{}

func (Runs) AddHandlers(r *mux.Router) {
	r.HandleFunc("/runs", runs).Methods("GET")
}

func runs(w http.ResponseWriter, r *http.Request) {
	DB.QueryContext(r.Context(), "SELECT id FROM runs")
}
