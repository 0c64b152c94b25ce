package main

import (
	"database/sql"
	"net/http"

	"example.com/fieldhandlers/handlers"
	"example.com/fieldhandlers/service"
	"example.com/fieldhandlers/store"
)

func main() {
	db, _ := sql.Open("postgres", "")
	st := &store.Store{DB: db}
	mux := http.NewServeMux()
	handlers.NewUser(&service.Users{Store: st}).MountRoutes(mux)
	http.ListenAndServe(":8080", mux)
}
