// Package jetloops holds loops around go-jet statements: a statement's
// Query, Exec or Rows sends it, so one per item is an N+1 like any
// other; a statement built per item and never sent in the loop is not.
package jetloops

import (
	"context"
	"database/sql"

	. "github.com/go-jet/jet/v2/postgres"
)

var (
	users  = NewTable("public", "users")
	userID = IntegerColumn("id")
)

type User struct{ ID int64 }

func QueryPerItem(db *sql.DB, ids []int64) {
	for _, id := range ids {
		var u User
		SELECT(userID).FROM(users).WHERE(userID.EQ(Int(id))).Query(db, &u) // want `go-jet Query runs once per item of ids`
	}
}

func ExecPerItem(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		DELETE_FROM(users).WHERE(userID.EQ(Int(id))).ExecContext(ctx, db) // want `go-jet ExecContext runs once per item of ids`
	}
}

func BuiltNotSent(ids []int64) []Statement {
	var out []Statement
	for _, id := range ids {
		out = append(out, DELETE_FROM(users).WHERE(userID.EQ(Int(id)))) // silent: building sends nothing
	}
	return out
}
