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
