//go:build mysql

// The MySQL adapter: built only with -tags mysql.
package store

import "database/sql"

func Names(db *sql.DB) error {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		return err
	}
	return rows.Close()
}
