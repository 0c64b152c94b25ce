// Package shopstore is the persistence layer the shop handlers call: its
// queries reach them through facts.
package shopstore

import (
	"context"
	"database/sql"
	"sync"
)

type Store struct{ db *sql.DB }

type Order struct {
	ID     int64
	Status string
}

// GetOrder passes its caller's context to the query.
func (s *Store) GetOrder(ctx context.Context, id int64) (Order, error) {
	var o Order
	err := s.db.QueryRowContext(ctx, "SELECT id, status FROM orders WHERE id = $1", id).Scan(&o.ID, &o.Status)
	return o, err
}

// CancelOrder writes.
func (s *Store) CancelOrder(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, "UPDATE orders SET status = 'cancelled' WHERE id = $1", id)
	return err
}

// Lines issues one query per order line.
func (s *Store) Lines(ctx context.Context, ids []int64) {
	for _, id := range ids {
		s.db.QueryRowContext(ctx, "SELECT sku FROM products WHERE id = $1", id)
	}
}

// ProductBySKU takes no context: db.QueryRow has none.
func (s *Store) ProductBySKU(sku string) error {
	return s.db.QueryRow("SELECT id FROM products WHERE sku = $1", sku).Err()
}

// PriceOf takes no context either: the package never threads one.
func (s *Store) PriceOf(sku string) error {
	return s.db.QueryRow("SELECT price FROM products WHERE sku = $1", sku).Err()
}

// Touch ignores its context and makes its own.
func (s *Store) Touch(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(context.Background(), "UPDATE sessions SET seen_at = now() WHERE id = $1", id)
	return err
}

// Seen makes its own context too: with Touch, one finding for the
// package.
func (s *Store) Seen(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(context.Background(), "UPDATE sessions SET seen_at = now() WHERE id = $1 AND seen_at IS NULL", id)
	return err
}

// Count is one more read, for the budget.
func (s *Store) Count(ctx context.Context, table string) int {
	var n int
	s.db.QueryRowContext(ctx, "SELECT count(*) FROM items").Scan(&n)
	return n
}

// settings keeps each setting read for as long as the process runs.
var settings sync.Map

// Setting reads a setting on its cache's miss only.
func (s *Store) Setting(ctx context.Context, key string) string {
	if v, ok := settings.Load(key); ok {
		return v.(string)
	}
	var v string
	s.db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = $1", key).Scan(&v)
	settings.Store(key, v)
	return v
}
