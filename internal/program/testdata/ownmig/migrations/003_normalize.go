package migrations

import (
	"database/sql"

	"example.com/ownmig/core"
)

func init() {
	core.Migrations.Register("003_normalize.go", Normalize, nil)
}

// Normalize trims every user's name; an admin route runs it again.
func Normalize(tx *sql.Tx) error {
	var ids []int64
	rows, err := tx.Query("SELECT id FROM users")
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	for _, id := range ids {
		tx.Exec("UPDATE users SET name = trim(name) WHERE id = $1", id) // the migration's, though a route runs it too
	}
	return nil
}
