// Package ctors builds its strategies by name, each by a constructor the
// registry holds in a field (a function value): the registry's pointer
// handed to it is the module's own code, not a decoder's, so its names
// stay the ones it was built with. The look-alike hands its pointer to
// a decoder, which may fill the names with anything.
package ctors

import (
	"database/sql"
	"encoding/json"
	"encoding/xml"
	"net/http"
)

type Strategy interface {
	Kind() string
}

type Email struct{ db *sql.DB }

func (s *Email) Kind() string { return "email" }

type SMS struct{ db *sql.DB }

func (s *SMS) Kind() string { return "sms" }

// Registry makes a strategy per name it was built with.
type Registry struct {
	db    *sql.DB
	names []string
	make  func(r *Registry, name string) Strategy
}

func New(db *sql.DB) *Registry {
	return &Registry{db: db, names: []string{"email", "sms"}, make: build}
}

func build(r *Registry, name string) Strategy {
	if name == "sms" {
		return &SMS{r.db}
	}
	return &Email{r.db}
}

func (r *Registry) all() []Strategy {
	var out []Strategy
	for _, name := range r.names {
		if name != "" {
			out = append(out, r.make(r, name))
		}
	}
	return out
}

// Serve runs each registered strategy.
func (r *Registry) Serve(w http.ResponseWriter, req *http.Request) {
	for _, s := range r.all() {
		r.db.ExecContext(req.Context(), "DELETE FROM outbox WHERE kind = $1", s.Kind()) // low: the implementations the program registers, the constructor a field
	}
}

// Decoded is the same registry whose names a decoder fills.
type Decoded struct {
	db    *sql.DB
	names []string
}

func Decode(db *sql.DB, b []byte) *Decoded {
	d := &Decoded{db: db}
	json.Unmarshal(b, d)
	return d
}

func (d *Decoded) all() []Strategy {
	var out []Strategy
	for _, name := range d.names {
		out = append(out, build(&Registry{db: d.db}, name))
	}
	return out
}

// Serve runs a strategy per name the decoded input holds.
func (d *Decoded) Serve(w http.ResponseWriter, req *http.Request) {
	for _, s := range d.all() {
		d.db.ExecContext(req.Context(), "DELETE FROM outbox WHERE kind = $1", s.Kind()) // reported: the names are the decoder's
	}
}

// Loaded is built with its names, then a decoder the format chooses,
// held in a variable, may fill them with anything: a function value
// taking the pointer as an interface (any) may be a decoder.
type Loaded struct {
	db    *sql.DB
	names []string
}

func Load(db *sql.DB, b []byte, format string) *Loaded {
	l := &Loaded{db: db, names: []string{"email"}}
	unmarshal := json.Unmarshal
	if format == "xml" {
		unmarshal = xml.Unmarshal
	}
	unmarshal(b, l)
	return l
}

func (l *Loaded) all() []Strategy {
	var out []Strategy
	for _, name := range l.names {
		out = append(out, build(&Registry{db: l.db}, name))
	}
	return out
}

// Serve runs a strategy per name the decoded input may hold.
func (l *Loaded) Serve(w http.ResponseWriter, req *http.Request) {
	for _, s := range l.all() {
		l.db.ExecContext(req.Context(), "DELETE FROM outbox WHERE kind = $1", s.Kind()) // reported: the names may be the decoder's
	}
}
