// Package tokens keeps the drivers' credentials and settings in the
// database.
package tokens

import (
	"context"
	"database/sql"
)

type Store struct{ DB *sql.DB }

// Save stores a driver's new token in its row.
func (s *Store) Save(ctx context.Context, id int64, token string) error {
	_, err := s.DB.ExecContext(ctx, "UPDATE storages SET token = $1 WHERE id = $2", token, id)
	return err
}

// Setting reads one setting.
func (s *Store) Setting(ctx context.Context, key string) string {
	var v string
	_ = s.DB.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = $1", key).Scan(&v)
	return v
}

// Log records a request.
func (s *Store) Log(ctx context.Context, url string) error {
	_, err := s.DB.ExecContext(ctx, "INSERT INTO requests (url) VALUES ($1)", url)
	return err
}

// Mark marks a node of a tree seen.
func (s *Store) Mark(ctx context.Context, name string) error {
	_, err := s.DB.ExecContext(ctx, "UPDATE nodes SET seen = true WHERE name = $1", name)
	return err
}
