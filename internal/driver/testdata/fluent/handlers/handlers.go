// Package handlers makes the service's handlers.
package handlers

import (
	"database/sql"
	"net/http"

	"example.com/fluent/sessions"
)

func GetItems(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if sessions.AccountID(r) == 0 {
			return
		}
		db.QueryContext(r.Context(), "SELECT id, name FROM items")
	}
}

func PostItem(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		db.ExecContext(r.Context(), "INSERT INTO items (name) VALUES ($1)", r.FormValue("name"))
	}
}

func DeleteItem(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		db.ExecContext(r.Context(), "DELETE FROM items WHERE id = $1", r.FormValue("id"))
	}
}

func GetHealth() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_ = sessions.Anyone(r)
		w.WriteHeader(http.StatusOK)
	}
}

func GetProvider(db *sql.DB, name string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		db.QueryRowContext(r.Context(), "SELECT config FROM providers WHERE name = $1", name)
	}
}

func GetNever(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		db.QueryContext(r.Context(), "SELECT id FROM never")
	}
}
