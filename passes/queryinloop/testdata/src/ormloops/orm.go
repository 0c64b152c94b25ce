package ormloops

import (
	"context"

	"gorm.io/gorm"
)

type User struct {
	ID     int64
	Orders []Order
}

type Order struct{ ID, UserID int64 }

type Tag struct {
	ID   int64
	Name string
}

func Gorm(db *gorm.DB, users []User) {
	for i := range users {
		db.Where("user_id = ?", users[i].ID).Find(&users[i].Orders) // fix `Where\("user_id IN \?", keys\).Find\(&rows\)\) and match them to the items in Go; or Preload the association on the query that loads users$` // want `^gorm SELECT from orders runs once per item of users: n round trips instead of 1$`
	}
	// The fix: silent.
	db.Preload("Orders").Find(&users)
}

// Writes get gorm's own ways to write many rows, by what they do: never
// SQL gorm writes itself.
func GormWrites(db *gorm.DB, tags []Tag, ids []int64) {
	for _, t := range tags {
		db.Create(&t) // fix `^insert all rows in one statement: Create\(&rows\) with the slice, or CreateInBatches\(&rows, 500\)$` // want `^gorm INSERT into tags runs once per item of tags`
	}
	for _, id := range ids {
		db.Delete(&Tag{}, id) // fix `^delete all rows in one statement: Where\("id IN \?", keys\).Delete\(...\)$` // want `^gorm DELETE from tags runs once per item of ids`
	}
	for _, t := range tags {
		db.Model(&Tag{}).Where("id = ?", t.ID).Update("name", t.Name) // fix `^update all rows in one statement: Save\(&rows\) with the slice \(one INSERT ... ON CONFLICT DO UPDATE\)$` // want `^gorm UPDATE tags runs once per item of tags`
	}
}

// A slice per item is already written in one statement: the loop over
// the groups is what to remove.
func GormBulk(db *gorm.DB, groups []Group, chunks [][]Tag) {
	for _, g := range groups {
		db.Create(&g.Tags) // fix `^run it once with the items of all groups, not once per item: it takes a list already$` // want `^gorm INSERT into tags runs once per item of groups`
	}
	for _, chunk := range chunks {
		db.Create(&chunk) // silent: a chunk per statement
	}
}

type Group struct{ Tags []Tag }

// GormScanRows reads the rows of one query: ScanRows decodes the cursor's
// current row into a struct and sends nothing, so the loop over the
// cursor is no N+1 (Rows is the one query, before the loop).
func GormScanRows(db *gorm.DB) ([]Tag, error) {
	rows, err := db.Model(&Tag{}).Where("name LIKE ?", "a%").Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var tags []Tag
	for rows.Next() {
		var t Tag
		if err := db.ScanRows(rows, &t); err != nil {
			return nil, err
		}
		tags = append(tags, t)
	}
	return tags, nil
}

// EnsureTables migrates each model of a list of any: DDL, whatever the
// model, not a query per item.
func EnsureTables(db *gorm.DB, tables []any) {
	for _, t := range tables {
		_ = db.AutoMigrate(&t) // silent: schema
	}
}

// GormPages reads records a keyset page at a time until it has enough
// that pass a filter, the chain built over several statements: each
// page's query takes the last id the one before read, one query per
// page. A lookup per record of each page is the N+1.
func GormPages(db *gorm.DB, start int64, want int) []Tag {
	var out []Tag
	for len(out) < want {
		var page []Tag
		q := db.Where("kind = ?", "log")
		q = q.Where("id > ?", start)
		q.Order("id").Limit(100).Find(&page) // silent: one query per page
		for _, t := range page {
			if t.Name != "" {
				out = append(out, t)
			}
			var g Group
			db.Where("id = ?", t.ID).First(&g) // want `^gorm SELECT from groups runs once per item of page`
		}
		if len(page) < 100 {
			break
		}
		start = page[len(page)-1].ID
	}
	return out
}

// GormUnchained builds its chain from the item, and from nothing the
// pass before leaves: a page per kind, reported.
func GormUnchained(db *gorm.DB, kinds []string) {
	for _, k := range kinds {
		q := db.Where("kind = ?", k)
		q = q.Where("id > ?", 0)
		var page []Tag
		q.Limit(100).Find(&page) // want `^gorm SELECT from tags runs once per item of kinds`
	}
}

// GormReassigned sets a chain declared before the loop anew per item:
// a new statement per kind, not one carried from the pass before.
func GormReassigned(db *gorm.DB, kinds []string) {
	var q *gorm.DB
	for _, k := range kinds {
		q = db.Where("kind = ?", k)
		var page []Tag
		q.Find(&page) // want `^gorm SELECT from tags runs once per item of kinds`
	}
}

// gorm's generic API: the same statements, spelled gorm.G[T](db).
func GormGenerics(ctx context.Context, db *gorm.DB, users []User, tags []Tag) {
	for _, u := range users {
		gorm.G[Order](db).Where("user_id = ?", u.ID).Find(ctx) // want `^gorm SELECT from orders runs once per item of users: n round trips instead of 1$`
	}
	for _, t := range tags {
		gorm.G[Tag](db).Create(ctx, &t) // want `^gorm INSERT into tags runs once per item of tags`
	}
	ids := make([]int64, len(users))
	for i, u := range users {
		ids[i] = u.ID
	}
	gorm.G[Order](db).Where("user_id IN ?", ids).Find(ctx) // silent: the fix, one statement
	for range 3 {
		if _, err := gorm.G[Tag](db).Where("name = ?", "x").First(ctx); err == nil { // silent: a retry, not a loop over items
			break
		}
	}
}
