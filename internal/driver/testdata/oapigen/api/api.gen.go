// Package api is shaped as oapi-codegen's chi server: the routes are
// registered under options.BaseURL, on options.BaseRouter or a router of
// its own, and the functions beside HandlerWithOptions fill the options.
package api

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

// ServerInterface is what the application implements.
type ServerInterface interface {
	ListPets(w http.ResponseWriter, r *http.Request)
	GetPet(w http.ResponseWriter, r *http.Request, id string)
}

// ServerInterfaceWrapper adapts the routes' handlers to the interface.
type ServerInterfaceWrapper struct {
	Handler ServerInterface
}

func (siw *ServerInterfaceWrapper) ListPets(w http.ResponseWriter, r *http.Request) {
	siw.Handler.ListPets(w, r)
}

func (siw *ServerInterfaceWrapper) GetPet(w http.ResponseWriter, r *http.Request) {
	siw.Handler.GetPet(w, r, chi.URLParam(r, "id"))
}

// Handler serves the routes on a router of its own.
func Handler(si ServerInterface) http.Handler {
	return HandlerWithOptions(si, ChiServerOptions{})
}

type ChiServerOptions struct {
	BaseURL    string
	BaseRouter chi.Router
}

// HandlerFromMux registers the routes on r.
func HandlerFromMux(si ServerInterface, r chi.Router) http.Handler {
	return HandlerWithOptions(si, ChiServerOptions{
		BaseRouter: r,
	})
}

// HandlerFromMuxWithBaseURL registers the routes on r under baseURL.
func HandlerFromMuxWithBaseURL(si ServerInterface, r chi.Router, baseURL string) http.Handler {
	return HandlerWithOptions(si, ChiServerOptions{
		BaseURL:    baseURL,
		BaseRouter: r,
	})
}

// HandlerWithOptions registers the routes.
func HandlerWithOptions(si ServerInterface, options ChiServerOptions) http.Handler {
	r := options.BaseRouter
	if r == nil {
		r = chi.NewRouter()
	}
	wrapper := ServerInterfaceWrapper{Handler: si}
	r.Group(func(r chi.Router) {
		r.Get(options.BaseURL+"/pets", wrapper.ListPets)
	})
	r.Group(func(r chi.Router) {
		r.Get(options.BaseURL+"/pets/{id}", wrapper.GetPet)
	})
	return r
}
