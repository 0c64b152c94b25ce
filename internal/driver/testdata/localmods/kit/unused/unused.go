// Package unused is a package of the module that the service does not
// import: it is not loaded, and its loop is not reported.
package unused

import (
	"context"
	"database/sql"
)

func Purge(ctx context.Context, db *sql.DB, ids []int) {
	for _, id := range ids {
		db.ExecContext(ctx, "DELETE FROM users WHERE id = $1", id)
	}
}
