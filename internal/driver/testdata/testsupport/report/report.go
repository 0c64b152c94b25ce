// Package report serves production and has a test helper too: the
// helper is test code, the rest stays reported.
package report

import (
	"context"
	"database/sql"
	"testing"
)

func Weekly(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.QueryRowContext(ctx, "SELECT email FROM users WHERE id = $1", id)
	}
}

// AssertWeekly is for tests, by its parameter: neither its loop nor its
// filter no index serves is reported.
func AssertWeekly(t testing.TB, db *sql.DB, emails []string) {
	for _, email := range emails {
		var id int64
		if err := db.QueryRowContext(t.Context(), "SELECT id FROM users WHERE email = $1", email).Scan(&id); err != nil {
			t.Fatal(err)
		}
	}
}
