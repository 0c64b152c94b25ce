package store

import (
	"context"
	"database/sql"
)

type Store struct{ DB *sql.DB }

func (s *Store) User(ctx context.Context, id string) error {
	return s.DB.QueryRowContext(ctx, "SELECT id FROM users WHERE id = $1", id).Err()
}

func (s *Store) Peers(ctx context.Context) error {
	_, err := s.DB.QueryContext(ctx, "SELECT id FROM peers")
	return err
}

func (s *Store) Peer(ctx context.Context, id string) error {
	return s.DB.QueryRowContext(ctx, "SELECT id FROM peers WHERE id = $1", id).Err()
}
