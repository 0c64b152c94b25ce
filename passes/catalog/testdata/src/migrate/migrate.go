package migrate // want package:"migrations\\(0001_tables.sql, 0002_more.sql, 0003_queue_postgres.sql, migrate.go:17\\)"

import (
	"context"
	"database/sql"
	"embed"
)

//go:embed sql
var files embed.FS

// The same files by a glob: each PostgreSQL twin read once, SQLite's none.
//
//go:embed sql/*.sql
var sqlFiles embed.FS

const addIndex = `CREATE INDEX tickets_assignee_idx ON tickets (assignee_id)`

func Up(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, addIndex)
	return err
}
