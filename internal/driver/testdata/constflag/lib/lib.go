// Package lib is importable: another module may call Sync with true.
package lib

import "database/sql"

// Sync touches each domain when asked to.
func Sync(db *sql.DB, ds []string, touch bool) {
	if touch {
		for _, d := range ds {
			_, _ = db.Exec("UPDATE domains SET touched = now() WHERE domain = $1", d) // reported: exported from an importable package
		}
	}
}
