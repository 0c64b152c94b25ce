package main

import (
	"database/sql"
	"net/http"
	"time"

	"example.com/chanhub/api"
	"example.com/chanhub/hub"
)

func main() {
	db, _ := sql.Open("postgres", "")
	h := hub.New(db)
	go h.Run()
	go hub.Record(db)
	go func() {
		for range time.Tick(time.Minute) {
			h.Count(1)
		}
	}()
	a := &api.API{Hub: h, DB: db}
	http.HandleFunc("POST /join", a.Join)
	http.HandleFunc("POST /say", a.Say)
	http.HandleFunc("POST /event", a.Event)
	http.HandleFunc("POST /events", a.Events)
	http.HandleFunc("GET /wait", a.Wait)
	http.HandleFunc("GET /stream", a.Stream)
	http.HandleFunc("POST /notify", a.Notify)
	http.ListenAndServe(":8080", nil)
}
