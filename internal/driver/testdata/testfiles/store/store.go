// Package store has a test file beside it and an external test package:
// the findings of each are reported once, at their own files.
package store

import "database/sql"

const listAll = `SELECT * FROM accounts`

func List(db *sql.DB) (*sql.Rows, error) { return db.Query(listAll) }

func helper(db *sql.DB, id int) *sql.Row {
	return db.QueryRow(`SELECT name FROM accounts WHERE id = $1`, id)
}
