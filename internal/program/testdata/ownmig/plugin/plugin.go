// Package plugin keeps a registry of request handlers that plugin
// packages fill from their init functions; the handlers run no DDL.
package plugin

import (
	"database/sql"
	"net/http"
)

// Handler handles a request for a plugin.
type Handler func(db *sql.DB, w http.ResponseWriter, r *http.Request)

var handlers []Handler

// Add registers a plugin's handler.
func Add(h Handler) { handlers = append(handlers, h) }

// Serve runs every plugin's handler.
func Serve(db *sql.DB, w http.ResponseWriter, r *http.Request) {
	for _, h := range handlers {
		h(db, w, r)
	}
}

func init() {
	Add(func(db *sql.DB, w http.ResponseWriter, r *http.Request) {
		for _, name := range r.URL.Query()["name"] {
			db.QueryRow("SELECT id FROM users WHERE name = $1", name) // route
		}
	})
}
