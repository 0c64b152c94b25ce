package store

import (
	"context"
	"database/sql"
	"testing"
)

// A fixture outside _test.go files, test code by its parameter: it runs
// against a test database's tiny tables. Silent.
func TicketsInQueue(t testing.TB, db *sql.DB, q string) {
	db.QueryContext(context.Background(), `SELECT id FROM tickets WHERE queue = $1`, q)
}

// A production function beside it stays reported.
func Queue(ctx context.Context, db *sql.DB, q string) {
	db.QueryContext(ctx, `SELECT count(*) FROM tickets WHERE queue = $1`, q) // want `equality filter on tickets\(queue\)`
}
