package migrate

import (
	"context"
	"database/sql"
	"embed"
)

//go:embed sql/*.sql
var files embed.FS

const addIndex = `CREATE INDEX tickets_assignee_idx ON tickets (assignee_id)`

// Up applies the migrations: the embedded files (by a loop the analysis
// cannot follow), then an index from a constant.
func Up(ctx context.Context, db *sql.DB) error {
	entries, _ := files.ReadDir("sql")
	for _, e := range entries {
		text, _ := files.ReadFile("sql/" + e.Name())
		db.ExecContext(ctx, string(text))
	}
	_, err := db.ExecContext(ctx, addIndex)
	return err
}
