package svc

import (
	"context"
	"database/sql"
	"sync"
)

var (
	connOnce sync.Once
	conn     *sql.DB
)

// Conn opens the database on first use and sets the schema up: what the
// closure runs, it runs once per process, not on each call of Conn.
func Conn(ctx context.Context) *sql.DB {
	connOnce.Do(func() {
		conn.ExecContext(ctx, "INSERT INTO settings (key) VALUES ('a') ON CONFLICT DO NOTHING")
		conn.ExecContext(ctx, "INSERT INTO settings (key) VALUES ('b') ON CONFLICT DO NOTHING")
		conn.ExecContext(ctx, "UPDATE settings SET seen = true")
	})
	return conn
}

// UserName runs one query per call: Conn's set-up is not its cost.
func UserName(ctx context.Context, id int64) string {
	var name string
	Conn(ctx).QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name
}
