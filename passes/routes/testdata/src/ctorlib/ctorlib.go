// Package ctorlib declares handlers as structs with a constructor and a
// ServeHTTP method, the way agola's api packages do; ctoruser registers
// them.
package ctorlib

import (
	"database/sql"
	"net/http"
)

type ProjectHandler struct{ db *sql.DB }

func NewProjectHandler(db *sql.DB) *ProjectHandler { return &ProjectHandler{db: db} }

// ServeHTTP is registered by another package: here, a route of its own
// name, which the standalone driver folds into the routes that register it.
func (h *ProjectHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want `route ctorlib.\(\*ProjectHandler\).ServeHTTP \[ANY ctorlib.\(\*ProjectHandler\).ServeHTTP\] -> ctorlib.\(\*ProjectHandler\).ServeHTTP: 1$`
	h.db.QueryRowContext(r.Context(), "SELECT id FROM projects WHERE id = $1", r.URL.Query().Get("id"))
}
