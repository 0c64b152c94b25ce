// Package orphan registers on a router nothing gives it.
package orphan

import (
	"database/sql"
	"net/http"

	"github.com/go-chi/chi/v5"
)

var DB *sql.DB

func Register(r chi.Router) {
	r.Get("/lost", lost)
}

func lost(w http.ResponseWriter, r *http.Request) {
	DB.ExecContext(r.Context(), "DELETE FROM lost")
}
