// Package store runs the service's SQL.
package store

import (
	"context"
	"database/sql"
)

var DB *sql.DB

func TokenRecord(ctx context.Context, id int64) string {
	var secret string
	_ = DB.QueryRowContext(ctx, "SELECT secret FROM token_records WHERE id = $1", id).Scan(&secret)
	return secret
}

func Items(ctx context.Context) {
	_, _ = DB.ExecContext(ctx, "SELECT id FROM items")
}

func Tags(ctx context.Context) {
	_, _ = DB.ExecContext(ctx, "SELECT id FROM tags")
}
