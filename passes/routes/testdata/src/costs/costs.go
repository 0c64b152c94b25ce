// Package costs checks the Cost facts: per function, the queries issued
// once per call on the heaviest path.
package costs

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

// Pick issues one of two reads, then a third: two per call.
func (s *Store) Pick(ctx context.Context, fresh bool) { // want Pick:`cost\(2\)`
	if fresh {
		s.db.QueryRowContext(ctx, "SELECT id FROM items WHERE fresh")
	} else {
		s.db.QueryRowContext(ctx, "SELECT id FROM items")
	}
	s.db.QueryRowContext(ctx, "SELECT count(*) FROM items")
}

// Each issues one per item.
func (s *Store) Each(ctx context.Context, ids []int) { // want Each:`cost\(0\+loop\)`
	for _, id := range ids {
		s.db.QueryRowContext(ctx, "SELECT name FROM items WHERE id = $1", id)
	}
}

// Both calls Pick twice, in sequence.
func (s *Store) Both(ctx context.Context) { // want Both:`cost\(4\)`
	s.Pick(ctx, true)
	s.Pick(ctx, false)
}
