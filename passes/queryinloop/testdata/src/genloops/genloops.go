// Package genloops holds loops around the query objects gorm.io/gen
// generates: their finishers (First, Find, Create...) send what the DO
// they embed builds, so one per item is an N+1 like any other; one query
// for all the items is not.
package genloops

import (
	"genloops/query"

	"gorm.io/gen"
)

func FirstPerItem(ids []int64) {
	for _, id := range ids {
		query.Users.Where(query.IDEq(id)).First() // want `runs .*once per item of ids`
	}
}

func CreatePerItem(users []*query.User) {
	for _, u := range users {
		query.Users.Create(u) // want `runs .*once per item of users`
	}
}

func DaoPerItem(d gen.Dao, ids []int64) {
	for _, id := range ids {
		d.Where(query.IDEq(id)).First() // want `gorm/gen First runs once per item of ids`
	}
}

func AllAtOnce(ids []int64) {
	var conds []gen.Condition
	for _, id := range ids {
		conds = append(conds, query.IDEq(id)) // silent: a condition sends nothing
	}
	query.Users.Where(conds...).Find()
}
