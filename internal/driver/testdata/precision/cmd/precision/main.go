package main

import (
	"context"
	"database/sql"
	"net/http"

	"example.com/precision/gen"
	"example.com/precision/store/pg"
)

func main() {
	db, _ := sql.Open("postgres", "")
	s := pg.New(db)
	http.HandleFunc("/inputs", func(w http.ResponseWriter, r *http.Request) {
		gen.Serve(r.Context(), s, nil)
	})
	http.ListenAndServe(":8080", nil)
	_ = context.Background()
}
