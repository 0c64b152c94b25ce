package store_test

import (
	"context"
	"database/sql"
	"testing"

	"example.com/testsupport/harness"
	"example.com/testsupport/store"
)

func TestTouch(t *testing.T) {
	var db *sql.DB
	harness.Fill(context.Background(), db, []int64{1, 2})
	store.Touch(context.Background(), db, []int64{1, 2})
}
