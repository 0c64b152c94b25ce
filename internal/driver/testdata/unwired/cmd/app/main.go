package main

import (
	"database/sql"

	"example.com/unwired/flow"
	"example.com/unwired/hooks"
	"example.com/unwired/notify"
)

func main() {
	db, _ := sql.Open("postgres", "")
	m := notify.NewMailer(db)
	m.Start()
	notify.NewBatcher[int](db)
	notify.NewQueue(db, "CREATE TABLE IF NOT EXISTS queue (id int, written bool)")
	hooks.Run(db)
	flow.Run(db)
}
