//go:build windows

package store

import "database/sql"

// Left out by its GOOS constraint: not a tag to suggest.
func winlock(db *sql.DB) { db.Exec("SELECT 2") }
