// Package api serves the chat: its handlers hand their work to the hub's
// goroutines over channels.
package api

import (
	"context"
	"database/sql"
	"encoding/json"
	"net"
	"net/http"

	"example.com/chanhub/hub"
)

type API struct {
	Hub *hub.Hub
	DB  *sql.DB
}

// Join hands the join to the hub, which adds the member and tells the
// topic's goroutine.
func (a *API) Join(w http.ResponseWriter, r *http.Request) {
	a.Hub.Join(&hub.Join{Topic: r.FormValue("topic"), User: r.FormValue("user")})
}

// Say hands the message to the hub on a goroutine it leaves running.
func (a *API) Say(w http.ResponseWriter, r *http.Request) {
	msg := r.FormValue("msg")
	go a.Hub.Say(msg)
}

// Event leaves an event for the recorder.
func (a *API) Event(w http.ResponseWriter, r *http.Request) {
	hub.Events <- r.FormValue("event")
}

// Wait receives the hub's next result: it sends nothing.
func (a *API) Wait(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(a.Hub.Result()))
}

// Stream takes the connection over and reads it on a goroutine: each
// line read is recorded and handed to the hub.
func (a *API) Stream(w http.ResponseWriter, r *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	go a.read(conn)
}

func (a *API) read(conn net.Conn) {
	defer conn.Close()
	buf := make([]byte, 512)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return
		}
		a.DB.ExecContext(context.Background(), `INSERT INTO lines (body) VALUES ($1)`, string(buf[:n]))
		a.Hub.Say(string(buf[:n]))
	}
}

// Notify answers, then notifies the user on a goroutine it leaves
// running: the notification is no part of the request.
func (a *API) Notify(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	json.NewEncoder(w).Encode("ok")
	go a.notify(user)
}

func (a *API) notify(user string) {
	a.DB.ExecContext(context.Background(), `INSERT INTO notifications (name) VALUES ($1)`, user)
}

// Events leaves one event per value of the form's "event": the recorder
// runs once per item.
func (a *API) Events(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	for _, ev := range r.Form["event"] {
		hub.Events <- ev
	}
}
