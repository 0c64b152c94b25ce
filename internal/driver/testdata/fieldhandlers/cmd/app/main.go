package main

import (
	"database/sql"
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/fieldhandlers/handlers"
	"example.com/fieldhandlers/service"
	"example.com/fieldhandlers/store"
)

func main() {
	db, _ := sql.Open("postgres", "")
	st := &store.Store{DB: db}
	var err error
	if handlers.Verifier, err = handlers.NewVerifier(st); err != nil {
		panic(err)
	}
	r := chi.NewRouter()
	handlers.NewUser(&service.Users{Store: st}).MountRoutes(r)
	http.ListenAndServe(":8080", r)
}
