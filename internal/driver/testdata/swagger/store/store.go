package store

import (
	"context"
	"database/sql"
)

var DB *sql.DB

func Flag(ctx context.Context, id int64) {
	DB.QueryRowContext(ctx, "SELECT id, key FROM flags WHERE id = $1", id)
}

func DeleteFlag(ctx context.Context, id int64) {
	DB.ExecContext(ctx, "DELETE FROM flags WHERE id = $1", id)
}
