package direct

import (
	"context"
	"database/sql"
	"testing"
)

// Test code outside _test.go files, known by its parameter: a suite the
// tests of several packages share, a benchmark, a fixture. Silent.

func SeedSuite(t *testing.T, db *sql.DB, users []User) {
	for _, u := range users {
		if _, err := db.ExecContext(t.Context(), "INSERT INTO users (email) VALUES ($1)", u.Email); err != nil {
			t.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B, db *sql.DB) {
	for i := 0; i < b.N; i++ {
		db.QueryRowContext(b.Context(), "SELECT email FROM users WHERE id = $1", i)
	}
	for b.Loop() {
		db.QueryRowContext(b.Context(), "SELECT email FROM users WHERE id = $1", 1)
	}
}

func fixture(tb testing.TB, db *sql.DB, users []User) {
	tb.Helper()
	for _, u := range users {
		db.ExecContext(context.Background(), "UPDATE users SET seen = now() WHERE id = $1", u.ID)
	}
}

// A suite handed out as a closure: the literal is the test.
func Suite(db *sql.DB, users []User) func(*testing.T) {
	return func(t *testing.T) {
		for _, u := range users {
			db.QueryRowContext(t.Context(), "SELECT count(*) FROM orders WHERE user_id = $1", u.ID)
		}
	}
}

// Taking a test function is not being one: a production loop that also
// registers a test hook stays reported.
func WithHook(ctx context.Context, db *sql.DB, users []User, hook func(*testing.T)) {
	for _, u := range users {
		db.QueryRowContext(ctx, "SELECT count(*) FROM orders WHERE user_id = $1", u.ID) // want `^SELECT from orders runs once per item of users: n round trips instead of 1$`
	}
}
