//go:build postgres

// A package every file of which is behind a tag: go list ./... does not
// even name it.
package postgres

import "database/sql"

func Count(db *sql.DB) error {
	_, err := db.Exec("DELETE FROM sessions")
	return err
}
