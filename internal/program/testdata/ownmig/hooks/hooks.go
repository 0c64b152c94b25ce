// Package hooks keeps a registry a request fills, then runs: however
// much DDL its items run, it is no migration table.
package hooks

import (
	"database/sql"
	"net/http"
)

// Hooks are the functions run when a request finishes.
type Hooks struct {
	list []func(tx *sql.Tx) error
}

// On adds a hook.
func (h *Hooks) On(f func(tx *sql.Tx) error) { h.list = append(h.list, f) }

// Run runs the hooks.
func (h *Hooks) Run(tx *sql.Tx) {
	for _, f := range h.list {
		f(tx)
	}
}

// Import creates a scratch table per request and fills it.
func Import(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h := &Hooks{}
		h.On(func(tx *sql.Tx) error {
			_, err := tx.Exec("CREATE TEMP TABLE scratch (name TEXT)")
			return err
		})
		h.On(func(tx *sql.Tx) error {
			for _, name := range r.URL.Query()["name"] {
				tx.Exec("INSERT INTO scratch (name) VALUES ($1)", name) // route
			}
			return nil
		})
		tx, _ := db.Begin()
		h.Run(tx)
		tx.Commit()
	}
}
