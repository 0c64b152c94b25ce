// Package store reads a table that its migrations create for PostgreSQL
// and, beside them, for SQLite.
package store

import "database/sql"

func ByName(db *sql.DB, name string) (int, error) {
	var id int
	err := db.QueryRow("SELECT id FROM users WHERE name = $1", name).Scan(&id)
	return id, err
}
