// Package bunloops holds loops around bun queries: advice in bun's terms.
package bunloops

import (
	"context"

	"github.com/uptrace/bun"
)

type GridItem struct {
	bun.BaseModel `bun:"table:grid_items,alias:g"`

	ID    int64 `bun:",pk,autoincrement"`
	RowID int64
	Width int
}

type GridRow struct {
	ID    int64
	Items []GridItem
}

func Insert(ctx context.Context, db *bun.DB, items []GridItem) {
	for i := range items {
		db.NewInsert().Model(&items[i]).Exec(ctx) // fix `^insert all rows in one statement: NewInsert\(\).Model\(&rows\) with the slice$` // want `^bun INSERT into grid_items runs once per item of items: n round trips instead of 1$`
	}
}

func Select(ctx context.Context, db *bun.DB, rows []GridRow) {
	for _, r := range rows {
		db.NewSelect().Model(&r.Items).Where("row_id = ?", r.ID).Scan(ctx) // fix `\(Where\("row_id IN \(\?\)", bun.In\(keys\)\)\) and match them to the items in Go; or load it with Relation on the query that loads rows$` // want `^bun SELECT from grid_items runs once per item of rows`
	}
}

func Update(ctx context.Context, db *bun.DB, items []GridItem) {
	for i := range items {
		db.NewUpdate().Model(&items[i]).Column("width").WherePK().Exec(ctx) // fix `^update all rows in one statement: NewUpdate\(\).Model\(&rows\).Column\(...\).Bulk\(\) with the slice$` // want `^bun UPDATE grid_items runs once per item of items`
	}
}

// InsertItems writes a whole slice in one statement.
func InsertItems(ctx context.Context, db bun.IDB, items []GridItem) error {
	_, err := db.NewInsert().Model(&items).Exec(ctx)
	return err
}

// Per row, a bulk insert of the row's items: the callee needs no variant
// that takes all the items, it is one; call it once with all of them.
func InsertRows(ctx context.Context, db *bun.DB, rows []GridRow) {
	for _, r := range rows {
		InsertItems(ctx, db, r.Items) // fix `^call it once with the items of all rows, not once per item: it takes a list already$` // want `^bunloops.InsertItems runs INSERT into grid_items \(bun.go:\d+\) once per item of rows: n round trips instead of 1$`
	}
}

// Item is any kind of grid item: bun learns the table at run time.
type Item interface{ Base() *GridItem }

// InsertAny writes a whole slice too, whatever its table.
func InsertAny(ctx context.Context, db bun.IDB, items []Item) error {
	_, err := db.NewInsert().Model(&items).Exec(ctx)
	return err
}

type AnyRow struct{ Items []Item }

func InsertAnyRows(ctx context.Context, db *bun.DB, rows []AnyRow) {
	for _, r := range rows {
		InsertAny(ctx, db, r.Items) // fix `^call it once with the items of all rows, not once per item: it takes a list already$` // want `^bunloops.InsertAny runs an INSERT \(bun.go:\d+\) once per item of rows`
	}
	for _, r := range rows {
		db.NewInsert().Model(&r.Items[0]).Exec(ctx) // fix `^insert all rows in one statement: NewInsert\(\).Model\(&rows\) with the slice$` // want `^bun INSERT runs once per item of rows`
	}
}
