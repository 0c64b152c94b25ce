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

// The database's own catalogs are no table of the schema, nor unknown.
func HasTable(ctx context.Context, db *sql.DB) {
	db.QueryContext(ctx, `SELECT table_name FROM information_schema.tables WHERE table_name = $1`, "tickets")
	db.QueryContext(ctx, `SELECT relname FROM pg_catalog.pg_class JOIN pg_namespace n ON true`)
	db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table'`)
}
