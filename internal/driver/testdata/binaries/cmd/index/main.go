// Command index keeps metadata in SQL: it links sqlstore.
package main

import (
	"net/http"

	"example.com/binaries/backend"
	_ "example.com/binaries/backend/sqlstore"
	"example.com/binaries/server"
)

func main() {
	mux := http.NewServeMux()
	server.Routes(mux, backend.New("sql"))
	mux.HandleFunc("GET /index/health", func(w http.ResponseWriter, r *http.Request) {
		backend.New("sql").Stat(r.Context(), "health")
	})
	mux.HandleFunc("POST /index/stat", func(w http.ResponseWriter, r *http.Request) {
		for _, name := range r.Form["name"] {
			backend.New("sql").Stat(r.Context(), name) // reported: index links the SQL backend
		}
	})
	http.ListenAndServe(":8081", mux)
}
