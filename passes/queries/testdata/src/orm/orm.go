package orm

import (
	"context"

	"github.com/uptrace/bun"
	"gorm.io/gorm"

	"ormmodels"
)

func Gorm(db *gorm.DB, email string, ids []uint, since int) { // want `issuesQueries\(.*\)`
	var accs []ormmodels.Account
	db.Where("email = ?", email).First(&accs)                                  // want `site orm read "SELECT \* FROM accounts_v2 WHERE \(email = \$1\) AND \(accounts_v2.deleted_at IS NULL\) ORDER BY accounts_v2.id LIMIT 1"`
	db.Model(&ormmodels.Account{}).Where("org_id IN ?", ids).Count(new(int64)) // want `site orm read "SELECT count\(\*\) FROM accounts_v2 WHERE \(org_id IN \(\$1\)\) AND \(accounts_v2.deleted_at IS NULL\)"`
	db.Find(&accs, 7)                                                          // want `site orm read "SELECT \* FROM accounts_v2 WHERE \(accounts_v2.id = \$1\) AND \(accounts_v2.deleted_at IS NULL\)"`
	db.Unscoped().Where(&ormmodels.Account{Kind: "a", OrgID: 1}).Find(&accs)   // want `site orm read "SELECT \* FROM accounts_v2 WHERE \(accounts_v2.kind = \$1 AND accounts_v2.org_id = \$2\)"`
	db.Where(map[string]any{"org_id": 1}).Or("kind = ?", "b").Find(&accs)      // want `site orm read "SELECT \* FROM accounts_v2 WHERE \(\(org_id = \$1\)\) OR \(kind = \$2\) AND \(accounts_v2.deleted_at IS NULL\)"`

	// Built across statements: every addition before the finisher.
	q := db.Model(&ormmodels.Order{}).Where("account_id = ?", 1)
	if since > 0 {
		q = q.Where("created_at > ?", since)
	}
	q.Order("created_at DESC").Limit(10).Find(&[]ormmodels.Order{}) // want `site orm read "SELECT \* FROM orders WHERE \(account_id = \$1\) AND \(created_at > \$2\) ORDER BY created_at DESC LIMIT 10"`

	// Preload is a query of its own, appended to the site's.
	db.Preload("Orders").Where("id = ?", 1).Find(&accs) // want `site orm read "SELECT \* FROM accounts_v2 WHERE \(id = \$1\) AND \(accounts_v2.deleted_at IS NULL\);\\nSELECT \* FROM orders WHERE orders.account_id IN \(\$2\)"`

	// Writes: the model's key when it is a value, soft delete as an UPDATE.
	acc := &accs[0]
	db.Model(acc).Update("kind", "c")                                         // want `site orm write "UPDATE accounts_v2 SET kind = \$1, updated_at = \$2 WHERE \(accounts_v2.id = \$3\) AND \(accounts_v2.deleted_at IS NULL\)"`
	db.Where("org_id = ?", 2).Delete(&ormmodels.Account{})                    // want `site orm write "UPDATE accounts_v2 SET deleted_at = \$1 WHERE \(org_id = \$2\) AND \(accounts_v2.deleted_at IS NULL\)"`
	db.Create(&ormmodels.Order{AccountID: 1})                                 // want `site orm write "INSERT INTO orders \(account_id, total, created_at\) VALUES \(\$1, \$2, \$3\)"`
	db.Scopes(byOrg(3)).Find(&accs)                                           // want `site orm read "SELECT \* FROM accounts_v2 WHERE \(org_id = \$1\) AND \(accounts_v2.deleted_at IS NULL\)"`
	db.Where(db.Where("a = 1")).Find(&accs)                                   // want `site orm read unresolved: gorm chain: conditions grouped in another chain`
	db.Joins("JOIN orders ON orders.account_id = accounts_v2.id").Find(&accs) // want `site orm read "SELECT accounts_v2.\* FROM accounts_v2 JOIN orders ON orders.account_id = accounts_v2.id WHERE \(accounts_v2.deleted_at IS NULL\)"`
}

// AutoMigrate sends the DDL of its models: tables, then tagged indexes.
func Migrate(db *gorm.DB) error { // want `issuesQueries\(.*\)`
	return db.AutoMigrate(&ormmodels.Account{}, &ormmodels.Order{}) // want `site orm ddl "CREATE TABLE IF NOT EXISTS accounts_v2 \(id bigserial, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz, email text, org_id bigint, kind text, PRIMARY KEY \(id\)\);\\nCREATE INDEX IF NOT EXISTS idx_accounts_v2_deleted_at ON accounts_v2 \(deleted_at\);\\nCREATE UNIQUE INDEX IF NOT EXISTS idx_accounts_v2_email ON accounts_v2 \(email\);\\nCREATE INDEX IF NOT EXISTS idx_org_kind ON accounts_v2 \(org_id, kind\);\\nCREATE TABLE IF NOT EXISTS orders \(id bigserial, account_id bigint, total bigint, created_at timestamptz, PRIMARY KEY \(id\)\)"`
}

func byOrg(org int) func(*gorm.DB) *gorm.DB {
	return func(db *gorm.DB) *gorm.DB { return db.Where("org_id = ?", org) }
}

// What cannot be modeled is counted, with the reason, not guessed.
func Unknown(db *gorm.DB, cond ormmodels.Account, model any) { // want `issuesQueries\(.*\)`
	var n int64
	db.Where("kind = ?", "a").Count(&n)               // want `site orm read unresolved: gorm Count: chain starts at parameter db: its model is the caller's`
	db.Where(&cond).Find(&[]ormmodels.Account{})      // want `site orm read unresolved: gorm chain: conditions in cond are known only at run time`
	db.Model(model).Count(&n)                         // want `site orm read unresolved: gorm Count: model model is chosen at run time`
	db.Where(cond.Email).Find(&[]ormmodels.Account{}) // want `site orm read unresolved: gorm chain: condition cond.Email is not constant`
}

func Bun(ctx context.Context, db *bun.DB, authorID int64) { // want `issuesQueries\(.*\)`
	var books []ormmodels.Book
	db.NewSelect().Model(&books).Where("? = ?", bun.Ident("b.author_id"), authorID).Order("id DESC").Limit(5).Scan(ctx)             // want `site orm read "SELECT b.id, b.author_id, b.title FROM books AS b WHERE \(b.author_id = \$1\) ORDER BY id DESC LIMIT 5"`
	db.NewSelect().Model(&books).Relation("Author").WherePK().Scan(ctx)                                                             // want `site orm read "SELECT b.id, b.author_id, b.title, author.id, author.name FROM books AS b LEFT JOIN authors AS author ON author.id = b.author_id WHERE \(b.id = \$1\)"`
	db.NewSelect().Model(&[]ormmodels.Author{}).Relation("Books").Where("?TableAlias.name IN (?)", bun.In([]string{"x"})).Scan(ctx) // want `site orm read "SELECT author.id, author.name FROM authors AS author WHERE \(author.name IN \(\$1\)\);\\nSELECT b.id, b.author_id, b.title FROM books AS b WHERE b.author_id IN \(\$2\)"`

	q := db.NewSelect().Model(&books)
	q.Where("title = ?", "t") // bun's builders change in place
	q.Scan(ctx)               // want `site orm read "SELECT b.id, b.author_id, b.title FROM books AS b WHERE \(title = \$1\)"`

	db.NewUpdate().Model(&books[0]).Set("title = ?", "u").WherePK().Exec(ctx)                                 // want `site orm write "UPDATE books AS b SET title = \$1 WHERE \(b.id = \$2\)"`
	db.NewCreateTable().Model((*ormmodels.Book)(nil)).IfNotExists().Exec(ctx)                                 // want `site orm ddl "CREATE TABLE IF NOT EXISTS books \(id bigserial NOT NULL, author_id bigint, title varchar, PRIMARY KEY \(id\), UNIQUE \(title\)\)"`
	db.NewCreateIndex().Model((*ormmodels.Book)(nil)).Index("books_author_idx").Column("author_id").Exec(ctx) // want `site orm ddl "CREATE INDEX books_author_idx ON books \(author_id\)"`
}

// BunIndexOn creates indexes on a table named by Table, not by a model
// (signoz's migrations), and on one it is handed.
func BunIndexOn(ctx context.Context, db *bun.DB, table string) { // want `issuesQueries\(ddl CREATE UNIQUE INDEX IF NOT EXISTS idx_unique_name ON organi… @orm.go:76, ddl \? @orm.go:77\)`
	db.NewCreateIndex().Unique().IfNotExists().Index("idx_unique_name").Table("organizations").Column("name").Exec(ctx) // want `site orm ddl "CREATE UNIQUE INDEX IF NOT EXISTS idx_unique_name ON organizations \(name\)"`
	db.NewCreateIndex().Table(table).Index("by_name").Column("name").Exec(ctx)                                          // want `site orm ddl unresolved: bun chain: table name is not constant`
}
