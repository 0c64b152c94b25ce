// Package reports registers on the router it is given.
package reports

import (
	"database/sql"
	"net/http"

	"github.com/go-chi/chi/v5"
)

var DB *sql.DB

func Register(r chi.Router) {
	r.Get("/reports", list)
}

func list(w http.ResponseWriter, r *http.Request) {
	DB.QueryContext(r.Context(), "SELECT id FROM reports")
}
