// Package store issues the planted queries of sqlheat's live-database
// tests; each function's comment says what the planner makes of its
// missing-index finding.
package store

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

// WarehouseByCity: downgraded, forty rows are read faster than an index.
func (s *Store) WarehouseByCity(ctx context.Context, city string) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM warehouses WHERE city = $1`, city).Scan(&id)
	return id, err
}

// ShipmentsOfOrder: retracted, the database has an index on order_ref
// the migrations lack (drift).
func (s *Store) ShipmentsOfOrder(ctx context.Context, ref int64) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, `SELECT id, carrier FROM shipments WHERE order_ref = $1`, ref)
}

// InvoicesOfAccount: retracted, the numeric comparison cannot use an
// index on the bigint column.
func (s *Store) InvoicesOfAccount(ctx context.Context, account string) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, `SELECT id, amount FROM invoices WHERE account_id = $1::numeric`, account)
}

// UserEvents: confirmed; $2 is typed from the kind column.
func (s *Store) UserEvents(ctx context.Context, user int64, kind *string) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, `SELECT id, at FROM events WHERE user_id = $1 AND ($2 IS NULL OR kind = $2)`, user, kind)
}

// EventsOfKind: downgraded, the filter matches half of the table.
func (s *Store) EventsOfKind(ctx context.Context, kind string) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, `SELECT id FROM events WHERE kind = $1`, kind)
}

// EventsOn: retracted, PostgreSQL refuses an index on at::date (the
// cast of a timestamptz depends on the time zone).
func (s *Store) EventsOn(ctx context.Context, day string) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, `SELECT id FROM events WHERE at::date = $1`, day)
}
