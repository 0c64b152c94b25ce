package store

import (
	"context"
	"database/sql"
)

// Store is what the controllers read and write through.
type Store interface {
	User(ctx context.Context, name string) (int, error)
	AddUser(ctx context.Context, name string) error
	Items(ctx context.Context) ([]int, error)
	Session(ctx context.Context, token string) (int, error)
}

type PG struct{ DB *sql.DB }

func (p *PG) User(ctx context.Context, name string) (int, error) {
	var id int
	err := p.DB.QueryRowContext(ctx, "SELECT id FROM users WHERE name = $1", name).Scan(&id)
	return id, err
}

func (p *PG) AddUser(ctx context.Context, name string) error {
	_, err := p.DB.ExecContext(ctx, "INSERT INTO users (name) VALUES ($1)", name)
	return err
}

func (p *PG) Items(ctx context.Context) ([]int, error) {
	rows, err := p.DB.QueryContext(ctx, "SELECT id FROM items")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return nil, rows.Err()
}

func (p *PG) Session(ctx context.Context, token string) (int, error) {
	var id int
	err := p.DB.QueryRowContext(ctx, "SELECT user_id FROM sessions WHERE token = $1", token).Scan(&id)
	return id, err
}
