// Package store is a library's: other modules call its API.
package store

//go:generate go run ../internal/cmd/gen

import (
	"context"
	"database/sql"
)

type Repo struct{ db *sql.DB }

func Open(db *sql.DB) *Repo { return &Repo{db: db} }

// Rename is for the library's users to call.
func (r *Repo) Rename(ctx context.Context, names map[int]string) {
	for id, name := range names {
		_, _ = r.db.ExecContext(ctx, "UPDATE users SET name = $1 WHERE id = $2", name, id)
	}
}

// Import is for the library's users to call.
func Import(ctx context.Context, db *sql.DB, emails []string) {
	for _, e := range emails {
		_, _ = db.ExecContext(ctx, "INSERT INTO users (email) VALUES ($1)", e)
	}
}
