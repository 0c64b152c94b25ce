// Package store has one query of each kind the report counts: resolved,
// unresolved (built from a parameter) and unparsed (MySQL's dialect).
package store

import "database/sql"

func Resolved(db *sql.DB) { db.Query("SELECT id FROM notes") }

func Unresolved(db *sql.DB, table string) { db.Query("SELECT id FROM " + table) }

func Unparsed(db *sql.DB) {
	db.Exec("INSERT INTO notes SET id = ?", 1)
}
