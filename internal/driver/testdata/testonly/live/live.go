// Package live is started by main: its handler runs in production.
package live

import (
	"database/sql"

	"example.com/feed"
)

type Mirror struct{ db *sql.DB }

// OnRow runs when the dependency calls it back: reported.
func (m *Mirror) OnRow(e *feed.Event) {
	for _, r := range e.Rows {
		_, _ = m.db.Exec("UPDATE mirror SET seen = now() WHERE id = $1", r.ID)
	}
}

func start(db *sql.DB) {
	c := feed.New()
	c.SetEventHandler(&Mirror{db: db})
	c.Run()
}

// Run starts the client.
func Run(db *sql.DB) { start(db) }
