package main

import (
	"database/sql"
	"net/http"
	"time"

	"example.com/ownmig/core"
	"example.com/ownmig/hooks"
	"example.com/ownmig/migrations"
	"example.com/ownmig/plugin"
)

func main() {
	db, _ := sql.Open("postgres", "")
	runner := core.NewRunner(db, core.Migrations)
	if err := runner.Up(); err != nil {
		panic(err)
	}
	// A reload job that applies what a new release registered: each
	// migration still runs once, as the runner records it.
	go func() {
		for range time.Tick(time.Minute) {
			runner.Up()
		}
	}()
	http.HandleFunc("/plugins", func(w http.ResponseWriter, r *http.Request) { plugin.Serve(db, w, r) })
	http.HandleFunc("/import", hooks.Import(db))
	// An admin route running a migration's function again.
	http.HandleFunc("/admin/normalize", func(w http.ResponseWriter, r *http.Request) {
		tx, _ := db.Begin()
		migrations.Normalize(tx)
		tx.Commit()
	})
	http.ListenAndServe(":8080", nil)
}
