// Package ifmux hands its users an interface to register routes on,
// implemented by a type forwarding to a gorilla router under a configured
// prefix; a fake implementation lives in a test file. Logger's method
// takes a string and a handler but registers nothing.
package ifmux

import (
	"log"
	"net/http"
	"path"

	"github.com/gorilla/mux"
)

// Mux registers HTTP routes.
type Mux interface {
	Handle(pattern string, h http.Handler)         // want `registers\(gorilla/mux ANY \(\)\$0 -> ifmux.mountMux.wrap → \$1 on "…"\)`
	HandleFunc(pattern string, h http.HandlerFunc) // want `registers\(gorilla/mux ANY \(\)\$0 -> ifmux.mountMux.wrap → \$1 on "…"\)`
	HandleCORS(pattern string, h http.HandlerFunc) // want `registers\(gorilla/mux ANY \(\)\$0 -> ifmux.mountMux.wrap → ifmux.cors → \$1 on "…"\)`
}

type Config struct {
	Router     *mux.Router
	IssuerPath string
}

func New(c Config) Mux { return mountMux{c} }

type mountMux struct{ c Config }

func (m mountMux) wrap(h http.Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Frame-Options", "DENY")
		h.ServeHTTP(w, r)
	}
}

func (m mountMux) Handle(p string, h http.Handler) { // want `registers\(gorilla/mux ANY \(\)\$0 -> ifmux.mountMux.wrap → \$1 on "…"\)`
	m.c.Router.Handle(path.Join(m.c.IssuerPath, p), m.wrap(h))
}

func (m mountMux) HandleFunc(p string, h http.HandlerFunc) { m.Handle(p, h) } // want `registers\(gorilla/mux ANY \(\)\$0 -> ifmux.mountMux.wrap → \$1 on "…"\)`

func (m mountMux) HandleCORS(p string, h http.HandlerFunc) { // want `registers\(gorilla/mux ANY \(\)\$0 -> ifmux.mountMux.wrap → ifmux.cors → \$1 on "…"\)`
	var handler http.Handler = h
	handler = cors(handler)
	m.Handle(p, handler)
}

func cors(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		h.ServeHTTP(w, r)
	})
}

// Logger notes names; it registers nothing.
type Logger interface {
	Note(name string, h http.Handler)
}

type stdLogger struct{}

func (stdLogger) Note(name string, h http.Handler) { log.Printf("%s: %T", name, h) }

func NewLogger() Logger { return stdLogger{} }

// API joins a constant before its patterns; its two implementations are
// the router's and one registering nothing (a service without an API):
// a call registers what the router's does, on the router the constructor
// is passed (unknown here: "…").
type API interface {
	Get(pattern string, h http.HandlerFunc) // want `registers\(gorilla/mux GET \(="/api"\)\$0 -> \$1 on "…"\)`
}

type apiMux struct{ r *mux.Router }

func (a *apiMux) Get(p string, h http.HandlerFunc) { // want `registers\(gorilla/mux GET \(="/api"\)\$0 -> \$1 on "…"\)`
	a.r.HandleFunc(path.Join("/api", p), h).Methods(http.MethodGet)
}

type noAPI struct{}

func (noAPI) Get(p string, h http.HandlerFunc) {}

func NewAPI(r *mux.Router, enabled bool) API {
	if !enabled {
		return noAPI{}
	}
	return &apiMux{r}
}
