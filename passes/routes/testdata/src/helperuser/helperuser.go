// Package helperuser registers routes through another package's route
// helpers: the Registers fact says which arguments are the pattern, the
// method, the handler and the router, and what the helper wraps.
package helperuser

import (
	"database/sql"
	"net/http"

	"helpers"
)

type H struct{ db *sql.DB }

func (h *H) create(w http.ResponseWriter, r *http.Request) {
	h.db.ExecContext(r.Context(), "INSERT INTO orders (id) VALUES ($1)", 1)
}

func (h *H) help(w http.ResponseWriter, r *http.Request) {}

func Register(s *helpers.Server, h *H) {
	s.Handle("POST", "/orders", h.create)       // want `route POST /orders \[POST /orders\] -> helpers.logging → helpers.\(\*Server\).auth → helperuser.\(\*H\).create: 2$`
	helpers.Public(s.Router(), "/help", h.help) // want `route …/help \[ANY …/help\] -> helperuser.\(\*H\).help: 0$`
}
