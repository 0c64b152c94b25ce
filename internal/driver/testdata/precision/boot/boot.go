// Package boot sets the database up: every start of the server runs
// Setup, and so does a command; Rename only a command runs.
package boot

import (
	"context"
	"database/sql"

	"example.com/precision/store"
)

// Setup seeds the settings it is given.
func Setup(ctx context.Context, db *sql.DB, settings map[string]string) {
	for k, v := range settings {
		db.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING", k, v) // silent: start-up, a command's too
	}
}

// Rename renames every user, one statement per user: an operator's
// command.
func Rename(ctx context.Context, db *sql.DB) {
	rows, _ := db.QueryContext(ctx, "SELECT id FROM users")
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	for _, id := range ids {
		db.ExecContext(ctx, "UPDATE users SET name = lower(name) WHERE id = $1", id) // reported: low, the command's
	}
}

// Audit looks every user up through the store's interface, in a command:
// the program graph's finding, low like the pass's.
func Audit(ctx context.Context, s store.Store, ids []int64) {
	for _, id := range ids {
		s.User(ctx, id) // reported: low, the command's
	}
}
