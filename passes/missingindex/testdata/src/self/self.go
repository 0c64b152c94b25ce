// Package self creates its table itself and queries it.
package self

import (
	"context"
	"database/sql"
)

const schema = `
CREATE TABLE IF NOT EXISTS notes (
    id     serial PRIMARY KEY,
    author text NOT NULL,
    body   text
);
CREATE INDEX IF NOT EXISTS notes_body_idx ON notes (body);
`

func Setup(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, schema)
	return err
}

func Notes(ctx context.Context, db *sql.DB, author string) {
	db.QueryContext(ctx, `SELECT id FROM notes WHERE author = $1`, author) // want `equality filter on notes\(author\)`
	db.QueryContext(ctx, `SELECT id FROM notes WHERE body = $1`, author)
}
