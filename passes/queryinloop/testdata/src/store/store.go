package store

import (
	"context"
	"database/sql"
)

type Item struct{ ID int64 }

type Store struct{ db *sql.DB }

func (s *Store) q(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, query, args...)
}

// Items issues one query per call.
func (s *Store) Items(ctx context.Context, orderID int64) ([]Item, error) {
	rows, err := s.q(ctx, "SELECT id FROM items WHERE order_id = $1", orderID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return nil, nil
}

// ItemsForOrders is the fix: one query for all orders.
func (s *Store) ItemsForOrders(ctx context.Context, orderIDs []int64) ([]Item, error) {
	rows, err := s.q(ctx, "SELECT id FROM items WHERE order_id = ANY($1)", orderIDs)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return nil, nil
}

// Tags loops itself: callers in a loop make it nested.
func (s *Store) Tags(ctx context.Context, items []Item) {
	for _, it := range items {
		s.db.QueryRowContext(ctx, "SELECT name FROM tags WHERE item_id = $1", it.ID) // fix `WHERE item_id IN \(...\) with the keys of all items, or a JOIN` // want `^SELECT from tags runs once per item of items: n round trips instead of 1$`
	}
}

// Migrate runs DDL in a loop: a migration runner, silent.
func (s *Store) Migrate(ctx context.Context, stmts []string) {
	for range stmts {
		s.db.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS t (id int)")
	}
}
