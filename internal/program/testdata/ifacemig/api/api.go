// Package api dispatches requests to handler values kept in a list:
// they change no schema.
package api

import (
	"net/http"

	"example.com/ifacemig/dal"
)

// Handler serves a request.
type Handler interface {
	Serve(d dal.Dal, w http.ResponseWriter, r *http.Request)
}

// Mux runs its handlers in turn.
type Mux struct {
	D  dal.Dal
	hs []Handler
}

// Handle adds a handler.
func (m *Mux) Handle(h Handler) { m.hs = append(m.hs, h) }

func (m *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, h := range m.hs {
		h.Serve(m.D, w, r)
	}
}

// Handlers are the API's handlers.
var Handlers = []Handler{&users{}, &teams{}}

type users struct{}

// Serve reads each user named in the query.
func (*users) Serve(d dal.Dal, w http.ResponseWriter, r *http.Request) {
	for _, name := range r.URL.Query()["name"] {
		var u struct{ ID int64 }
		d.First(&u, "name = ?", name) // route
	}
}

type teams struct{}

func (*teams) Serve(d dal.Dal, w http.ResponseWriter, r *http.Request) {
	var t struct{ ID int64 }
	d.First(&t, "id = ?", r.URL.Query().Get("id"))
}
