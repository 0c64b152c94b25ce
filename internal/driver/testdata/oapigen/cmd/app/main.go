// Command app serves the API three times: under a base main writes out,
// under a base it passes in the options' literal, and under one read
// from the environment, which no route may claim to know. And a handler
// that hands the request to another function of a handler's signature,
// which is its route's code, no route of its own.
package main

import (
	"database/sql"
	"net/http"
	"os"

	"github.com/go-chi/chi/v5"

	"example.com/oapigen/api"
	"example.com/oapigen/store"
)

func main() {
	db, _ := sql.Open("postgres", "")
	srv := &store.Server{DB: db}
	r := chi.NewRouter()
	api.HandlerFromMuxWithBaseURL(srv, r, "/api")
	v2 := chi.NewRouter()
	api.HandlerWithOptions(srv, api.ChiServerOptions{BaseURL: "/v2", BaseRouter: v2})
	r.Mount("/next", v2)
	api.HandlerWithOptions(srv, api.ChiServerOptions{BaseURL: os.Getenv("BASE"), BaseRouter: r})
	r.HandleFunc("/view/", logged(view))
	http.ListenAndServe(":8080", r)
}

// logged wraps a handler.
func logged(fn http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		fn(w, r)
	}
}

// view serves a message's parts by the path's suffix.
func view(w http.ResponseWriter, r *http.Request) {
	store.MessageHTML(w, r)
}
