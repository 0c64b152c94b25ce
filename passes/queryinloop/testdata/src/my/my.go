// Package my talks to MySQL: no arrays, no unnest.
package my

import (
	"context"
	"database/sql"

	_ "github.com/go-sql-driver/mysql"
	"github.com/jmoiron/sqlx"
)

func Names(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = ?", id) // fix `\(WHERE id IN \(\?, \?, ...\) with a placeholder per key, or a JOIN\)` // want `^SELECT from users runs once per item of ids`
	}
}

func NamesX(ctx context.Context, db *sqlx.DB, ids []int64) {
	var name string
	for _, id := range ids {
		db.GetContext(ctx, &name, "SELECT name FROM users WHERE id = ?", id) // fix `\(WHERE id IN \(\?\) expanded by sqlx.In, or a JOIN\)` // want `^SELECT from users runs once per item of ids`
	}
}

func Log(ctx context.Context, db *sql.DB, events []string) {
	for _, e := range events {
		db.ExecContext(ctx, "INSERT INTO events (body) VALUES (?)", e) // fix `^insert all rows in one statement: INSERT INTO events \(...\) VALUES \(\?, \?\), \(\?, \?\), ... with a row per item$` // want `^INSERT into events runs once per item of events`
	}
}

func Rename(ctx context.Context, db *sql.DB, names map[int64]string) {
	for id, name := range names {
		db.ExecContext(ctx, "UPDATE users SET name = ? WHERE id = ?", name, id) // fix `^update all rows in one statement: UPDATE users JOIN \(VALUES ROW\(\?, \?\), ...\) AS v\(id, col\) ON users.id = v.id SET users.col = v.col$` // want `^UPDATE users runs once per item of names`
	}
}

func Unlink(ctx context.Context, db *sql.DB, pairs [][2]int64) {
	for _, p := range pairs {
		db.ExecContext(ctx, "DELETE FROM members WHERE team_id = ? AND user_id = ?", p[0], p[1]) // fix `^delete all rows in one statement: DELETE FROM members WHERE \(a, b\) IN \(\(\?, \?\), \(\?, \?\), ...\)$` // want `^DELETE from members runs once per item of pairs`
	}
}
