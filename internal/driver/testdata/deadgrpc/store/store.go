// Package store reads posts.
package store

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

func New(db *sql.DB) *Store { return &Store{db: db} }

// Unused is exported, and nothing in the module calls it; a gRPC client
// can, through the service that holds the store.
func (s *Store) Unused(ctx context.Context, ids []int) {
	for _, id := range ids {
		_, _ = s.db.ExecContext(ctx, "UPDATE posts SET views = views + 1 WHERE id = $1", id)
	}
}
