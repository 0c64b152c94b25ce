package main

import (
	"database/sql"

	"example.com/provider/handlers"
	"example.com/provider/server"
)

func main() {
	db, _ := sql.Open("postgres", "")
	s := &server.Server{Deps: &server.Deps{Provider: handlers.New(db)}}
	s.Routes().Run(":8080")
	_ = handlers.Archive // referenced, never served
}
