// Package store runs the service's SQL.
package store

import (
	"context"
	"database/sql"
)

type DB struct{ db *sql.DB }

func New(db *sql.DB) *DB { return &DB{db: db} }

func (s *DB) Session(ctx context.Context, token string) error {
	_, err := s.db.ExecContext(ctx, "SELECT user_id FROM sessions WHERE token = $1", token)
	return err
}

func (s *DB) Roles(ctx context.Context, token string) error {
	_, err := s.db.ExecContext(ctx, "SELECT role FROM roles WHERE token = $1", token)
	return err
}

func (s *DB) IsOwner(ctx context.Context, token string) error {
	_, err := s.db.ExecContext(ctx, "SELECT 1 FROM owners WHERE token = $1", token)
	return err
}

func (s *DB) RemoveMember(ctx context.Context, id string) error {
	_, err := s.db.ExecContext(ctx, "DELETE FROM members WHERE id = $1", id)
	return err
}

func (s *DB) DeleteInvite(ctx context.Context, id string) error {
	_, err := s.db.ExecContext(ctx, "DELETE FROM invites WHERE id = $1", id)
	return err
}

func (s *DB) EnsureIDs(ctx context.Context, group string) (int, error) {
	_, err := s.db.ExecContext(ctx, "UPDATE items SET asset_id = id WHERE group_id = $1", group)
	return 1, err
}

func (s *DB) ZeroTimes(ctx context.Context, group string) (int, error) {
	_, err := s.db.ExecContext(ctx, "UPDATE items SET bought_at = NULL WHERE group_id = $1", group)
	return 1, err
}

func (s *DB) Audit(ctx context.Context, path string) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO audit (path) VALUES ($1)", path)
	return err
}
