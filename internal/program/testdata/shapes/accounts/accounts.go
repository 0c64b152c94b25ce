// Package accounts writes through a writer.Writer, either of its two.
package accounts

import (
	"context"
	"database/sql"
	"errors"

	"example.com/shapes/writer"
)

type Accounts struct {
	db *sql.DB
	w  writer.Writer
}

func Open(db *sql.DB, exclusive bool) *Accounts {
	w := writer.NewDirect()
	if exclusive {
		w = writer.NewExclusive()
	}
	return &Accounts{db: db, w: w}
}

// Create and Ban each run their own statement, whichever writer runs it.
func (a *Accounts) Create(ctx context.Context, name string) error {
	return a.w.Do(a.db, nil, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO accounts (name) VALUES ($1)", name)
		return err
	})
}

func (a *Accounts) Ban(ctx context.Context, id int64) error {
	return a.w.Do(a.db, nil, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE accounts SET banned = true WHERE id = $1", id)
		return err
	})
}

// BanAll bans one account per statement: an N+1 of Ban's update only.
func (a *Accounts) BanAll(ctx context.Context, ids []int64) error {
	var errs []error
	for _, id := range ids {
		errs = append(errs, a.Ban(ctx, id))
	}
	return errors.Join(errs...)
}

// WithTx hands its function on to the writer.
func (a *Accounts) WithTx(fn func(tx *sql.Tx) error) error {
	return a.w.Do(a.db, nil, fn)
}

// Audit inserts a row per account, in one transaction.
func (a *Accounts) Audit(ctx context.Context, ids []int64) error {
	return a.WithTx(func(tx *sql.Tx) error {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, "INSERT INTO audit (account) VALUES ($1)", id); err != nil {
				return err
			}
		}
		return nil
	})
}

// OnBan registers a hook; Fire runs the hooks.
func OnBan(h *writer.Hooks, ctx context.Context) {
	h.Register(func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE banned")
		return err
	})
}
