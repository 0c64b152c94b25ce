// Package boltstore opens a session per request.
package boltstore

import "database/sql"

type BoltDb struct{ db *sql.DB }

func New(db *sql.DB) *BoltDb { return &BoltDb{db} }

func (d *BoltDb) PermanentConnection() bool { return false }

func (d *BoltDb) Connect(token string) {
	d.db.Exec("INSERT INTO sessions (token) VALUES ($1)", token)
}

func (d *BoltDb) Close(token string) {
	d.db.Exec("DELETE FROM sessions WHERE token = $1", token)
}

func (d *BoltDb) UserName(id string) string { return id }
