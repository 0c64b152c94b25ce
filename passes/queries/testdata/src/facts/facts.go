// Package facts checks the facts themselves: what importers of this
// package will read.
package facts

import (
	"context"
	"database/sql"
)

const byID = "SELECT id FROM users WHERE id = $1"

var countUsers = "SELECT count(*) FROM users" // want countUsers:`sqlText\("SELECT count\(\*\) FROM users"\)`

var notSQL = "hello, world"

type DB struct{ db *sql.DB }

func (d *DB) q(ctx context.Context, query string, args ...any) *sql.Row { // want q:`sqlParam\(1, query\)`
	return d.db.QueryRowContext(ctx, query, args...)
}

func (d *DB) One(ctx context.Context) { // want One:`issuesQueries\(read SELECT id FROM users WHERE id = \$1 @facts.go:\d+ via facts.\(\*DB\).q\)`
	d.q(ctx, byID, 1)
}

func (d *DB) Each(ctx context.Context, ids []int) { // want Each:`issuesQueries\(read×1 SELECT id FROM users WHERE id = \$1 @facts.go:\d+ via facts.\(\*DB\).One > facts.\(\*DB\).q\)`
	for range ids {
		d.One(ctx)
	}
}

// Setup registers nothing that runs: no fact.
func Setup() string { return notSQL }
