// Package gapi registers on the gorilla router it is given.
package gapi

import (
	"database/sql"
	"net/http"

	"github.com/gorilla/mux"
)

var DB *sql.DB

func Register(r *mux.Router) {
	r.HandleFunc("/widgets", widgets).Methods("GET")
}

func widgets(w http.ResponseWriter, r *http.Request) {
	DB.QueryContext(r.Context(), "SELECT id FROM widgets")
}
