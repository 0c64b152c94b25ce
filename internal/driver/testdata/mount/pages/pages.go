// Package pages is handlers main holds as an interface, chosen by a
// dependency's generic helper.
package pages

import (
	"database/sql"
	"net/http"

	"github.com/go-chi/chi/v5"
)

type Handler interface {
	RegisterRoutes(r chi.Router)
}

type Home struct{ DB *sql.DB }

func (h *Home) RegisterRoutes(r chi.Router) {
	r.Get("/home", h.home)
}

func (h *Home) home(w http.ResponseWriter, r *http.Request) {
	h.DB.QueryContext(r.Context(), "SELECT id FROM news")
}

// Noop registers nothing.
type Noop struct{}

func (Noop) RegisterRoutes(r chi.Router) {}
