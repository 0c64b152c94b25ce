// Package store is the generated storage layer.
package store

import (
	"context"
	"database/sql"
)

type Tag struct{ Name string }
type Log struct{ Line string }
type Note struct{ Text string }

// Notes is the interface the forwarding function takes.
type Notes interface {
	CreateNotes(ctx context.Context, rr ...*Note) error
}

// CreateNotes forwards to the store: nothing calls it.
func CreateNotes(ctx context.Context, s Notes, rr ...*Note) error {
	return s.CreateNotes(ctx, rr...)
}

// Store is the SQL store.
type Store struct{ DB *sql.DB }

// Valid looks the token up.
func (s *Store) Valid(ctx context.Context, token string) bool {
	var n int
	s.DB.QueryRowContext(ctx, "SELECT count(*) FROM tokens WHERE token = $1", token).Scan(&n)
	return n > 0
}

// Users lists the users.
func (s *Store) Users(ctx context.Context) error {
	_, err := s.DB.QueryContext(ctx, "SELECT id, name FROM users")
	return err
}

// CreateTags inserts tags, a statement each.
func (s *Store) CreateTags(ctx context.Context, rr ...*Tag) error {
	for i := range rr {
		if _, err := s.DB.ExecContext(ctx, "INSERT INTO tags (name) VALUES ($1)", rr[i].Name); err != nil {
			return err
		}
	}
	return nil
}

// CreateLogs inserts log lines: no code of the program calls it.
func (s *Store) CreateLogs(ctx context.Context, rr ...*Log) error {
	for i := range rr {
		if _, err := s.DB.ExecContext(ctx, "INSERT INTO logs (line) VALUES ($1)", rr[i].Line); err != nil {
			return err
		}
	}
	return nil
}

// CreateNotes inserts notes: only the forwarding function calls it.
func (s *Store) CreateNotes(ctx context.Context, rr ...*Note) error {
	for i := range rr {
		if _, err := s.DB.ExecContext(ctx, "INSERT INTO notes (text) VALUES ($1)", rr[i].Text); err != nil {
			return err
		}
	}
	return nil
}
