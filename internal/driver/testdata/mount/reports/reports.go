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
	rows, _ := DB.QueryContext(r.Context(), "SELECT id FROM reports")
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	for _, id := range ids {
		DB.ExecContext(r.Context(), "UPDATE reports SET seen = true WHERE id = $1", id)
	}
}
