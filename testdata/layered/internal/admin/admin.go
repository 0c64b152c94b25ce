// Package admin is the tracker's operator console, served on its own
// port with the standard library's router.
package admin

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"strings"
)

// Server serves the console. Reports read the primary directly; task
// counts come from the store.
type Server struct {
	db    *sql.DB
	count func(ctx context.Context, state string) (int, error)
}

// New returns a console over db, counting tasks with count.
func New(db *sql.DB, count func(ctx context.Context, state string) (int, error)) *Server {
	return &Server{db: db, count: count}
}

// Routes is the console's router.
func (s *Server) Routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("GET /admin/stats", s.requireAdmin(http.HandlerFunc(s.stats)))
	mux.Handle("GET /admin/report", s.requireAdmin(http.HandlerFunc(s.report)))
	return mux
}

// requireAdmin lets through the sessions of administrators only.
func (s *Server) requireAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		var admin bool
		err := s.db.QueryRowContext(r.Context(),
			`SELECT u.is_admin FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token = $1 AND s.expires_at > now()`,
			token).Scan(&admin)
		if err != nil || !admin {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// stats counts the tasks in each state, for the dashboard.
func (s *Server) stats(w http.ResponseWriter, r *http.Request) {
	out := map[string]int{}
	for state := range map[string]bool{"todo": true, "doing": true, "done": true} {
		n, err := s.count(r.Context(), state)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		out[state] = n
	}
	json.NewEncoder(w).Encode(out)
}

// report is the weekly usage report.
func (s *Server) report(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var rep struct {
		Users, Projects, Tasks, Done, Comments, Sessions int
	}
	var err error
	rep.Users, err = s.countRow(ctx, `SELECT count(*) FROM users`, err)
	rep.Projects, err = s.countRow(ctx, `SELECT count(*) FROM projects`, err)
	rep.Tasks, err = s.countRow(ctx, `SELECT count(*) FROM tasks`, err)
	rep.Done, err = s.countRow(ctx, `SELECT count(*) FROM tasks WHERE status = 'done'`, err)
	rep.Comments, err = s.countRow(ctx, `SELECT count(*) FROM comments`, err)
	rep.Sessions, err = s.countRow(ctx, `SELECT count(*) FROM sessions WHERE expires_at > now()`, err)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(rep)
}

// countRow runs a count query, unless an earlier one failed.
func (s *Server) countRow(ctx context.Context, q string, err error) (int, error) {
	if err != nil {
		return 0, err
	}
	var n int
	err = s.db.QueryRowContext(ctx, q).Scan(&n)
	return n, err
}
