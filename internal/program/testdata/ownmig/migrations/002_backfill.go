package migrations

import (
	"database/sql"

	"example.com/ownmig/core"
)

func init() {
	core.Migrations.Register("002_backfill.go", backfill, nil)
}

// backfill lowers every user's email, one statement per user.
func backfill(tx *sql.Tx) error {
	rows, err := tx.Query("SELECT * FROM users")
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
	}
	for _, id := range ids {
		if _, err := tx.Exec("UPDATE users SET email = lower(email) WHERE id = $1", id); err != nil { // migration
			return err
		}
	}
	return nil
}
