// Package elements loops over interface values calling each one's
// method: each implementation's code, once.
package elements

import (
	"context"
	"database/sql"
)

// A loop over interface values calling each one's method runs each
// implementation's code once: a list of notifiers, providers or
// middlewares is as long as the code registers, like a list of
// functions. A list of them made one per row is data, and so is a query
// in the loop that does not go through the element.

type Notifier interface {
	Notify(ctx context.Context, user int64) error
	Name() string
}

type mailer struct{ db *sql.DB }

func (m mailer) Notify(ctx context.Context, user int64) error {
	_, err := m.db.ExecContext(ctx, "INSERT INTO outbox (user_id) VALUES ($1)", user)
	return err
}

func (m mailer) Name() string { return "mail" }

type Notifiers struct{ list []Notifier }

// NotifyAll tells every registered notifier.
func (n *Notifiers) NotifyAll(ctx context.Context, user int64) {
	for _, nt := range n.list {
		nt.Notify(ctx, user) // silent: each notifier's own code, once
	}
}

// Logged records each notifier's name: a query per element, not through
// it, but over the list only start-up fills (counted, not shown).
func (n *Notifiers) Logged(ctx context.Context, db *sql.DB) {
	for _, nt := range n.list {
		db.ExecContext(ctx, "INSERT INTO notified (name) VALUES ($1)", nt.Name()) // silent: as many as start-up registers
	}
}

// New registers the notifiers the program has, and those it is given.
func New(db *sql.DB, more ...Notifier) *Notifiers {
	return &Notifiers{list: append([]Notifier{mailer{db}}, more...)}
}

// PerUser makes one notifier per user, in a loop: data.
func PerUser(ctx context.Context, db *sql.DB, users []int64) {
	var list []Notifier
	for range users {
		list = append(list, mailer{db})
	}
	for i, nt := range list {
		nt.Notify(ctx, users[i]) // reported: a notifier made per user
	}
}

// Pinger is what a notifier may also be.
type Pinger interface {
	Ping(ctx context.Context, user int64) error
}

func (m mailer) Ping(ctx context.Context, user int64) error {
	_, err := m.db.ExecContext(ctx, "UPDATE outbox SET pinged = true WHERE user_id = $1", user)
	return err
}

// PingAll pings every registered notifier that can be, through a type
// switch on the element: each one's own code, once.
func (n *Notifiers) PingAll(ctx context.Context, user int64) {
	for _, nt := range n.list {
		switch nt := nt.(type) {
		case Pinger:
			nt.Ping(ctx, user) // silent: the element's own implementation
		}
	}
}
