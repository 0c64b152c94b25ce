// Package legacy builds its own mux.
package legacy

import (
	"database/sql"
	"net/http"
)

func Handler(db *sql.DB) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /old", func(w http.ResponseWriter, r *http.Request) {
		db.ExecContext(r.Context(), "DELETE FROM old_things")
	})
	return mux
}
