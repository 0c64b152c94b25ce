package main

import (
	"database/sql"
	"net/http"

	"github.com/gorilla/mux"

	"example.com/ctorhandlers/api"
)

func main() {
	db, _ := sql.Open("postgres", "")
	projectHandler := api.NewProjectHandler(db)
	router := mux.NewRouter()
	apirouter := router.PathPrefix("/api/v1alpha").Subrouter().UseEncodedPath()
	apirouter.Handle("/projects/{ref}", projectHandler).Methods("GET")
	http.ListenAndServe(":8080", router)
}
