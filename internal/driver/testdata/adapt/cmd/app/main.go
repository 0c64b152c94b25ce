package main

import (
	"database/sql"
	"net/http"

	"example.com/adapt/model"
	"example.com/adapt/store"
	"example.com/adapt/web"
)

type deps struct{ s *store.DB }

func (d *deps) Store() model.Store { return d.s }

func main() {
	db, err := sql.Open("postgres", "")
	if err != nil {
		panic(err)
	}
	s := &web.Server{}
	http.ListenAndServe(":8080", s.Setup(&deps{s: store.New(db)}))
}
