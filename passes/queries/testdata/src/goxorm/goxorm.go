// Package goxorm queries through github.com/go-xorm/xorm, xorm's home
// before xorm.io, read as xorm; its deprecated Id and Sql are ID and SQL.
package goxorm // want `stats: 3 sites, 0 unresolved, 0 unparsed, 2 orm`

import (
	"context"

	"github.com/go-xorm/xorm"
)

type Item struct {
	Id    int64
	Label string `xorm:"varchar(50) index"`
}

func Reads(ctx context.Context, db *xorm.Engine, id int64, label string) { // want `issuesQueries\(read SELECT id, label FROM item WHERE \(id = \$1\) LIMIT 1 @goxorm\.go:18, read SELECT id, label FROM item WHERE \(label = \$1\) AND \(id = \$2\)… @goxorm\.go:19, read SELECT id FROM item WHERE label = \? @goxorm\.go:21\)`
	it := &Item{}
	db.Id(id).Get(it)                                        // want `site orm read "SELECT id, label FROM item WHERE \(id = \$1\) LIMIT 1"`
	db.Context(ctx).Where("label = ?", label).Id(id).Get(it) // want `site orm read "SELECT id, label FROM item WHERE \(label = \$1\) AND \(id = \$2\) LIMIT 1"`
	var list []*Item
	db.Context(ctx).Sql("SELECT id FROM item WHERE label = ?", label).Find(&list) // want `site orm read "SELECT id FROM item WHERE label = \?"`
}
