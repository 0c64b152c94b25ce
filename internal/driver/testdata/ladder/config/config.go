// Package config connects the database and upgrades it: at start-up,
// and again when the set-up page saves a new configuration.
package config

import (
	"database/sql"

	"example.com/ladder/store"
)

// DB is the connected database.
var DB store.Provider

// Connect opens the database and upgrades it.
func Connect(db *sql.DB, version int) {
	DB = store.New(db)
	DB.Upgrade(version)
}
