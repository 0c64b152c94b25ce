// Package oapichi is shaped as oapi-codegen's chi server, with its caller
// in the package: the routes' base is the options' BaseURL, which only
// the standalone driver reads from the calls ("…/pets" here); their
// router is what each call gives BaseRouter (Serve's, behind its
// middleware), or the router made when a call gives none.
package oapichi

import (
	"database/sql"
	"net/http"

	"github.com/go-chi/chi/v5"
)

type ServerInterface interface {
	ListPets(w http.ResponseWriter, r *http.Request)
}

type ServerInterfaceWrapper struct {
	Handler ServerInterface
}

func (siw *ServerInterfaceWrapper) ListPets(w http.ResponseWriter, r *http.Request) {
	siw.Handler.ListPets(w, r)
}

type ChiServerOptions struct {
	BaseURL    string
	BaseRouter chi.Router
}

func HandlerFromMuxWithBaseURL(si ServerInterface, r chi.Router, baseURL string) http.Handler {
	return HandlerWithOptions(si, ChiServerOptions{BaseURL: baseURL, BaseRouter: r})
}

func HandlerWithOptions(si ServerInterface, options ChiServerOptions) http.Handler {
	r := options.BaseRouter
	if r == nil {
		r = chi.NewRouter()
	}
	wrapper := ServerInterfaceWrapper{Handler: si}
	r.Group(func(r chi.Router) {
		r.Get(options.BaseURL+"/pets", wrapper.ListPets) // want `route GET …/pets \[GET …/pets\] -> oapichi.\(\*ServerInterfaceWrapper\).ListPets: 0$` `route GET ……/pets \[GET …/pets\] -> oapichi.\(\*ServerInterfaceWrapper\).ListPets: 0$` `route GET …/pets \[GET …/pets\] -> oapichi.\(\*Server\).auth → oapichi.\(\*ServerInterfaceWrapper\).ListPets: 1$`
	})
	return r
}

type Server struct{ db *sql.DB }

// ListPets has a handler's signature, and no registration here: the
// package lists it; the standalone driver, which sees the wrapper call
// it through the interface, does not.
func (s *Server) ListPets(w http.ResponseWriter, r *http.Request) { // want `route oapichi.\(\*Server\).ListPets \[ANY oapichi.\(\*Server\).ListPets\] -> oapichi.\(\*Server\).ListPets: 1$`
	s.db.QueryContext(r.Context(), "SELECT id FROM pets")
}

func (s *Server) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.db.QueryRowContext(r.Context(), "SELECT user_id FROM sessions WHERE token = $1", r.Header.Get("Token"))
		next.ServeHTTP(w, r)
	})
}

// Serve registers the API on its own router, behind auth.
func Serve(s *Server) {
	r := chi.NewRouter()
	r.Use(s.auth)
	HandlerFromMuxWithBaseURL(s, r, "/api")
	http.ListenAndServe(":8080", r)
}
