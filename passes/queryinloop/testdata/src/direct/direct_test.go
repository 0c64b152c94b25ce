package direct

import (
	"context"
	"database/sql"
)

// Test fixtures loop over queries freely: silent in _test.go files.
func seed(ctx context.Context, db *sql.DB, users []User) {
	for _, u := range users {
		db.ExecContext(ctx, "INSERT INTO users (email) VALUES ($1)", u.Email)
	}
}
