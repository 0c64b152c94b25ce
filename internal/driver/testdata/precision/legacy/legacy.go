// Package legacy holds loops nothing in the program runs, next to ones
// that something outside the graph may run.
package legacy

import (
	"context"
	"database/sql"
)

type Legacy struct{ db *sql.DB }

// sweep is called by nothing, and nothing refers to it: counted, shown with -unreached.
func sweep(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.ExecContext(ctx, "DELETE FROM legacy WHERE id = $1", id) // not shown: no entry point reaches it (low with -unreached)
	}
	func() {
		for _, id := range ids {
			db.ExecContext(ctx, "DELETE FROM legacy_log WHERE id = $1", id) // likewise, in a closure of it
		}
	}()
}

// Export is exported, on a type handed over as any (Handed): a dependency may call it.
func (l *Legacy) Export(ctx context.Context, ids []int64) {
	for _, id := range ids {
		l.db.ExecContext(ctx, "SELECT data FROM legacy WHERE id = $1", id) // reported: may be called from outside
	}
}

// purge is in a table of functions: something may call it.
func purge(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.ExecContext(ctx, "DELETE FROM legacy_purge WHERE id = $1", id) // reported: its value is taken
	}
}

var Jobs = map[string]func(context.Context, *sql.DB, []int64){"purge": purge}

// check is called by a test only: counted, shown with -unreached.
func check(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.ExecContext(ctx, "SELECT 1 FROM legacy_check WHERE id = $1", id) // not shown: only a test runs it (low with -unreached)
	}
}

// Handed hands a Legacy to whatever reads it, as any.
var Handed any = &Legacy{}
