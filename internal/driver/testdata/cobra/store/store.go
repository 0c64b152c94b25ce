// Package store holds what the commands run.
package store

import (
	"context"
	"database/sql"
)

// Advance runs a statement per step, by design.
func Advance(ctx context.Context, db *sql.DB, n int) error {
	for i := 0; i < n; i++ {
		if _, err := db.ExecContext(ctx, "SELECT pg_current_xact_id()"); err != nil {
			return err
		}
	}
	return nil
}

// Purge deletes the sessions of each user named.
func Purge(ctx context.Context, db *sql.DB, users []string) error {
	for _, u := range users {
		if _, err := db.ExecContext(ctx, "DELETE FROM sessions WHERE user_name = $1", u); err != nil {
			return err
		}
	}
	return nil
}

// Idle lists the users with no session in a month.
func Idle(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users WHERE last_seen < now() - interval '30 days'")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// Kick ends the sessions of each user named.
func Kick(ctx context.Context, db *sql.DB, users []string) error {
	for _, u := range users {
		if _, err := db.ExecContext(ctx, "UPDATE sessions SET ended = now() WHERE user_name = $1", u); err != nil {
			return err
		}
	}
	return nil
}
