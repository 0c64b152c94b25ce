package ormloops

import "github.com/beego/beego/v2/client/orm"

type Book struct {
	BookId   int
	MemberId int
}

type Member struct{ MemberId int }

// Beego reads each book's member, then counts the members, once.
func Beego(o orm.Ormer, books []Book) {
	for _, b := range books {
		m := Member{MemberId: b.MemberId}
		o.Read(&m) // want `^beego Read runs once per item of books: n round trips instead of 1$`
	}
	for _, b := range books {
		o.QueryTable("members").Filter("member_id", b.MemberId).One(&Member{}) // want `^beego SELECT from members runs once per item of books: n round trips instead of 1$`
	}
	o.QueryTable("members").Count()
}

// BeegoChunks loads the books by chunks of 500 ids, the chain kept in a
// variable per chunk: one statement per chunk. The chain made once
// before the loop and read per id is one per item.
func BeegoChunks(o orm.Ormer, ids []int) {
	const chunkSize = 500
	for i := 0; i < len(ids); i += chunkSize {
		end := min(i+chunkSize, len(ids))
		var books []Book
		qs := o.QueryTable("books").Filter("book_id__in", ids[i:end])
		qs.All(&books)
	}
	qs := o.QueryTable("books")
	for _, id := range ids {
		var b Book
		qs.Filter("book_id", id).One(&b) // want `^beego One runs once per item of ids`
	}
}

// BeegoGroups inserts a row per group of ids: the statement is built from
// the group, but it is one row per group, not the group's rows at once.
func BeegoGroups(o orm.Ormer, groups [][]int) {
	for _, g := range groups {
		qs := o.QueryTable("books").Filter("book_id__in", g)
		qs.Update(orm.Params{"grouped": true}) // silent: one statement per group, sending the whole group
		b := newBatch(g)
		b.save(o) // want `^ormloops.\(\*batch\).save runs`
	}
}

type batch struct{ ids []int }

func newBatch(ids []int) *batch { return &batch{ids} }

func (b *batch) save(o orm.Ormer) { o.Insert(b) }
