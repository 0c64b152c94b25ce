package main

import (
	"database/sql"
	"net/http"

	"example.com/lazyprep/ledger"
)

var db *sql.DB

func main() {
	http.HandleFunc("POST /mutations", func(w http.ResponseWriter, r *http.Request) {
		tx, _ := db.BeginTx(r.Context(), nil)
		ledger.Mutate(r.Context(), tx, r.URL.Query()["stmt"])
		ledger.MutateEach(r.Context(), tx, r.URL.Query()["stmt"])
	})
	http.ListenAndServe(":8080", nil)
}
