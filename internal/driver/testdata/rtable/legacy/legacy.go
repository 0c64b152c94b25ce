// Package legacy builds its route table in a loop over data: its rows
// are not literals.
package legacy

import (
	"database/sql"
	"net/http"

	"example.com/rtable/api"
)

type handlers struct{ db *sql.DB }

func New(db *sql.DB) api.Legacy { return &handlers{db: db} }

func (h *handlers) Routes() []*api.Description {
	var out []*api.Description
	for _, p := range []string{"/old", "/older"} {
		out = append(out, &api.Description{Path: p, Method: "GET", Handler: h.old})
	}
	return out
}

func (h *handlers) old(w http.ResponseWriter, r *http.Request) {
	h.db.QueryContext(r.Context(), "SELECT id FROM old_items")
}
