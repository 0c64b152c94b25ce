// Package ormmodels holds models queried and migrated from another
// package: their tags reach it through types, their table names through
// facts.
package ormmodels

import (
	"time"

	"github.com/uptrace/bun"
	"gorm.io/gorm"
)

type Account struct {
	gorm.Model
	Email  string `gorm:"uniqueIndex"`
	OrgID  uint   `gorm:"index:idx_org_kind,priority:1"`
	Kind   string `gorm:"index:idx_org_kind,priority:2"`
	Orders []Order
}

// TableName names the table: the fact carries it to other packages.
func (Account) TableName() string { return "accounts_v2" } // want TableName:`tableName\("accounts_v2"\)`

type Order struct {
	ID        uint64 `gorm:"primaryKey"`
	AccountID uint
	Total     int64
	CreatedAt time.Time
}

type Book struct {
	bun.BaseModel `bun:"table:books,alias:b"`

	ID       int64 `bun:",pk,autoincrement"`
	AuthorID int64
	Author   *Author `bun:"rel:belongs-to,join:author_id=id"`
	Title    string  `bun:",unique"`
}

type Author struct {
	ID    int64 `bun:",pk"`
	Name  string
	Books []Book `bun:"rel:has-many,join:id=author_id"`
}
