package main

import (
	"database/sql"
	"encoding/json"
	"net/http"

	"example.com/embedmissing/store"
	"example.com/embedmissing/web"
)

func main() {
	db, err := sql.Open("postgres", "")
	if err != nil {
		panic(err)
	}
	s := &store.Store{DB: db}
	mux := http.NewServeMux()
	mux.Handle("/", web.Assets())
	mux.HandleFunc("POST /orders/names", func(w http.ResponseWriter, r *http.Request) {
		var ids []int64
		if err := json.NewDecoder(r.Body).Decode(&ids); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		names, err := s.Names(r.Context(), ids)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		json.NewEncoder(w).Encode(names)
	})
	http.ListenAndServe(":8080", mux)
}
