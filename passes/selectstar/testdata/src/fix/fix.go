package fix

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
)

func Fixed(ctx context.Context, db *sql.DB) {
	db.QueryRowContext(ctx, `SELECT * FROM orders WHERE id = $1`, 1) // fix `^list the columns the code reads \(-fix writes out the table's columns, in order\)$` // want `SELECT \* fetches every column of orders`

	db.QueryContext(ctx, `SELECT o.* FROM orders o JOIN users u ON u.id = o.customer_id WHERE u.email = $1`, "a") // want `SELECT o\.\* fetches every column of orders`

	db.QueryContext(ctx, "SELECT * FROM users") // want `SELECT \* fetches every column of users`

	// Quoted where the names need it: a keyword, capitals.
	db.QueryContext(ctx, `SELECT e.* FROM events e ORDER BY at`) // want `SELECT e\.\* fetches every column of events`

	// Two statements: the second one's star is found at its own offset.
	db.ExecContext(ctx, `SET LOCAL statement_timeout = 100; SELECT * FROM users`) // want `SELECT \* fetches every column of users`
}

// Reported, but not fixed: the edit would not be unambiguously safe.
func NotFixed(ctx context.Context, db *sql.DB, x *sqlx.DB) {
	db.QueryContext(ctx, "SELECT *\tFROM orders") // want `SELECT \* fetches every column of orders`

	var o []struct{ ID int64 }
	x.SelectContext(ctx, &o, `SELECT * FROM orders WHERE id = ?`, 1) // fix `^list the columns the code reads$` // want `SELECT \* fetches every column of orders`

	db.QueryContext(ctx, `SELECT * FROM orders, users`) // want `SELECT \* fetches every column of orders, users`

	db.QueryContext(ctx, `SELECT * FROM unknown_table`) // want `SELECT \* fetches every column of unknown_table`

	db.QueryContext(ctx, `SELECT * FROM archived_orders`) // want `SELECT \* fetches every column of archived_orders`

	db.QueryContext(ctx, `SELECT * FROM `+"orders") // want `SELECT \* fetches every column of orders`
}
