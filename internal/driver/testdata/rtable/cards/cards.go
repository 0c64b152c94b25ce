// Package cards returns its route table as a literal.
package cards

import (
	"database/sql"
	"net/http"
	"os"

	"example.com/rtable/api"
)

type handlers struct{ db *sql.DB }

func New(db *sql.DB) api.Handlers { return &handlers{db: db} }

// base is configured: the path of the row built on it is not known.
var base = os.Getenv("EXPORT_BASE")

func (h *handlers) GetAll() []*api.Description {
	return []*api.Description{
		{"/cards", "GET", h.list, "list_cards"},
		{"/cards/{id}", "DELETE", h.remove, "delete_card"},
		{base + "/export", "GET", h.export, "export"},
	}
}

func (h *handlers) list(w http.ResponseWriter, r *http.Request) {
	h.db.QueryContext(r.Context(), "SELECT id, name FROM cards")
}

func (h *handlers) remove(w http.ResponseWriter, r *http.Request) {
	h.db.ExecContext(r.Context(), "DELETE FROM cards WHERE id = $1", r.URL.Query().Get("id"))
}

func (h *handlers) export(w http.ResponseWriter, r *http.Request) {
	h.db.QueryContext(r.Context(), "SELECT id, name, body FROM cards")
}
