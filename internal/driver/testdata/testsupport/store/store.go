// Package store is production code that has tests: a loop its tests
// also call is still the route's N+1.
package store

import (
	"context"
	"database/sql"
)

func Touch(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.ExecContext(ctx, "UPDATE users SET seen = now() WHERE id = $1", id)
	}
}
