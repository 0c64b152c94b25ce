// Package store reads users.
package store

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

func New(db *sql.DB) *Store { return &Store{db: db} }

// Names looks the users up one by one.
func (s *Store) Names(ctx context.Context, ids []int) []string {
	var names []string
	for _, id := range ids {
		var n string
		if err := s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&n); err == nil {
			names = append(names, n)
		}
	}
	return names
}
