// Package server serves blobs from whichever backend its program
// configures: both programs register its routes.
package server

import (
	"database/sql"
	"net/http"

	"example.com/binaries/backend"
)

var Audit *sql.DB

// Routes registers the blob routes on mux.
func Routes(mux *http.ServeMux, c backend.Client) {
	mux.HandleFunc("GET /blobs/{name}", func(w http.ResponseWriter, r *http.Request) {
		c.Stat(r.Context(), r.PathValue("name"))
	})
	mux.HandleFunc("POST /audit", func(w http.ResponseWriter, r *http.Request) {
		Audit.ExecContext(r.Context(), "INSERT INTO audit (path) VALUES ($1)", r.URL.Path)
	})
}
