// Package strats loops, per request, over lists of interface values:
// the strategies the program registers (three implementations, written
// out once and handed on by a registry's accessor, filtered, as a
// parameter: low, and the message says so), and look-alikes made from
// data (one per row, one per id the request sends, one added per
// request: reported as they are).
package strats

import (
	"context"
	"database/sql"
	"net/http"
)

type Strategy interface {
	ID() string
	Populate(ctx context.Context) error
}

type Strategies []Strategy

type Password struct{ db *sql.DB }

func (s *Password) ID() string { return "password" }
func (s *Password) Populate(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, "UPDATE credentials SET seen = now() WHERE kind = 'password'")
	return err
}

type Code struct{ db *sql.DB }

func (s *Code) ID() string { return "code" }
func (s *Code) Populate(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, "UPDATE credentials SET seen = now() WHERE kind = 'code'")
	return err
}

type Link struct {
	db   *sql.DB
	name string
}

func (s *Link) ID() string { return s.name }
func (s *Link) Populate(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, "UPDATE links SET seen = now() WHERE name = $1", s.name)
	return err
}

// Registry builds its strategies on first use, and keeps what requests add.
type Registry struct {
	db    *sql.DB
	all   []any
	extra []Strategy
}

func NewRegistry(db *sql.DB) *Registry { return &Registry{db: db} }

func (r *Registry) strategies() []any {
	if len(r.all) == 0 {
		r.all = []any{&Password{r.db}, &Code{r.db}, &Link{r.db, "magic"}}
	}
	return r.all
}

// Enabled are the registered strategies the configuration turns on.
func (r *Registry) Enabled(on map[string]bool) (out Strategies) {
	for _, s := range r.strategies() {
		if st, ok := s.(Strategy); ok && on[st.ID()] {
			out = append(out, st)
		}
	}
	return
}

// Populate runs each strategy's own code once.
func Populate(ctx context.Context, strategies Strategies) error {
	for _, s := range strategies {
		if err := s.Populate(ctx); err != nil { // silent: its one caller passes at most the three the registry's literal holds (a fixed set)
			return err
		}
	}
	return nil
}

// Serve runs per request.
func (r *Registry) Serve(w http.ResponseWriter, req *http.Request) {
	ctx := req.Context()
	on := map[string]bool{"password": true, "code": true}
	Populate(ctx, r.Enabled(on))
	for _, s := range r.Enabled(on) {
		r.db.ExecContext(ctx, "DELETE FROM continuity WHERE key = $1", s.ID()) // silent: at most the three the registry's literal holds, as Populate's
	}
}

// Each runs what every link a caller passes does.
func Each(ctx context.Context, links []Strategy) {
	for _, s := range links {
		s.Populate(ctx) // reported: a caller makes one per row
	}
}

// Links makes a strategy per row.
func (r *Registry) Links(w http.ResponseWriter, req *http.Request) {
	ctx := req.Context()
	rows, _ := r.db.QueryContext(ctx, "SELECT name FROM links")
	var links []Strategy
	for rows.Next() {
		var name string
		rows.Scan(&name)
		links = append(links, &Link{r.db, name})
	}
	Each(ctx, links)
}

// Named makes a strategy per name the request sends.
func (r *Registry) Named(w http.ResponseWriter, req *http.Request) {
	var links Strategies
	for _, name := range req.Form["name"] {
		links = append(links, &Link{r.db, name})
	}
	for _, s := range links {
		s.Populate(req.Context()) // reported: the request's names
	}
}

// Add keeps a strategy per request, and Extra runs them all.
func (r *Registry) Add(w http.ResponseWriter, req *http.Request) {
	r.extra = append(r.extra, &Link{r.db, req.FormValue("name")})
}

func (r *Registry) Extra(w http.ResponseWriter, req *http.Request) {
	for _, s := range r.extra {
		r.db.ExecContext(req.Context(), "DELETE FROM continuity WHERE key = $1", s.ID()) // reported: requests add to r.extra
	}
}
