package store

import (
	"context"
	"database/sql"

	"migrate"
)

func Open(ctx context.Context, db *sql.DB) error { return migrate.Up(ctx, db) }

func Tickets(ctx context.Context, db *sql.DB) {
	db.QueryContext(ctx, `SELECT t.id FROM tickets t JOIN audit a ON a.ticket_id = t.id JOIN public.people p ON p.id = t.assignee_id`)
}
