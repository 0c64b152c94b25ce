// Command origin serves blobs from files: it links filestore, not
// sqlstore, so its own route's Stat runs no SQL.
package main

import (
	"net/http"

	"example.com/binaries/backend"
	_ "example.com/binaries/backend/filestore"
	"example.com/binaries/server"
)

func main() {
	mux := http.NewServeMux()
	server.Routes(mux, backend.New("file"))
	mux.HandleFunc("GET /origin/health", func(w http.ResponseWriter, r *http.Request) {
		backend.New("file").Stat(r.Context(), "health")
	})
	mux.HandleFunc("POST /origin/stat", func(w http.ResponseWriter, r *http.Request) {
		for _, name := range r.Form["name"] {
			backend.New("file").Stat(r.Context(), name) // silent: origin links no SQL backend
		}
	})
	http.ListenAndServe(":8080", mux)
}
