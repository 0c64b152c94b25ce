// Package a is a plugin registering its scheme from init.
package a

import (
	"database/sql"

	"example.com/registrations/reg"
)

type scheme struct{}

func (scheme) Drop(db *sql.DB, user int64) error {
	_, err := db.Exec("DELETE FROM auth_a WHERE user_id = $1", user)
	return err
}

func init() { reg.Register("a", scheme{}) }
