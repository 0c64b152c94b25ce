// Package conformance is a suite whose every exported function takes a
// *testing.T: only tests can call it, although the build here loads no
// test that imports it (its test has a build tag).
package conformance

import (
	"context"
	"database/sql"
	"testing"

	"example.com/testsupport/fixtures"
)

func All(t *testing.T, db *sql.DB, ids []int64) {
	insertAll(t.Context(), db, ids)
	fixtures.Rows(t.Context(), db, ids)
}

// insertAll takes no *testing.T; its package says it is test code.
func insertAll(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.ExecContext(ctx, "INSERT INTO users (id, email) VALUES ($1, 'c')", id)
	}
}
