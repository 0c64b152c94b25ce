// Package goquloops holds loops around goqu datasets: a dataset run per
// item is an N+1 like any other query; one dataset for all the items,
// or one built in the loop and run once after it, is not.
package goquloops

import (
	"database/sql"
	"fmt"

	"github.com/doug-martin/goqu/v9"
)

type user struct {
	ID   int    `db:"id"`
	Name string `db:"name"`
}

func PerItem(db *goqu.Database, ids []int) {
	for _, id := range ids {
		var u user
		db.From("profiles").Where(goqu.C("user_id").Eq(id)).ScanStruct(&u) // want `SELECT from profiles runs once per item of ids`
	}
}

func PerItemExecutor(db *goqu.Database, users []user) {
	for _, u := range users {
		db.Update("users").Set(goqu.Record{"seen": true}).Where(goqu.Ex{"id": u.ID}).Executor().Exec() // want `UPDATE users runs once per item of users`
	}
}

func PerItemToSQL(db *sql.DB, ids []int) {
	for _, id := range ids {
		q, args, _ := goqu.From("orders").Where(goqu.Ex{"user_id": id}).ToSQL()
		db.Query(q, args...) // want `SELECT from orders runs once per item of ids`
	}
}

func AllAtOnce(db *goqu.Database, ids []int) {
	var us []user
	db.From("profiles").Where(goqu.Ex{"user_id": ids}).ScanStructs(&us) // silent: one query for all the items
	for range ids {
	}
}

// The loop only adds to the dataset; it runs once, after the loop.
func BuiltInLoop(db *goqu.Database, names []string) {
	ds := db.From("users")
	for _, n := range names {
		ds = ds.Where(goqu.C("name").Neq(n))
	}
	var us []user
	ds.ScanStructs(&us) // silent: one query after the loop
}

// The statement is only printed, never run.
func PrintedOnly(ids []int) {
	for _, id := range ids {
		q, _, _ := goqu.From("users").Where(goqu.Ex{"id": id}).ToSQL()
		fmt.Println(q) // silent: no database call
	}
}

// query takes the dataset and runs its ToSQL text: a call of it per
// item runs the caller's statement per item.
func query(db *sql.DB, ds *goqu.SelectDataset) error {
	q, args, err := ds.ToSQL()
	if err != nil {
		return err
	}
	_, err = db.Query(q, args...)
	return err
}

func PerItemThroughBase(db *sql.DB, ids []int) {
	for _, id := range ids {
		query(db, goqu.From("sessions").Where(goqu.C("user_id").Eq(id))) // want `SELECT from sessions runs once per item of ids`
	}
	query(db, goqu.From("sessions").Where(goqu.C("user_id").In(ids))) // silent: one statement for all the items
}
