// Package upperloops holds loops around upper/db: a collection's result
// set read or written per item, a builder's statement or raw SQL sent
// per item, is an N+1 like any other; a result set iterated with Next
// reads one cursor, and one query for all the items is none.
package upperloops

import (
	"github.com/upper/db/v4"
)

type User struct {
	ID   int64  `db:"id"`
	Name string `db:"name"`
}

func FindPerItem(sess db.Session, ids []int64) {
	for _, id := range ids {
		var u User
		sess.Collection("users").Find(db.Cond{"id": id}).One(&u) // want `upper/db One runs once per item of ids`
	}
}

func InsertPerItem(sess db.Session, users []User) {
	for _, u := range users {
		sess.Collection("users").Insert(u) // want `upper/db Insert runs once per item of users`
	}
}

func UpdaterPerItem(sess db.Session, ids []int64) {
	for _, id := range ids {
		sess.SQL().Update("users").Set("seen", true).Where("id = ?", id).Exec() // want `upper/db Exec runs once per item of ids`
	}
}

func RawPerItem(sess db.Session, ids []int64) {
	for _, id := range ids {
		sess.SQL().QueryRow(`SELECT name FROM users WHERE id = ?`, id) // want `SELECT from users runs once per item of ids`
	}
}

func Cursor(sess db.Session) {
	res := sess.Collection("users").Find()
	var u User
	for res.Next(&u) { // silent: Next reads the cursor One query opened
	}
	res.Close()
}

func AllAtOnce(sess db.Session, ids []int64) {
	var us []User
	sess.Collection("users").Find(db.Cond{"id IN": ids}).All(&us) // silent: one query for all the items
}

func SelectorPerItem(sess db.Session, ids []int64) {
	for _, id := range ids {
		var u User
		sess.SQL().Select("id", "name").From("users").Where("id = ?", id).One(&u) // want `upper/db One runs once per item of ids`
	}
}
