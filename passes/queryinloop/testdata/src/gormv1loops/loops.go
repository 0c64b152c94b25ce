// Package gormv1loops holds loops around gorm v1 (github.com/jinzhu/gorm)
// chains on a package-level handle: a First and a Related per item, and
// the loops that send one query in all.
package gormv1loops

import "github.com/jinzhu/gorm"

var db *gorm.DB

type Group struct {
	Id      int64
	Name    string
	Targets []Target
}

type Target struct {
	Id      int64
	GroupId int64
	Email   string
}

// ByIDs loads each group by its id, one First per item.
func ByIDs(ids []int64) []Group {
	var gs []Group
	for _, id := range ids {
		g := Group{}
		db.Where("id=?", id).First(&g) // fix `Where\("id IN \(\?\)", keys\).Find\(&rows\)\) and match them to the items in Go` // want `^gorm SELECT from groups runs once per item of ids: n round trips instead of 1$`
		gs = append(gs, g)
	}
	return gs
}

// WithTargets loads each group's targets by the foreign key, one Related
// per item.
func WithTargets(gs []Group) {
	for i := range gs {
		db.Model(&gs[i]).Related(&gs[i].Targets) // fix `Where\("group_id IN \(\?\)", keys\).Find\(&rows\)\) and match them to the items in Go; or Preload the association on the query that loads gs$` // want `^gorm SELECT from targets runs once per item of gs: n round trips instead of 1$`
	}
}

// Preloaded loads the targets of all groups in one more query (v1 batches
// Preload too): silent.
func Preloaded() []Group {
	var gs []Group
	db.Preload("Targets").Find(&gs)
	return gs
}

// Before queries once, before the loop: silent.
func Before(names []string) []Target {
	var ts []Target
	db.Where("group_id IN (?)", names).Find(&ts)
	for i := range ts {
		ts[i].Email = names[0]
	}
	return ts
}

// FirstFound returns after the first query: one query, not n.
func FirstFound(ids []int64) (Group, error) {
	for _, id := range ids {
		g := Group{}
		err := db.Where("id = ?", id).First(&g).Error
		return g, err
	}
	return Group{}, nil
}

// SaveEach saves each target it is handed: an UPDATE when the target's
// key is set, an INSERT when it is zero; the code does not say which,
// and the message names both.
func SaveEach(ts []*Target) {
	for _, t := range ts {
		db.Save(t) // want `^gorm UPDATE targets or INSERT into targets runs once per item of ts: n round trips instead of 1$`
	}
}

// InsertEach saves new targets, whose key is zero: each an INSERT.
func InsertEach(emails []string) {
	for _, e := range emails {
		db.Save(&Target{Email: e}) // want `^gorm INSERT into targets runs once per item of emails: n round trips instead of 1$`
	}
}
