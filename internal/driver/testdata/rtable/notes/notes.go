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
	h.table = append(h.table, h.extra()...)
	return h
}

// extra are rows appended to the table: a literal another method returns.
func (h *handlers) extra() []*api.Description {
	return []*api.Description{{Path: "/notes/{id}", Method: "DELETE", Handler: h.remove}}
}

func (h *handlers) remove(w http.ResponseWriter, r *http.Request) {
	h.db.ExecContext(r.Context(), "DELETE FROM notes WHERE id = $1", r.FormValue("id"))
}

func (h *handlers) GetAll() []*api.Description { return h.table }

func (h *handlers) create(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	for _, body := range r.Form["body"] {
		h.db.ExecContext(r.Context(), "INSERT INTO notes (body) VALUES ($1)", body)
	}
}
