// Package files builds its own mux.
package files

import (
	"database/sql"
	"net/http"
)

func Handler(db *sql.DB) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /list", func(w http.ResponseWriter, r *http.Request) {
		db.QueryContext(r.Context(), "SELECT name FROM files")
	})
	return mux
}
