// Package workbench only holds the word: it is the service's.
package workbench

import "database/sql"

func Save(db *sql.DB, names []string) {
	for _, n := range names {
		db.Exec("INSERT INTO items (name) VALUES ($1)", n) // want `^INSERT into items runs once per item of names`
	}
}
