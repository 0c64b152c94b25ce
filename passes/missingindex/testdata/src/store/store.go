// Package store queries the tables that package migrate creates: it sees
// them through migrate's fact.
package store

import (
	"context"
	"database/sql"

	"migrate"
)

func Open(ctx context.Context, db *sql.DB) error { return migrate.Up(ctx, db) }

func Tickets(ctx context.Context, db *sql.DB, id int64, q string) {
	db.QueryContext(ctx, `SELECT id FROM tickets WHERE assignee_id = $1`, id) // indexed by the Go constant
	db.QueryContext(ctx, `SELECT id FROM tickets WHERE id = $1`, id)          // primary key, from the embedded file
	db.QueryContext(ctx, `SELECT id FROM tickets WHERE queue = $1`, q)        // want `equality filter on tickets\(queue\)`
}
