// Package api registers its endpoints' routes on the bundle it is given.
package api

import (
	"net/http"

	"github.com/go-pkgz/routegroup"

	"example.com/routegroup/store"
)

type Authenticator interface {
	LoggedIn(scopes ...string) func(http.Handler) http.Handler
}

type Handler interface {
	RegisterRoutes(g *routegroup.Bundle)
}

type AuthHandler struct{ Store *store.Store }

func (h AuthHandler) LoggedIn(scopes ...string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h.Store.User(r.Context(), r.Header.Get("User"))
			next.ServeHTTP(w, r)
		})
	}
}

type PeerEndpoint struct {
	Auth  Authenticator
	Store *store.Store
}

func (e PeerEndpoint) RegisterRoutes(g *routegroup.Bundle) {
	peers := g.Mount("/peer")
	peers.HandleFunc("GET /all", e.handleAll())
	peers.With(e.Auth.LoggedIn("admin")).HandleFunc("GET /by-id/{id...}", e.handleByID())
}

func (e PeerEndpoint) handleAll() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { e.Store.Peers(r.Context()) }
}

func (e PeerEndpoint) handleByID() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { e.Store.Peer(r.Context(), r.PathValue("id")) }
}

func Register(g *routegroup.Bundle, hs ...Handler) {
	for _, h := range hs {
		h.RegisterRoutes(g)
	}
}
