package store

import (
	"context"
	"database/sql"
	"testing"
)

// The tests of a local module are not part of the program: this loop is
// not reported.
func TestNames(t *testing.T) {
	var db *sql.DB
	for i := 0; i < 3; i++ {
		db.ExecContext(context.Background(), "DELETE FROM users WHERE id = $1", i)
	}
}
