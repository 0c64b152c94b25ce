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
	hooks.Run(db)
	flow.Run(db)
}
