// Package webalice registers handlers behind alice chains.
package webalice

import (
	"net/http"

	"github.com/justinas/alice"

	"example.com/chains/mw"
	"example.com/chains/ownalice"
	"example.com/chains/store"
)

var audited = alice.New(mw.Session, mw.Audit)

func Routes(base alice.Chain) http.Handler {
	c := alice.New(mw.Session)
	mux := http.NewServeMux()
	mux.Handle("/orders", c.Then(http.HandlerFunc(Orders)))
	mux.Handle("/orders/get", c.Append(mw.Audit).ThenFunc(Order))
	mux.Handle("/export", c.Extend(alice.New(mw.Audit)).ThenFunc(Export))
	mux.Handle("/ping", c.ThenFunc(Ping))
	mux.Handle("/orders/base", base.ThenFunc(Orders))
	mux.Handle("/audited", audited.ThenFunc(Ping))
	own := ownalice.New(mw.Session)
	mux.Handle("/own", own.Append(mw.Audit).ThenFunc(Export))
	mux.Handle("/own/ping", own.ThenFunc(Ping))
	step := alice.New(mw.Session)
	mux.Handle("/step1", step.ThenFunc(Ping))
	step = step.Append(mw.Audit)
	mux.Handle("/step2", step.ThenFunc(Ping))
	return mux
}

func Orders(w http.ResponseWriter, r *http.Request) { store.Orders() }

func Order(w http.ResponseWriter, r *http.Request) { store.Order(r.URL.Query().Get("id")) }

func Export(w http.ResponseWriter, r *http.Request) { store.Export() }

func Ping(w http.ResponseWriter, r *http.Request) { w.Write([]byte("pong")) }
