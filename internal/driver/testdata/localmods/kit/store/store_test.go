package store

import (
	"context"
	"database/sql"
	"testing"
)

// purge is a test helper. The tests of a local module are not part of
// the program: its query site is analyzed (and counted) only when the
// package is named on the command line.
func purge(ctx context.Context, db *sql.DB, ids []int) {
	for _, id := range ids {
		db.ExecContext(ctx, "DELETE FROM users WHERE id = $1", id)
	}
}

func TestNames(t *testing.T) {
	var db *sql.DB
	var ids []int
	for i := range t.Name() {
		ids = append(ids, i)
	}
	purge(context.Background(), db, ids)
}
