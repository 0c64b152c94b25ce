package main

import (
	"database/sql"
	"net/http"

	"example.com/mwvar/api"
	"example.com/mwvar/repo"
)

func main() {
	db, err := sql.Open("postgres", "")
	if err != nil {
		panic(err)
	}
	mux := http.NewServeMux()
	api.NewUserHandler(repo.New(db), false).RegisterRoutes(mux)
	http.ListenAndServe(":8080", mux)
}
