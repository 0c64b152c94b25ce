// Package pgxnamed prepares statements by name with pgx and runs them by
// that name.
package pgxnamed // want `stats: 4 sites, 1 unresolved, 0 unparsed, 0 orm`

import (
	"context"

	"github.com/jackc/pgx/v5"
)

func Setup(ctx context.Context, conn *pgx.Conn) error { // want `issuesQueries\(.*\)`
	_, err := conn.Prepare(ctx, "note-by-id", "SELECT id, title FROM notes WHERE id = $1") // want `site prepare read "SELECT id, title FROM notes WHERE id = \$1"`
	return err
}

func Note(ctx context.Context, conn *pgx.Conn) { // want `issuesQueries\(.*\)`
	conn.QueryRow(ctx, "note-by-id", 1) // want `site query read "SELECT id, title FROM notes WHERE id = \$1"`
	b := &pgx.Batch{}
	b.Queue("note-by-id", 1)
	b.Queue("UPDATE notes SET seen = true WHERE id = $1", 1)
	conn.SendBatch(ctx, b) // want `site batch write "SELECT id, title FROM notes WHERE id = \$1;\\nUPDATE notes SET seen = true WHERE id = \$1"`
	fill(b)
	conn.SendBatch(ctx, b) // want `site batch unknown unresolved: batch b is also filled by fill at pgxnamed.go:\d+`
}

func fill(b *pgx.Batch) {}
