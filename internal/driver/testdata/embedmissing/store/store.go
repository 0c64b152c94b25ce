// Package store reads orders.
package store

import (
	"context"
	"database/sql"
)

type Store struct{ DB *sql.DB }

// Names looks each order's name up, one query per order.
func (s *Store) Names(ctx context.Context, ids []int64) ([]string, error) {
	var names []string
	for _, id := range ids {
		var name string
		if err := s.DB.QueryRowContext(ctx, "SELECT name FROM orders WHERE id = $1", id).Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, nil
}
