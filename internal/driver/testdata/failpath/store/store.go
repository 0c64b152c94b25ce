// Package store keeps items in SQL behind an interface.
package store

import (
	"context"
	"database/sql"
)

type Item struct {
	ID   int64
	Name string
}

type Store interface {
	Get(ctx context.Context, id int64) (*Item, error)
	MarkError(ctx context.Context, id int64, msg string) error
	Create(ctx context.Context, it *Item) error
	CreateAll(ctx context.Context, its []*Item) error
}

type sqlStore struct{ db *sql.DB }

func New(db *sql.DB) Store { return &sqlStore{db: db} }

func (s *sqlStore) Get(ctx context.Context, id int64) (*Item, error) {
	var it Item
	err := s.db.QueryRowContext(ctx, "SELECT id, name FROM items WHERE id = $1", id).Scan(&it.ID, &it.Name)
	return &it, err
}

func (s *sqlStore) MarkError(ctx context.Context, id int64, msg string) error {
	_, err := s.db.ExecContext(ctx, "UPDATE items SET error = $1 WHERE id = $2", msg, id)
	return err
}

func (s *sqlStore) Create(ctx context.Context, it *Item) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO items (id, name) VALUES ($1, $2)", it.ID, it.Name)
	return err
}

func (s *sqlStore) CreateAll(ctx context.Context, its []*Item) error {
	ids := make([]int64, len(its))
	for i, it := range its {
		ids[i] = it.ID
	}
	_, err := s.db.ExecContext(ctx, "INSERT INTO items (id) SELECT unnest($1::bigint[])", ids)
	return err
}
