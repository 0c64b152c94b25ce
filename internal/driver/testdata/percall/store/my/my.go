// Package my implements store.Users on MySQL.
package my

import (
	"context"
	"database/sql"

	_ "github.com/go-sql-driver/mysql"
)

type Users struct{ db *sql.DB }

func New(db *sql.DB) *Users { return &Users{db} }

func (u *Users) Touch(ctx context.Context, id int64) error {
	_, err := u.db.ExecContext(ctx, "UPDATE users SET seen = NOW() WHERE id = ?", id)
	return err
}
