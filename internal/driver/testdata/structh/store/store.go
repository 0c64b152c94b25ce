package store

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

func New(db *sql.DB) *Store { return &Store{db: db} }

func (s *Store) SaveUser(ctx context.Context, email string) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO users (email) VALUES ($1)", email)
	return err
}

func (s *Store) Org(ctx context.Context, name string) error {
	return s.db.QueryRowContext(ctx, "SELECT id FROM orgs WHERE name = $1", name).Err()
}

func (s *Store) Tokens(ctx context.Context) error {
	_, err := s.db.QueryContext(ctx, "SELECT id FROM tokens")
	return err
}

func (s *Store) Revoke(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, "DELETE FROM tokens")
	return err
}

func (s *Store) Purge(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, "DELETE FROM sessions")
	return err
}
