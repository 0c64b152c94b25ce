package main

import (
	"database/sql"
	"net/http"
	"os"

	"example.com/precision/actors"
	"example.com/precision/audit"
	"example.com/precision/gen"
	"example.com/precision/keys"
	"example.com/precision/notify"
	"example.com/precision/orders"
	"example.com/precision/store/pg"
)

func main() {
	db, _ := sql.Open("postgres", "")
	s := pg.New(db)
	http.HandleFunc("/inputs", func(w http.ResponseWriter, r *http.Request) {
		gen.Serve(r.Context(), s, nil)
	})
	http.HandleFunc("/fetch", func(w http.ResponseWriter, r *http.Request) {
		actors.Fetch(r.Context(), s, nil)
	})
	http.HandleFunc("/notify", func(w http.ResponseWriter, r *http.Request) {
		notify.Notify(r.Context(), s, nil)
	})
	http.HandleFunc("/welcome", func(w http.ResponseWriter, r *http.Request) {
		notify.Welcome(r.Context(), s, r.FormValue("name"))
	})
	http.HandleFunc("/owners", func(w http.ResponseWriter, r *http.Request) {
		orders.Owners(r.Context(), s, nil)
	})
	http.HandleFunc("/audit", func(w http.ResponseWriter, r *http.Request) {
		audit.Record(r.Context(), db, nil)
	})
	k := keys.Open(db, len(os.Args) > 1)
	http.HandleFunc("/sigs", func(w http.ResponseWriter, r *http.Request) {
		k.StoreSigs(r.Context(), nil)
		k.MarkOffline(r.Context(), r.FormValue("server"))
	})
	http.HandleFunc("/forget", func(w http.ResponseWriter, r *http.Request) {
		k.Forget(nil)
	})
	http.ListenAndServe(":8080", nil)
}
