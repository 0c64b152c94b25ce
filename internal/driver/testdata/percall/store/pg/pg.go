// Package pg implements store.Users on PostgreSQL.
package pg

import (
	"context"
	"database/sql"

	_ "github.com/lib/pq"
)

type Users struct{ db *sql.DB }

func New(db *sql.DB) *Users { return &Users{db} }

func (u *Users) Touch(ctx context.Context, id int64) error {
	_, err := u.db.ExecContext(ctx, "UPDATE users SET seen = now() WHERE id = $1", id)
	return err
}
