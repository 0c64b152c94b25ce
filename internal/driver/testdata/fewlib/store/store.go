// Package store is a library's: other modules call its API, with lists
// of any length, whatever its own calls pass.
package store

import (
	"context"
	"database/sql"
)

type Repo struct{ db *sql.DB }

func Open(db *sql.DB) *Repo { return &Repo{db: db} }

// Tag is for the library's users to call; the library itself tags one.
func Tag(ctx context.Context, db *sql.DB, tags ...string) {
	for _, t := range tags {
		_, _ = db.ExecContext(ctx, "INSERT INTO tags (name) VALUES ($1)", t) // reported: other modules may pass any list
	}
}

// TagNew tags the one tag new items get.
func (r *Repo) TagNew(ctx context.Context) { Tag(ctx, r.db, "new") }

// Mark is for the library's users to call; the library marks one.
func (r *Repo) Mark(ctx context.Context, ids ...int64) {
	for _, id := range ids {
		_, _ = r.db.ExecContext(ctx, "UPDATE items SET marked = true WHERE id = $1", id) // reported: other modules may pass any list
	}
}

// MarkFirst marks the first item.
func (r *Repo) MarkFirst(ctx context.Context) { r.Mark(ctx, 1) }

// label is the library's own: its callers are all here, and each
// writes out two names.
func label(ctx context.Context, db *sql.DB, names ...string) {
	for _, n := range names {
		_, _ = db.ExecContext(ctx, "INSERT INTO labels (name) VALUES ($1)", n) // silent: every caller writes out two
	}
}

// LabelDefaults labels an item with the two default labels.
func (r *Repo) LabelDefaults(ctx context.Context) { label(ctx, r.db, "new", "open") }
