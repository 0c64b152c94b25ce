// Package api declares its handlers as structs a constructor makes, each
// serving with its ServeHTTP method (agola's shape); cmd/server registers
// them. The package alone sees no registration: each ServeHTTP is a route
// of its own name there, which the registered routes replace.
package api

import (
	"context"
	"database/sql"
	"net/http"
)

type ProjectHandler struct{ db *sql.DB }

func NewProjectHandler(db *sql.DB) *ProjectHandler { return &ProjectHandler{db: db} }

// ServeHTTP runs twelve statements, two over the budget of ten, six of
// them twice: the budget finding is the registered route's, once (the
// route's package, counting the handler's listed statements, counted
// six).
func (h *ProjectHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, id := r.Context(), r.URL.Query().Get("id")
	h.load(ctx, id)
	h.load(ctx, r.URL.Query().Get("parent"))
}

func (h *ProjectHandler) load(ctx context.Context, id string) {
	h.db.QueryRowContext(ctx, "SELECT name FROM projects WHERE id = $1", id)
	h.db.QueryRowContext(ctx, "SELECT owner FROM projects WHERE id = $1", id)
	h.db.QueryRowContext(ctx, "SELECT visibility FROM projects WHERE id = $1", id)
	h.db.QueryRowContext(ctx, "SELECT count(*) FROM secrets WHERE project_id = $1", id)
	h.db.QueryRowContext(ctx, "SELECT count(*) FROM variables WHERE project_id = $1", id)
	h.db.QueryRowContext(ctx, "SELECT count(*) FROM runs WHERE project_id = $1", id)
}
