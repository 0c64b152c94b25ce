package main

import (
	"context"
	"database/sql"

	"example.com/iface/api"
	"example.com/iface/store/pg"
)

func main() {
	db, _ := sql.Open("postgres", "")
	a := &api.API{Users: pg.New(db)}
	jobs["load"] = a.Load
}

// jobs are run by name, by something the program does not show.
var jobs = map[string]func(context.Context, []int64){}
