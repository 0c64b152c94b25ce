package main

import (
	"database/sql"
	"net/http"

	"example.com/gokit/pats"
	"example.com/gokit/store"
)

func main() {
	db, _ := sql.Open("postgres", "")
	repo := &store.Repo{DB: db}
	svc := pats.Logging(pats.New(repo))
	http.ListenAndServe(":8080", pats.MakeHandler(svc, repo))
}
