package main

import (
	"database/sql"
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/mount/api"
)

func main() {
	db, _ := sql.Open("postgres", "")
	h := &api.Handler{DB: db}
	router := chi.NewRouter()
	apiRouter := chi.NewRouter()
	h.RegisterRoutes(apiRouter)
	router.Mount("/api", apiRouter)
	http.ListenAndServe(":8080", router)
}
