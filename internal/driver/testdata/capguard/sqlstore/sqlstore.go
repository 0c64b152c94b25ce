// Package sqlstore keeps one connection for the process.
package sqlstore

import "database/sql"

type SqlDb struct{ db *sql.DB }

func New(db *sql.DB) *SqlDb { return &SqlDb{db} }

func (d *SqlDb) PermanentConnection() bool { return true }

// Connect runs once, at start-up, where the database may be missing.
func (d *SqlDb) Connect(token string) {
	if err := d.db.Ping(); err != nil {
		d.db.Exec("CREATE DATABASE app")
	}
}

func (d *SqlDb) Close(token string) { d.db.Close() }

func (d *SqlDb) UserName(id string) string {
	var name string
	d.db.QueryRow("SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name
}
