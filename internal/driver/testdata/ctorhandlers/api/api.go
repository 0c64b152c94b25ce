// Package api declares its handlers as structs a constructor makes, each
// serving with its ServeHTTP method (agola's shape); cmd/server registers
// them. The package alone sees no registration: each ServeHTTP is a route
// of its own name there, which the registered routes replace.
package api

import (
	"database/sql"
	"net/http"
)

type ProjectHandler struct{ db *sql.DB }

func NewProjectHandler(db *sql.DB) *ProjectHandler { return &ProjectHandler{db: db} }

// ServeHTTP runs eleven statements, one over the budget of ten: the
// budget finding is the registered route's, once.
func (h *ProjectHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, id := r.Context(), r.URL.Query().Get("id")
	h.db.QueryRowContext(ctx, "SELECT name FROM projects WHERE id = $1", id)
	h.db.QueryRowContext(ctx, "SELECT owner FROM projects WHERE id = $1", id)
	h.db.QueryRowContext(ctx, "SELECT visibility FROM projects WHERE id = $1", id)
	h.db.QueryRowContext(ctx, "SELECT parent FROM projects WHERE id = $1", id)
	h.db.QueryRowContext(ctx, "SELECT count(*) FROM secrets WHERE project_id = $1", id)
	h.db.QueryRowContext(ctx, "SELECT count(*) FROM variables WHERE project_id = $1", id)
	h.db.QueryRowContext(ctx, "SELECT count(*) FROM runs WHERE project_id = $1", id)
	h.db.QueryRowContext(ctx, "SELECT count(*) FROM members WHERE project_id = $1", id)
	h.db.QueryRowContext(ctx, "SELECT count(*) FROM webhooks WHERE project_id = $1", id)
	h.db.QueryRowContext(ctx, "SELECT count(*) FROM badges WHERE project_id = $1", id)
	h.db.QueryRowContext(ctx, "SELECT count(*) FROM tokens WHERE project_id = $1", id)
}
