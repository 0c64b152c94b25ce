// Package seeding holds code whose names say it makes demo, seed or
// fixture data: one row at a time by design, once, not per request.
package seeding

import (
	"context"
	"database/sql"
)

// Reset is in a file named for demo data: every loop in it is seeding.
func Reset(ctx context.Context, db *sql.DB, names []string) {
	for _, n := range names {
		db.ExecContext(ctx, `INSERT INTO users (name) VALUES ($1)`, n) // silent: the file says demo
	}
}
