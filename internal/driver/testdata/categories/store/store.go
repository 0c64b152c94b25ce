// Package store has one finding of each kind of queryinloop, selectstar,
// missingindex and ignores.
package store

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

// Loops: a read (queryinloop read), a write (write), SQL of unknown kind
// (unknown) and a constant bound (const) per item.
func (s *Store) Loops(ctx context.Context, ids []int64, build func() string) {
	for _, id := range ids {
		s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id)
		s.db.ExecContext(ctx, "UPDATE users SET name = 'x' WHERE id = $1", id)
		s.db.QueryContext(ctx, build(), id)
	}
	for i := 0; i < 3; i++ {
		s.db.ExecContext(ctx, "DELETE FROM users WHERE id = $1", i)
	}
}

// Indexes: each kind of missingindex, and a star (selectstar).
func (s *Store) Indexes(ctx context.Context, v string) {
	s.db.QueryContext(ctx, "SELECT * FROM orders WHERE region = $1", v)
	s.db.QueryContext(ctx, "SELECT o.id FROM users u JOIN orders o ON o.customer_id = u.id WHERE u.email = $1", v)
	s.db.QueryContext(ctx, "SELECT id FROM orders ORDER BY created_at DESC LIMIT 20")
	s.db.QueryContext(ctx, "SELECT id FROM users WHERE lower(email) = lower($1)", v)
	s.db.QueryContext(ctx, "SELECT id FROM products WHERE name LIKE '%' || $1", v)
}

// Suppressions: one without a reason (ignores malformed), one that
// silences nothing (unused).
func (s *Store) Suppressions(ctx context.Context) {
	s.db.QueryContext(ctx, "SELECT id FROM users WHERE id = 1") //sqlheat:ignore selectstar
	s.db.QueryContext(ctx, "SELECT id FROM users WHERE id = 2") //sqlheat:ignore selectstar -- was a star once
}
