package main

import (
	"context"
	"database/sql"
	"flag"
	"net/http"

	"example.com/shapes/store"
	"example.com/shapes/strict"
	"example.com/shapes/svc"
	"example.com/shapes/upgrade"
)

func main() {
	flag.Parse()
	db, _ := sql.Open("postgres", "")
	ctx := context.Background()
	s := svc.New(db, store.NewPG(db), store.NewCounter(db))
	switch flag.Arg(0) {
	case "serve":
		serve(s)
	case "web":
		web(s)
	case "api":
		api(db)
	case "walk":
		s.Tree(ctx, nil)
	case "upgrade":
		tx, _ := db.BeginTx(ctx, nil)
		upgrade.Apply(ctx, tx)
	}
	other := svc.New(db, store.NewCached(db), store.NewCounter(db))
	other.Each(ctx, nil)
	upgrade.Valid("x")
}

func serve(s *svc.Service) {
	http.ListenAndServe(":8080", s.Wrap(http.NotFoundHandler()))
}

// web serves on a goroutine of its own: starting it is the server's start
// all the same.
func web(s *svc.Service) {
	srv := &http.Server{Addr: ":8080", Handler: s.Wrap(http.NotFoundHandler())}
	go func() { srv.ListenAndServe() }()
	select {}
}

// api serves a generated strict server's routes.
func api(db *sql.DB) {
	http.ListenAndServe(":8080", strict.Handler(strict.NewStrictHandler(&strict.API{DB: db}, []strict.StrictMiddlewareFunc{})))
}
