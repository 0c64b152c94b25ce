package pg

import (
	"context"
	"database/sql"

	"example.com/precision/store"
)

type Store struct{ db *sql.DB }

func New(db *sql.DB) *Store { return &Store{db} }

func (s *Store) User(ctx context.Context, id int64) (store.User, error) {
	var u store.User
	err := s.db.QueryRowContext(ctx, "SELECT id, name FROM users WHERE id = $1", id).Scan(&u.ID, &u.Name)
	return u, err
}

func (s *Store) AddUser(ctx context.Context, name string) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO users (name) VALUES ($1)", name)
	return err
}
