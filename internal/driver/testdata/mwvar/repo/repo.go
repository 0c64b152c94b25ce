package repo

import (
	"context"
	"database/sql"
)

type Repo struct{ db *sql.DB }

func New(db *sql.DB) *Repo { return &Repo{db: db} }

func (r *Repo) Session(ctx context.Context, id string) error {
	return r.db.QueryRowContext(ctx, "SELECT user_id FROM sessions WHERE id = $1", id).Err()
}

func (r *Repo) User(ctx context.Context, id string) error {
	return r.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Err()
}

func (r *Repo) DeleteUser(ctx context.Context, id string) error {
	_, err := r.db.ExecContext(ctx, "DELETE FROM users WHERE id = $1", id)
	return err
}

func (r *Repo) Report(ctx context.Context, name string) error {
	return r.db.QueryRowContext(ctx, "SELECT body FROM reports WHERE name = $1", name).Err()
}
