// Package gopgloops holds loops around go-pg: a model's query sent per
// item (Select, Insert, Update...), raw SQL per item through a DB, a Tx
// or a prepared statement, is an N+1 like any other; one query for all
// the items, or a query built in the loop and sent once, is not.
package gopgloops

import (
	"github.com/go-pg/pg/v10"
	"github.com/go-pg/pg/v10/orm"
)

type User struct {
	tableName struct{} `pg:"users"`
	ID        int64
	Name      string
}

func SelectPerItem(db *pg.DB, ids []int64) {
	for _, id := range ids {
		u := &User{}
		db.Model(u).Where("id = ?", id).Select() // want `go-pg Select runs once per item of ids`
	}
}

func UpdatePerItem(db orm.DB, users []*User) {
	for _, u := range users {
		db.Model(u).Column("name").Where("id = ?id").Update() // want `go-pg Update runs once per item of users`
	}
}

func RawPerItem(db *pg.DB, ids []int64) {
	for _, id := range ids {
		var u User
		db.QueryOne(&u, `SELECT id, name FROM users WHERE id = ?`, id) // want `SELECT from users runs once per item of ids`
	}
}

func TxPerItem(tx *pg.Tx, names []string) {
	for _, n := range names {
		tx.Exec(`INSERT INTO users (name) VALUES (?)`, n) // want `INSERT into users runs once per item of names`
	}
}

func StmtPerItem(db *pg.DB, ids []int64) {
	stmt, _ := db.Prepare(`DELETE FROM users WHERE id = $1`)
	for _, id := range ids {
		stmt.Exec(id) // want `DELETE from users runs once per item of ids`
	}
}

func AllAtOnce(db *pg.DB, ids []int64) {
	var users []User
	db.Model(&users).WhereIn("id IN (?)", ids).Select() // silent: one query for all the items
}

func BuiltInLoopSentOnce(db *pg.DB, names []string) {
	var users []User
	q := db.Model(&users)
	for _, n := range names {
		q = q.Where("name = ?", n) // silent: Where sends nothing
	}
	q.Select()
}
