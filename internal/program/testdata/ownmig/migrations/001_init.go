// Package migrations registers the program's migrations.
package migrations

import (
	"database/sql"

	"example.com/ownmig/core"
)

func init() {
	core.Migrations.Register("001_init.go", func(tx *sql.Tx) error {
		_, err := tx.Exec("CREATE TABLE users (id BIGINT PRIMARY KEY, name TEXT, email TEXT)")
		return err
	}, func(tx *sql.Tx) error {
		_, err := tx.Exec("DROP TABLE users")
		return err
	})
}
