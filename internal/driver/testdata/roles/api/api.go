// Package api serves the users; one of its functions is named like a
// migration, but a request runs it.
package api

import (
	"context"
	"database/sql"
	"net/http"
	"strconv"
)

type Server struct{ DB *sql.DB }

// Users serves GET /users.
func (s *Server) Users(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var ids []int64
	for _, v := range r.URL.Query()["id"] {
		id, _ := strconv.ParseInt(v, 10, 64)
		ids = append(ids, id)
	}
	migrateEmails(ctx, s.DB, ids)
	var id int64
	s.DB.QueryRowContext(ctx, "SELECT id FROM users WHERE email = $1", r.FormValue("email")).Scan(&id) // missing index, per request
}

// migrateEmails is named like a migration, but the graph knows a route
// runs it: its N+1 is reported.
func migrateEmails(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.ExecContext(ctx, "UPDATE users SET email = lower(email) WHERE id = $1", id)
	}
}
