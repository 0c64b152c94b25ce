package direct

import (
	"context"
	"database/sql"
)

// A bool parameter the function already left on: a later branch under
// the same condition never runs (a dry run that returned its preview
// before the deletion's loops).

func countRows(ctx context.Context, db *sql.DB, id int64) int {
	var n int
	db.QueryRowContext(ctx, "SELECT count(*) FROM rows WHERE owner_id = $1", id).Scan(&n)
	return n
}

func DeleteAccount(ctx context.Context, db *sql.DB, id int64, children []int64, dryRun bool) int {
	if dryRun {
		return countRows(ctx, db, id)
	}
	if dryRun && len(children) > 0 {
		for _, c := range children {
			countRows(ctx, db, c) // silent: dryRun returned above
		}
	}
	if !dryRun {
		for _, c := range children {
			db.ExecContext(ctx, "DELETE FROM rows WHERE owner_id = $1", c) // want `^DELETE from rows runs once per item of children`
		}
	}
	return 0
}

// Preview leaves on one flag and loops under another, or under the
// flag it assigns: both run.
func Preview(ctx context.Context, db *sql.DB, ids []int64, dryRun, verbose bool) {
	if verbose {
		return
	}
	if dryRun {
		for _, id := range ids {
			countRows(ctx, db, id) // want `^direct.countRows runs SELECT from rows \(deadflag.go:14\) once per item of ids`
		}
	}
	if len(ids) > 100 {
		dryRun = !dryRun
	}
	if !verbose {
		return
	}
	if !verbose && dryRun {
		for _, id := range ids {
			countRows(ctx, db, id) // silent: !verbose returned above
		}
	}
}
