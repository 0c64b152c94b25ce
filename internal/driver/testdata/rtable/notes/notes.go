// Package notes keeps its route table in a field its constructor sets.
package notes

import (
	"database/sql"
	"net/http"

	"example.com/rtable/api"
)

type handlers struct {
	db    *sql.DB
	table []*api.Description
}

func New(db *sql.DB) api.Handlers {
	h := &handlers{db: db}
	h.table = []*api.Description{
		{Path: "/notes", Method: "POST", Handler: h.create},
		{Path: "/notes/count", Method: "GET", Handler: func(w http.ResponseWriter, r *http.Request) {
			h.db.QueryRowContext(r.Context(), "SELECT count(*) FROM notes")
		}},
	}
	return h
}

func (h *handlers) GetAll() []*api.Description { return h.table }

func (h *handlers) create(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	for _, body := range r.Form["body"] {
		h.db.ExecContext(r.Context(), "INSERT INTO notes (body) VALUES ($1)", body)
	}
}
