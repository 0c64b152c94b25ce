// Package store keeps users and hotlinks, behind an interface with one
// implementation per database, as many self-hosted services do.
package store

import "database/sql"

// Provider is what the rest of the service calls.
type Provider interface {
	Upgrade(current int)
	Users() []int
	SaveUser(id int)
}

// SQL is the SQL implementation.
type SQL struct{ db *sql.DB }

// New opens the database.
func New(db *sql.DB) Provider { return SQL{db: db} }

// Upgrade brings a database left by an older release up to date, a step
// per release: each step runs once per deployment, when the database is
// older than it, whoever calls Upgrade (start-up or the set-up page).
func (p SQL) Upgrade(current int) {
	if current < 10 {
		p.db.Exec(`CREATE TABLE hotlinks (id text PRIMARY KEY, file text)`)
		for _, id := range p.Users() {
			p.SaveUser(id) // migration: silent
		}
	}
	if current < 13 {
		rows, _ := p.db.Query(`SELECT * FROM hotlinks`) // migration: low, names Upgrade
		defer rows.Close()
		var ids []string
		for rows.Next() {
			var id, file string
			rows.Scan(&id, &file)
			ids = append(ids, id)
		}
		for _, id := range ids {
			p.db.Exec(`DELETE FROM hotlinks WHERE id = $1`, id) // migration: silent
		}
	}
}

// Users lists the users' ids.
func (p SQL) Users() []int {
	rows, _ := p.db.Query(`SELECT id FROM users`)
	defer rows.Close()
	var out []int
	for rows.Next() {
		var id int
		rows.Scan(&id)
		out = append(out, id)
	}
	return out
}

// SaveUser writes a user.
func (p SQL) SaveUser(id int) {
	p.db.Exec(`UPDATE users SET seen = now() WHERE id = $1`, id)
}
