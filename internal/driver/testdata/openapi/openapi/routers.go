// Package openapi is the shape of OpenAPI Generator's go-server code:
// controllers return tables of routes, NewRouter registers every row of
// the routers handed to it with gorilla/mux.
package openapi

import (
	"log"
	"net/http"

	"github.com/gorilla/mux"
)

// A Route defines the parameters for an api endpoint.
type Route struct {
	Name        string
	Method      string
	Pattern     string
	HandlerFunc http.HandlerFunc
}

// Routes are a collection of defined api endpoints.
type Routes []Route

// Router defines the required methods for retrieving api routes.
type Router interface {
	Routes() Routes
}

// NewRouter creates a new router for any number of api routers.
func NewRouter(routers ...Router) *mux.Router {
	router := mux.NewRouter().StrictSlash(true)
	for _, api := range routers {
		for _, route := range api.Routes() {
			var handler http.Handler
			handler = route.HandlerFunc
			handler = Logger(handler, route.Name)

			router.
				Methods(route.Method).
				Path(route.Pattern).
				Name(route.Name).
				Handler(handler)
		}
	}
	return router
}

// Logger logs each request's route.
func Logger(inner http.Handler, name string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		inner.ServeHTTP(w, r)
		log.Printf("%s %s", r.Method, name)
	})
}
