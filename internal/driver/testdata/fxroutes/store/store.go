// Package store reads the dashboard's rows.
package store

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

func New(db *sql.DB) *Store { return &Store{db: db} }

func (s *Store) Items(ctx context.Context) {
	s.db.QueryContext(ctx, `SELECT id, name FROM items`)
}

// Order is the ids of an order's lines.
func (s *Store) Order(ctx context.Context, id string) []int64 {
	rows, err := s.db.QueryContext(ctx, `SELECT line_id FROM orders WHERE id = $1`, id)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var line int64
		rows.Scan(&line)
		ids = append(ids, line)
	}
	return ids
}

func (s *Store) Line(ctx context.Context, id int64) {
	s.db.QueryRowContext(ctx, `SELECT sku FROM order_lines WHERE id = $1`, id)
}
