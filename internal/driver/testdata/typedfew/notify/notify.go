// Package notify sends an event to every notifier: the global ones
// start-up configures, one per enabled name, and a user's own, built
// per row of a table.
package notify

import (
	"database/sql"
	"fmt"

	"example.com/typedfew/config"
)

type Notifier interface {
	Notify(id string) error
}

// Email sends mail: no SQL.
type Email struct{ To string }

func (e Email) Notify(id string) error { return nil }

// Webhook posts to a URL: no SQL.
type Webhook struct{ URL string }

func (h *Webhook) Notify(id string) error { return nil }

// Store records the event in the database.
type Store struct{ db *sql.DB }

func NewStore(db *sql.DB) *Store { return &Store{db: db} }

func (s *Store) Notify(id string) error {
	_, err := s.db.Exec("INSERT INTO notifications (event_id) VALUES ($1)", id)
	return err
}

// Logging is a store that logs too: Notify is its store's.
type Logging struct {
	*Store
	Prefix string
}

// Audit records the event in the audit log.
type Audit struct{ db *sql.DB }

func (a *Audit) Notify(id string) error {
	_, err := a.db.Exec("INSERT INTO audit (event_id) VALUES ($1)", id)
	return err
}

var global []Notifier

// Setup makes the global notifiers: an email one, and one per name the
// configuration enables (a Store for "db").
func Setup(db *sql.DB, conf config.Config) error {
	var ns []Notifier
	ns = append(ns, Email{To: "ops"})
	for _, name := range conf.Notify.Enabled {
		var n Notifier
		switch name {
		case "email":
			n = Email{To: "admin"}
		case "db":
			n = NewStore(db)
		default:
			return fmt.Errorf("unknown notifier %s", name)
		}
		ns = append(ns, n)
	}
	global = ns
	return nil
}

var audited []Notifier

// SetupAudit adds one store at start-up.
func SetupAudit(db *sql.DB) {
	audited = append(audited, NewStore(db))
}

var fromRows []Notifier

// SetupRows adds a store per row of a table, at start-up.
func SetupRows(db *sql.DB) {
	rows, _ := db.Query("SELECT id FROM stores")
	for rows.Next() {
		fromRows = append(fromRows, NewStore(db))
	}
}

var registered []Notifier

// Register adds a notifier.
func Register(n Notifier) {
	registered = append(registered, n)
}

// SetupRegistered registers a store per row of a table, at start-up.
func SetupRegistered(db *sql.DB) {
	rows, _ := db.Query("SELECT id FROM stores")
	for rows.Next() {
		Register(NewStore(db))
	}
}

type Service struct {
	DB *sql.DB
}

// forUser are the global notifiers and the user's own, built per row:
// webhooks and emails, never a store.
func (s *Service) forUser(id string) []Notifier {
	var own []Notifier
	rows, _ := s.DB.Query("SELECT kind, target FROM user_notifiers WHERE user_id = $1", id)
	for rows.Next() {
		var kind, target string
		rows.Scan(&kind, &target)
		var n Notifier
		switch kind {
		case "webhook":
			n = &Webhook{URL: target}
		default:
			n = Email{To: target}
		}
		own = append(own, n)
	}
	var all []Notifier
	for _, n := range global {
		all = append(all, n)
	}
	return append(all, own...)
}

// Spawn notifies each in a goroutine: the store's query runs once per
// configured "db", not once per item.
func (s *Service) Spawn(id string) {
	for _, n := range s.forUser(id) {
		go func(n Notifier) {
			if err := n.Notify(id); err != nil {
				fmt.Println(err)
			}
		}(n) // silent: the one store start-up configures
	}
}

// Logged adds the store start-up appends once to emails read per row.
func (s *Service) Logged(id string) {
	var ns []Notifier
	ns = append(ns, audited...)
	rows, _ := s.DB.Query("SELECT target FROM user_notifiers WHERE user_id = $1", id)
	for rows.Next() {
		var target string
		rows.Scan(&target)
		ns = append(ns, Email{To: target})
	}
	for _, n := range ns {
		n.Notify(id) // silent: one store
	}
}

// SpawnRowed notifies, in goroutines, a store per row.
func (s *Service) SpawnRowed(id string) {
	var ns []Notifier
	ns = append(ns, global...)
	rows, _ := s.DB.Query("SELECT target FROM user_notifiers WHERE user_id = $1", id)
	for rows.Next() {
		ns = append(ns, NewStore(s.DB))
	}
	for _, n := range ns {
		go func() {
			n.Notify(id)
		}() // reported: a store per row
	}
}

// Rowed builds a store per row of a table.
func (s *Service) Rowed(id string) {
	var ns []Notifier
	rows, _ := s.DB.Query("SELECT target FROM user_notifiers WHERE user_id = $1", id)
	for rows.Next() {
		var target string
		rows.Scan(&target)
		ns = append(ns, Email{To: target}, NewStore(s.DB))
	}
	for _, n := range ns {
		n.Notify(id) // reported: a store per row
	}
}

// Audited ranges over the start-up store and audits appended per row:
// the query is reached through both.
func (s *Service) Audited(id string) {
	ns := append([]Notifier(nil), audited...)
	rows, _ := s.DB.Query("SELECT id FROM auditors")
	for rows.Next() {
		ns = append(ns, &Audit{db: s.DB})
	}
	for _, n := range ns {
		n.Notify(id) // reported: an audit per row
	}
}

// Each adds a store per item of the request.
func (s *Service) Each(ids []string, id string) {
	var ns []Notifier
	ns = append(ns, global...)
	for range ids {
		ns = append(ns, NewStore(s.DB))
	}
	for _, n := range ns {
		n.Notify(id) // reported: a store per request item
	}
}

// Stored adds the stores start-up made per row to emails.
func (s *Service) Stored(id string) {
	var ns []Notifier
	ns = append(ns, fromRows...)
	for _, to := range []string{"a", "b"} {
		ns = append(ns, Email{To: to})
	}
	for _, n := range ns {
		n.Notify(id) // reported: a store per row, though start-up made them
	}
}

// Registered adds the stores start-up registers per row to emails.
func (s *Service) Registered(id string) {
	var ns []Notifier
	ns = append(ns, registered...)
	for _, to := range []string{"a", "b"} {
		ns = append(ns, Email{To: to})
	}
	for _, n := range ns {
		n.Notify(id) // reported: a store per row, each registered once
	}
}

// Wrapped adds a logging store per row.
func (s *Service) Wrapped(id string) {
	var ns []Notifier
	ns = append(ns, global...)
	rows, _ := s.DB.Query("SELECT prefix FROM loggers")
	for rows.Next() {
		var prefix string
		rows.Scan(&prefix)
		ns = append(ns, Logging{Store: NewStore(s.DB), Prefix: prefix})
	}
	for _, n := range ns {
		n.Notify(id) // reported: a store, embedded, per row
	}
}
