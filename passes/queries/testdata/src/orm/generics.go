package orm

import (
	"context"

	"gorm.io/gorm"

	"ormmodels"
)

// GormGenerics is gorm's generic API (v1.30): gorm.G[T](db) names the
// model, and the finishers take the context first.
func GormGenerics(ctx context.Context, db *gorm.DB, email string, ids []uint) { // want `issuesQueries\(.*\)`
	gorm.G[ormmodels.Account](db).Where("email = ?", email).First(ctx)                                                             // want `site orm read "SELECT \* FROM accounts_v2 WHERE \(email = \$1\) AND \(accounts_v2.deleted_at IS NULL\) ORDER BY accounts_v2.id LIMIT 1"`
	gorm.G[ormmodels.Order](db).Where("account_id IN ?", ids).Order("created_at DESC").Limit(10).Find(ctx)                         // want `site orm read "SELECT \* FROM orders WHERE \(account_id IN \(\$1\)\) ORDER BY created_at DESC LIMIT 10"`
	gorm.G[ormmodels.Account](db).Where("org_id = ?", 1).Count(ctx, "id")                                                          // want `site orm read "SELECT count\(\*\) FROM accounts_v2 WHERE \(org_id = \$1\) AND \(accounts_v2.deleted_at IS NULL\)"`
	gorm.G[ormmodels.Order](db).Create(ctx, &ormmodels.Order{AccountID: 1})                                                        // want `site orm write "INSERT INTO orders \(account_id, total, created_at\) VALUES \(\$1, \$2, \$3\)"`
	gorm.G[ormmodels.Order](db).Where("id = ?", 2).Update(ctx, "total", 5)                                                         // want `site orm write "UPDATE orders SET total = \$1 WHERE \(id = \$2\)"`
	gorm.G[ormmodels.Order](db).Where("account_id = ?", 3).Delete(ctx)                                                             // want `site orm write "DELETE FROM orders WHERE \(account_id = \$1\)"`
	gorm.G[ormmodels.Order](db).Where("account_id = ?", 3).FindInBatches(ctx, 100, func(rows []ormmodels.Order, batch int) error { // want `site orm read "SELECT \* FROM orders WHERE \(account_id = \$1\) ORDER BY orders.id LIMIT 100"`
		return nil
	})

	// Built across statements: an interface value each call answers anew.
	q := gorm.G[ormmodels.Order](db).Where("account_id = ?", 1)
	if len(ids) > 0 {
		q = q.Where("id IN ?", ids)
	}
	q.Find(ctx) // want `site orm read "SELECT \* FROM orders WHERE \(account_id = \$1\) AND \(id IN \(\$2\)\)"`

	gorm.G[ormmodels.Order](db).Raw("SELECT total FROM orders WHERE id = ?", 1).Scan(ctx, new(int)) // want `site orm read "SELECT total FROM orders WHERE id = \?"`
	gorm.G[ormmodels.Order](db).Exec(ctx, "DELETE FROM orders WHERE total = 0")                     // want `site exec write "DELETE FROM orders WHERE total = 0"`
	gorm.G[ormmodels.Order](db).Where("id = ?", 4).Set().Update(ctx)                                // want `site orm write unresolved: gorm chain: columns assigned by Set are not read`
}
