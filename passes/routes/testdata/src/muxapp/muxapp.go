// Package muxapp registers routes with gorilla/mux: HandleFunc with
// Methods, matcher chains ending in a handler, and sub-routers.
package muxapp

import (
	"database/sql"
	"net/http"

	"github.com/gorilla/mux"
)

type H struct{ db *sql.DB }

func (h *H) get(w http.ResponseWriter, r *http.Request) {
	h.db.QueryRowContext(r.Context(), "SELECT id FROM items WHERE id = $1", mux.Vars(r)["id"])
}

func (h *H) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.db.QueryRowContext(r.Context(), "SELECT user_id FROM sessions WHERE token = $1", r.Header.Get("Token"))
		next.ServeHTTP(w, r)
	})
}

func (h *H) Router() *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/items/{id}", h.get).Methods("GET")                // want `route GET /items/\{id\} \[GET /items/\{\}\] -> muxapp.\(\*H\).get: 1$`
	r.HandleFunc("/any", h.get)                                      // want `route /any \[ANY /any\] -> muxapp.\(\*H\).get: 1$`
	r.Path("/tags/{id:[0-9]+}").Methods("DELETE").HandlerFunc(h.get) // want `route DELETE /tags/\{id:\[0-9\]\+\} \[DELETE /tags/\{\}\] -> muxapp.\(\*H\).get: 1$`

	api := r.PathPrefix("/api").Subrouter()
	api.Use(h.auth)
	api.HandleFunc("/items/{id}", h.get).Methods("GET", "PUT")         // want `route GET /api/items/\{id\} .* -> muxapp.\(\*H\).auth → muxapp.\(\*H\).get: 2$` `route PUT /api/items/\{id\} .* -> muxapp.\(\*H\).auth → muxapp.\(\*H\).get: 2$`
	api.PathPrefix("/static/").Handler(http.FileServer(http.Dir("."))) // want `route /api/static/ \[ANY /api/static/\{\.\.\.\}\] -> muxapp.\(\*H\).auth → http.FileServer: 1$`
	return r
}

// Buckets registers the same routes on each router of a list: a
// sub-router per host, and one for any host, path-style (an S3 API's
// shape). A registration in the loop is one route per router the list
// holds; one on a list it cannot read keeps the unknown prefix.
func (h *H) Buckets(hosts []string, more []*mux.Router) *mux.Router {
	r := mux.NewRouter()
	var routers []*mux.Router
	for _, host := range hosts {
		routers = append(routers, r.Host(host).Subrouter())
	}
	routers = append(routers, r.PathPrefix("/{bucket}").Subrouter())
	for _, b := range routers {
		b.HandleFunc("/{object}", h.get).Methods("GET") // want `route GET /\{object\} .* -> muxapp.\(\*H\).get: 1$` `route GET /\{bucket\}/\{object\} .* -> muxapp.\(\*H\).get: 1$`
	}
	for _, v := range map[string]*mux.Router{"v1": r.PathPrefix("/v1").Subrouter()} {
		v.HandleFunc("/objects/{id}", h.get).Methods("DELETE") // want `route DELETE /v1/objects/\{id\} .* -> muxapp.\(\*H\).get: 1$`
	}
	for _, b := range more {
		b.HandleFunc("/{object}", h.get).Methods("PUT") // want `route PUT …/\{object\} .* -> muxapp.\(\*H\).get: 1$`
	}
	return r
}
