// Package audit logs an event: a lookup that depends on its kind, then
// the insert every call runs.
package audit

import (
	"context"
	"database/sql"
)

func Log(ctx context.Context, db *sql.DB, kind int) error {
	switch kind {
	case 1:
		if _, err := db.ExecContext(ctx, "SELECT 1 FROM users WHERE id = $1", kind); err != nil {
			return err
		}
	case 2:
		db.ExecContext(ctx, "SELECT 1 FROM teams WHERE id = $1", kind)
		db.ExecContext(ctx, "SELECT 1 FROM orgs WHERE id = $1", kind)
	}
	_, err := db.ExecContext(ctx, "INSERT INTO audit_log (kind) VALUES ($1)", kind)
	return err
}

// Record logs each kind: reported, naming the insert each call runs and
// counting what one call can run (3), not every case's lookups (4).
func Record(ctx context.Context, db *sql.DB, kinds []int) {
	for _, k := range kinds {
		Log(ctx, db, k)
	}
}
