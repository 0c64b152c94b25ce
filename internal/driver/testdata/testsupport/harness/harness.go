// Package harness is what store's tests import: test support.
package harness

import (
	"context"
	"database/sql"

	"example.com/testsupport/suite"
)

func Fill(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.ExecContext(ctx, "INSERT INTO users (id, email) VALUES ($1, '')", id)
	}
	suite.Seed(ctx, db, ids)
}
