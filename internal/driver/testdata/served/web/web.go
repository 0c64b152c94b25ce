// Package web serves a router: its routes are its registrations.
package web

import (
	"net/http"

	"example.com/served/store"
)

func Serve() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items", func(w http.ResponseWriter, r *http.Request) {
		store.ListItems()
	})
	http.ListenAndServe(":8080", mux)
}
