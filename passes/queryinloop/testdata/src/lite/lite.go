// Package lite talks to SQLite (its driver says so): no = ANY($1) there.
package lite

import (
	"context"
	"database/sql"

	_ "modernc.org/sqlite"
)

func Names(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = ?", id) // fix `\(WHERE id IN \(SELECT value FROM json_each\(\?\)\) with the keys as a JSON array, or a JOIN\)` // want `^SELECT from users runs once per item of ids: n round trips instead of 1$`
	}
}

func Forget(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = ?", id) // fix `^delete all rows in one statement: DELETE FROM sessions WHERE user_id IN \(SELECT value FROM json_each\(\?\)\) with the keys as a JSON array$` // want `^DELETE from sessions runs once per item of ids`
	}
}

func Log(ctx context.Context, db *sql.DB, events []string) {
	for _, e := range events {
		db.ExecContext(ctx, "INSERT INTO events (body) VALUES (?)", e) // fix `^insert all rows in one statement: INSERT INTO events \(...\) VALUES \(\?, \?\), \(\?, \?\), ..., or the loop in one transaction with a prepared statement$` // want `^INSERT into events runs once per item of events`
	}
}

func Rename(ctx context.Context, db *sql.DB, names map[int64]string) {
	for id, name := range names {
		db.ExecContext(ctx, "UPDATE users SET name = ? WHERE id = ?", name, id) // fix `^update all rows in one statement: UPDATE users SET col = v.column2 FROM \(VALUES \(\?, \?\), ...\) AS v WHERE users.id = v.column1, or the loop in one transaction$` // want `^UPDATE users runs once per item of names`
	}
}
