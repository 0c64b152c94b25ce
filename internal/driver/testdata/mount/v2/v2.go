// Package v2 registers on the router chi's Route gives it.
package v2

import (
	"database/sql"
	"net/http"

	"github.com/go-chi/chi/v5"
)

var DB *sql.DB

func Routes(r chi.Router) {
	r.Get("/things", things)
}

func things(w http.ResponseWriter, r *http.Request) {
	DB.ExecContext(r.Context(), "UPDATE things SET seen = seen + 1")
}
