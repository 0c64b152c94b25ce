package store

import "database/sql"

// Left out by its name's GOOS, not by a tag the user can pass.
func lock(db *sql.DB) { db.Exec("SELECT 1") }
