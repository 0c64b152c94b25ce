package a

import (
	"context"
	"database/sql"
)

func Suppressed(ctx context.Context, db *sql.DB, ids []int64) {
	db.QueryContext(ctx, "SELECT * FROM legacy") //sqlheat:ignore selectstar -- two columns, never grows

	for _, id := range ids {
		//sqlheat:ignore queryinloop -- ids is at most 3 regions
		db.QueryRowContext(ctx, "SELECT name FROM regions WHERE id = $1", id)
	}

	db.QueryContext(ctx, "SELECT * FROM nolinted") //nolint:sqlheat // legacy
}

func Malformed(ctx context.Context, db *sql.DB) {
	db.QueryContext(ctx, "SELECT * FROM t1") //sqlheat:ignore selectstar // want `needs a reason after --`
	db.QueryContext(ctx, "SELECT * FROM t2") //sqlheat:ignore selectstr -- typo // want `names unknown check selectstr`
	db.QueryContext(ctx, "SELECT id FROM t3") //sqlheat:ignore -- no check // want `names no check`
}

func Unused(ctx context.Context, db *sql.DB) {
	db.QueryContext(ctx, "SELECT id FROM t4") //sqlheat:ignore selectstar -- was a star once // want `silences no finding`
}

// A suppression above a loop covers the loop: not unused.
func Statement(ctx context.Context, db *sql.DB, ids []int64) {
	//sqlheat:ignore queryinloop -- ids is at most 3 regions
	for _, id := range ids {
		_ = id
		db.QueryRowContext(ctx, "SELECT name FROM regions WHERE id = $1", id)
	}
}

// With a space after //, a directive is prose: reported, with the fix.
func Spaced(ctx context.Context, db *sql.DB) {
	// sqlheat:ignore selectstar -- meant to silence // want `write //sqlheat:ignore, without a space after //`
	db.QueryContext(ctx, "SELECT * FROM t5")
}
