// Command hooks serves routes that each trigger one hook.
package main

import (
	"database/sql"
	"net/http"

	"example.com/hooks/app"
	"example.com/hooks/items"
	"example.com/hooks/router"
)

func main() {
	db, _ := sql.Open("postgres", "")
	a := app.New(db)
	http.HandleFunc("POST /users", func(w http.ResponseWriter, r *http.Request) {
		a.CreateUser(r.FormValue("name"))
	})
	http.HandleFunc("POST /backups", func(w http.ResponseWriter, r *http.Request) {
		a.Backup(r.FormValue("file"))
	})
	http.HandleFunc("POST /replay", func(w http.ResponseWriter, r *http.Request) {
		ev := &app.UserEvent{Name: r.FormValue("name")}
		app.Replay(&ev.Event)
	})
	http.HandleFunc("POST /tick/a", func(w http.ResponseWriter, r *http.Request) { a.TickA() })
	http.HandleFunc("POST /tick/b", func(w http.ResponseWriter, r *http.Request) { a.TickB() })
	go http.ListenAndServe(":8080", nil)
	rt := router.New()
	(&items.API{DB: db}).Register(rt)
	http.ListenAndServe(":8081", rt)
}
