// Command percaller serves requests that store one item at a time, and
// runs a writer storing the batches a queue collects.
package main

import (
	"database/sql"
	"net/http"

	"example.com/percaller/store"
)

func main() {
	db, _ := sql.Open("postgres", "")
	s := store.New(db)
	go s.Write() // the batch writer: its loop over the queue is a job
	http.HandleFunc("POST /messages", func(w http.ResponseWriter, r *http.Request) {
		s.Add(store.Message{Text: r.FormValue("text")})
	})
	http.HandleFunc("POST /tag", func(w http.ResponseWriter, r *http.Request) {
		s.Tag(r.FormValue("tag"))
	})
	http.HandleFunc("POST /tags", func(w http.ResponseWriter, r *http.Request) {
		s.Tags(r.URL.Query()["tag"])
	})
	http.HandleFunc("POST /mark", func(w http.ResponseWriter, r *http.Request) {
		s.Mark(r.FormValue("id"))
	})
	http.HandleFunc("POST /notify", func(w http.ResponseWriter, r *http.Request) {
		s.Notify(r.URL.Query()["user"], r.FormValue("first"))
	})
	http.HandleFunc("POST /ping", func(w http.ResponseWriter, r *http.Request) {
		s.Ping()
	})
	http.ListenAndServe(":8080", nil)
}
