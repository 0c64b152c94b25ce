package orm // want `stats: 47 sites, 9 unresolved, 0 unparsed, 36 orm`

import (
	"context"

	"gorm.io/gorm"

	"ormmodels"
)

var global *gorm.DB

func getDB() *gorm.DB { return global }

// A session a function hands out, or a context's, starts every chain
// afresh: a chain run as a statement leaves it as it was.
func Fresh(ctx context.Context, id int) { // want `issuesQueries\(.*\)`
	db := getDB()
	var acc ormmodels.Account
	db.Select("email", "kind").Where("id = ?", id).First(&acc)                          // want `site orm read "SELECT email, kind FROM accounts_v2 WHERE \(id = \$1\) AND \(accounts_v2.deleted_at IS NULL\) ORDER BY accounts_v2.id LIMIT 1"`
	db.Model(&ormmodels.Order{}).Where("account_id = ?", id).Find(&[]ormmodels.Order{}) // want `site orm read "SELECT \* FROM orders WHERE \(account_id = \$1\)"`
	s := global.WithContext(ctx)
	s.Where("kind = ?", "a").First(&acc)                // want `site orm read "SELECT \* FROM accounts_v2 WHERE \(kind = \$1\) AND \(accounts_v2.deleted_at IS NULL\) ORDER BY accounts_v2.id LIMIT 1"`
	s.Where("total > ?", 10).Find(&[]ormmodels.Order{}) // want `site orm read "SELECT \* FROM orders WHERE \(total > \$1\)"`

	// Past its first call a chain changes in place.
	q := db.Model(&ormmodels.Order{}).Where("account_id = ?", id)
	q.Where("total > ?", 10)
	q.Find(&[]ormmodels.Order{}) // want `site orm read "SELECT \* FROM orders WHERE \(account_id = \$1\) AND \(total > \$2\)"`
}

type txKey struct{}

// session answers the request's transaction kept in its context, else
// the database with the context: a handle either way.
func session(ctx context.Context) *gorm.DB {
	if tx, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return tx
	}
	return global.WithContext(ctx)
}

// scoped answers a chain with a condition on one path: not a handle.
func scoped(ctx context.Context, all bool) *gorm.DB {
	if all {
		return global
	}
	return global.Where("active")
}

// Sessions reads through session and scoped, and runs raw SQL held in
// a variable.
func Sessions(ctx context.Context, id int) { // want `issuesQueries\(.*\)`
	var acc ormmodels.Account
	session(ctx).Where("id = ?", id).Take(&acc)      // want `site orm read "SELECT \* FROM accounts_v2 WHERE \(id = \$1\) AND \(accounts_v2.deleted_at IS NULL\) LIMIT 1"`
	scoped(ctx, true).Where("id = ?", id).Take(&acc) // want `site orm read unresolved: gorm chain: a function returning different chains \(in scoped\)`
	q := session(ctx).Raw("SELECT email FROM accounts_v2 WHERE kind = ?", "a")
	var emails []string
	q.Scan(&emails) // want `site orm read "SELECT email FROM accounts_v2 WHERE kind = \?"`
	w := session(ctx).Raw("SELECT email FROM accounts_v2").Where("kind = ?", "a")
	w.Scan(&emails) // want `site orm read unresolved: gorm chain: raw SQL kept in a variable`
}
