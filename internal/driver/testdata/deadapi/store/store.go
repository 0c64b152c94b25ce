// Package store reads posts.
package store

import (
	"context"
	"database/sql"
	"net/http"
)

type Store struct{ db *sql.DB }

func New(db *sql.DB) *Store { return &Store{db: db} }

// Titles is what the program calls.
func (s *Store) Titles(ctx context.Context, ids []int) []string {
	var out []string
	for _, id := range ids {
		var t string
		_ = s.db.QueryRowContext(ctx, "SELECT title FROM posts WHERE id = $1", id).Scan(&t)
		out = append(out, t)
	}
	return out
}

// Unused is exported, and nothing calls it.
func (s *Store) Unused(ctx context.Context, ids []int) {
	for _, id := range ids {
		_, _ = s.db.ExecContext(ctx, "UPDATE posts SET views = views + 1 WHERE id = $1", id)
	}
}

// Purge is never called, but its value is taken.
func (s *Store) Purge(ctx context.Context, ids []int) {
	for _, id := range ids {
		_, _ = s.db.ExecContext(ctx, "DELETE FROM posts WHERE id = $1", id)
	}
}

// Backfill is an exported function nothing calls.
func Backfill(ctx context.Context, db *sql.DB, ids []int) {
	for _, id := range ids {
		_, _ = db.ExecContext(ctx, "UPDATE posts SET slug = title WHERE id = $1", id)
	}
}

// Tags is read by database/sql through sql.Scanner.
type Tags struct {
	DB    *sql.DB
	Names []string
}

func (t *Tags) Scan(src any) error {
	ids, _ := src.([]int64)
	for _, id := range ids {
		var n string
		_ = t.DB.QueryRow("SELECT name FROM tags WHERE id = $1", id).Scan(&n)
		t.Names = append(t.Names, n)
	}
	return nil
}

// Counts is published as an expvar.Var: expvar's handler calls String.
type Counts struct {
	DB  *sql.DB
	IDs []int
}

func (c *Counts) String() string {
	out := ""
	for _, id := range c.ids() {
		var n string
		_ = c.DB.QueryRow("SELECT count(*) FROM votes WHERE post_id = $1", id).Scan(&n)
		out += n
	}
	return out
}

// Posts is registered with net/rpc, which calls its methods by
// reflection.
type Posts struct{ DB *sql.DB }

type Args struct{ IDs []int }

func (p *Posts) Touch(args *Args, reply *int) error {
	for _, id := range args.IDs {
		_, _ = p.DB.Exec("UPDATE posts SET touched = now() WHERE id = $1", id)
	}
	return nil
}

// Mux is served by net/http as an http.Handler.
type Mux struct{ DB *sql.DB }

func (m *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, id := range r.URL.Query()["id"] {
		_, _ = m.DB.Exec("UPDATE posts SET seen = now() WHERE id = $1", id)
	}
}

// ids are the rows' ids: as many as the table holds.
func (c *Counts) ids() []int {
	rows, err := c.DB.Query("SELECT id FROM posts")
	if err != nil {
		return nil
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var id int
		if rows.Scan(&id) == nil {
			out = append(out, id)
		}
	}
	return out
}
