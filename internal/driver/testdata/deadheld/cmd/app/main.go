package main

import (
	"context"
	"database/sql"
	"net/http"
	"os"

	"example.com/deadheld/jobs"
	"example.com/deadheld/store"
)

func main() {
	db, _ := sql.Open("postgres", "")
	s := store.New(db)
	var st store.Storer = s
	http.Handle("/touch", &jobs.Job{Posts: st})
	ctx := context.Background()
	p := jobs.Params{Values: map[string]any{"storer": st, "writer": os.Stdout}, Extra: map[string]any{"cache": store.NewCache(db)}}
	jobs.Export(ctx, p)
	jobs.Dump(p)
	jobs.Load(ctx, st)
	jobs.Print(store.NewArchive(db))
	_ = http.ListenAndServe(":8080", nil)
}
