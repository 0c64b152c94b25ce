package main

import (
	"context"
	"database/sql"

	"example.com/kratos/server"
	"example.com/kratos/service"
)

func main() {
	db, err := sql.Open("postgres", "")
	if err != nil {
		panic(err)
	}
	srv := server.NewHTTPServer(&service.Service{DB: db})
	if err := srv.Start(context.Background()); err != nil {
		panic(err)
	}
}
