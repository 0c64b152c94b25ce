package main

import (
	"database/sql"

	"example.com/iface/api"
	"example.com/iface/store/pg"
)

func main() {
	db, _ := sql.Open("postgres", "")
	_ = &api.API{Users: pg.New(db)}
}
