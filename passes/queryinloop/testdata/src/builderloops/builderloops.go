// Package builderloops holds loops around squirrel and dbx query
// builders: a builder executed per item is an N+1 like any other query;
// one builder for all the items, outside the loop, is not.
package builderloops

import (
	"database/sql"

	sq "github.com/Masterminds/squirrel"
	"github.com/pocketbase/dbx"
)

type user struct{ ID int }

func PerItem(db *sql.DB, ids []int) {
	for _, id := range ids {
		sq.Select("name").From("profiles").Where(sq.Eq{"user_id": id}).RunWith(db).QueryRow() // want `SELECT from profiles runs once per item of ids`
	}
}

func AllAtOnce(db *sql.DB, ids []int) {
	sq.Select("user_id", "name").From("profiles").Where(sq.Eq{"user_id": ids}).RunWith(db).Query() // silent: one query for all the items
	for range ids {
	}
}

func DbxPerItem(db *dbx.DB, users []user) {
	for _, u := range users {
		db.Update("users", dbx.Params{"seen": true}, dbx.HashExp{"id": u.ID}).Execute() // want `UPDATE users runs once per item of users`
	}
}

// exec takes the builder: a call of it per item runs the caller's
// statement per item.
func exec(db *sql.DB, s sq.Sqlizer) error {
	q, args, err := s.ToSql()
	if err != nil {
		return err
	}
	_, err = db.Exec(q, args...)
	return err
}

func PerItemThroughBase(db *sql.DB, ids []int) {
	for _, id := range ids {
		exec(db, sq.Delete("sessions").Where(sq.Eq{"user_id": id})) // want `DELETE from sessions runs once per item of ids`
	}
	exec(db, sq.Delete("sessions").Where(sq.Eq{"user_id": ids})) // silent: one statement for all the items
}
