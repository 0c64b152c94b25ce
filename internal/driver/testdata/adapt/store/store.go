// Package store runs the SQL.
package store

import (
	"context"
	"database/sql"
)

type DB struct{ db *sql.DB }

func New(db *sql.DB) *DB { return &DB{db: db} }

func (s *DB) Account(ctx context.Context, id string) error {
	_, err := s.db.ExecContext(ctx, "UPDATE accounts SET seen = now() WHERE id = $1", id)
	return err
}

func (s *DB) Tags(ctx context.Context) error {
	_, err := s.db.QueryContext(ctx, "SELECT id, name FROM tags")
	return err
}

func (s *DB) Bookmarks(ctx context.Context) error {
	_, err := s.db.QueryContext(ctx, "SELECT id, url FROM bookmarks")
	return err
}

func (s *DB) Session(ctx context.Context, token string) error {
	_, err := s.db.ExecContext(ctx, "SELECT account FROM sessions WHERE token = $1", token)
	return err
}
