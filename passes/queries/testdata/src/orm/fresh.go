package orm // want `stats: 43 sites, 7 unresolved, 0 unparsed, 34 orm`

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
