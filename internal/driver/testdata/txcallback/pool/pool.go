// Package pool runs transactions with retries.
package pool

import (
	"context"
	"database/sql"
)

type Pool struct{ db *sql.DB }

func New(db *sql.DB) *Pool { return &Pool{db: db} }

// TryBeginFunc runs txFunc in a transaction, retrying on conflicts.
func (p *Pool) TryBeginFunc(ctx context.Context, txFunc func(*sql.Tx) error) error {
	return p.withRetries(ctx, func(conn *sql.Conn) error {
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		return beginFuncExec(tx, txFunc)
	})
}

func (p *Pool) withRetries(ctx context.Context, fn func(*sql.Conn) error) error {
	conn, err := p.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if err = fn(conn); err != nil && retryable(err) {
		err = fn(conn)
	}
	return err
}

func beginFuncExec(tx *sql.Tx, txFunc func(*sql.Tx) error) error {
	if err := txFunc(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func retryable(err error) bool { return err == context.DeadlineExceeded }
