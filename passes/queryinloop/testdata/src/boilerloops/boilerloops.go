// Package boilerloops holds loops around sqlboiler's generated models:
// a model's finisher (One, All, Count, DeleteAll) sends the statement
// the query mods built, so one run per item is an N+1 like any other;
// one query for all the items is not.
package boilerloops

import (
	"context"

	"github.com/volatiletech/sqlboiler/v4/boil"
	"github.com/volatiletech/sqlboiler/v4/queries"
	"github.com/volatiletech/sqlboiler/v4/queries/qm"

	"boilerloops/models"
)

func OnePerItem(ctx context.Context, db boil.ContextExecutor, ids []int64) {
	for _, id := range ids {
		models.Users(qm.Where("id = ?", id)).One(ctx, db) // want `models.userQuery.One runs a query \(users.go:42\) once per item of ids`
	}
}

func CountPerItem(ctx context.Context, db boil.ContextExecutor, orgs []int64) {
	for _, org := range orgs {
		models.Users(qm.Where("org_id = ?", org)).Count(ctx, db) // want `models.userQuery.Count runs a query \(users.go:61\) once per item of orgs`
	}
}

func InsertPerItem(ctx context.Context, db boil.ContextExecutor, users []*models.User) {
	for _, u := range users {
		u.Insert(ctx, db) // want `runs .*once per item of users`
	}
}

func RawPerItem(ctx context.Context, db boil.ContextExecutor, ids []int64) {
	for _, id := range ids {
		var u models.User
		queries.Raw("SELECT id, org_id, name FROM users WHERE id = $1", id).Bind(ctx, db, &u) // want `SELECT from users runs once per item of ids`
	}
}

func AllAtOnce(ctx context.Context, db boil.ContextExecutor, ids []interface{}) {
	models.Users(qm.Where("id = ANY(?)", ids)).All(ctx, db) // silent: one query for all the items
}

func BuiltInLoopRunOnce(ctx context.Context, db boil.ContextExecutor, names []string) {
	var mods []qm.QueryMod
	for _, n := range names {
		mods = append(mods, qm.Where("name = ?", n)) // silent: a query mod sends nothing
	}
	models.Users(mods...).All(ctx, db)
}
