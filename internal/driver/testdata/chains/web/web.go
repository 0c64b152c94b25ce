// Package web registers the handlers behind the service's own chains.
package web

import (
	"net/http"

	"example.com/chains/chain"
	"example.com/chains/mw"
	"example.com/chains/store"
)

type Server struct{ chain *chain.Chain }

func Routes(base *chain.Chain, s *Server) http.Handler {
	std := chain.NewChain(mw.Log)
	authed := std.Append(mw.Auth(true))
	itemChain := chain.NewChain(mw.Item)
	mux := http.NewServeMux()
	mux.Handle("/items", authed.Then(ListItems))
	mux.Handle("/items/get", authed.AppendChain(itemChain).Then(GetItem))
	mux.Handle("/health", std.Then(Health))
	mux.Handle("/purge", base.Then(DeleteItems))
	mux.Handle("/count", s.chain.Append(mw.Auth(false)).Then(Count))
	extra := []chain.Middleware{mw.Item}
	mux.Handle("/spread", std.Append(extra...).Then(ListItems))
	maybe := chain.NewChain(mw.Log)
	if s != nil {
		maybe = maybe.Append(mw.Auth(true))
	}
	mux.Handle("/maybe", maybe.Then(Count))
	mux.Handle("/std", stdChain().Then(Count))
	mux.Handle("/pick", pick(true).Then(Count))
	return mux
}

// stdChain makes the chain its one return gives.
func stdChain() *chain.Chain {
	return chain.NewChain(mw.Log).Append(mw.Auth(true))
}

// pick returns one of two chains.
func pick(strict bool) *chain.Chain {
	if strict {
		return chain.NewChain(mw.Auth(true))
	}
	return chain.NewChain(mw.Log)
}

func ListItems(ctx *chain.Context, w http.ResponseWriter, r *http.Request) {
	store.Items()
}

func GetItem(ctx *chain.Context, w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("item"))
}

func Health(ctx *chain.Context, w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("ok"))
}

func DeleteItems(ctx *chain.Context, w http.ResponseWriter, r *http.Request) {
	store.DeleteItems(ctx.User)
}

func Count(ctx *chain.Context, w http.ResponseWriter, r *http.Request) {
	store.Count()
}
