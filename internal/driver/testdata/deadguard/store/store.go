// Package store is the database: every method runs one query.
package store

import (
	"context"
	"database/sql"
)

type Store struct{ DB *sql.DB }

func (s *Store) User(ctx context.Context, id int64) error {
	_, err := s.DB.ExecContext(ctx, "UPDATE users SET seen = true WHERE id = $1", id)
	return err
}

func (s *Store) Template(ctx context.Context, name string) error {
	_, err := s.DB.ExecContext(ctx, "UPDATE templates SET used = true WHERE name = $1", name)
	return err
}

func (s *Store) Add(ctx context.Context, id int64) error {
	_, err := s.DB.ExecContext(ctx, "INSERT INTO resources (id) VALUES ($1)", id)
	return err
}
