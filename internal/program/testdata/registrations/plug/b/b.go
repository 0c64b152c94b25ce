// Package b is a plugin registering two schemes from init.
package b

import (
	"database/sql"

	"example.com/registrations/reg"
)

type scheme struct{ table string }

func (s scheme) Drop(db *sql.DB, user int64) error {
	_, err := db.Exec("DELETE FROM auth_b WHERE user_id = $1", user)
	return err
}

func init() {
	reg.Register("b", scheme{})
	reg.Register("b2", scheme{})
	reg.RegisterHanded("x")
}
