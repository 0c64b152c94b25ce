// Package ds is the datastore: an interface, a SQL implementation and a
// read-only one.
package ds

import (
	"context"
	"database/sql"

	"example.com/txcallback/pool"
)

// Tx is what a read-write transaction offers its callback.
type Tx interface {
	InsertA(ctx context.Context, id int64) error
	InsertB(ctx context.Context, id int64) error
}

// TxUserFunc is the body of a read-write transaction.
type TxUserFunc func(ctx context.Context, tx Tx) error

type Datastore interface {
	ReadWriteTx(ctx context.Context, fn TxUserFunc) error
	Count(ctx context.Context) (int, error)
}

// Store is the SQL datastore.
type Store struct {
	db   *sql.DB
	pool *pool.Pool
}

func New(db *sql.DB) *Store { return &Store{db: db, pool: pool.New(db)} }

func (s *Store) ReadWriteTx(ctx context.Context, fn TxUserFunc) error {
	return s.pool.TryBeginFunc(ctx, func(tx *sql.Tx) error {
		if err := fn(ctx, &sqlTx{tx}); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "INSERT INTO commits (at) VALUES (now())")
		return err
	})
}

func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM a_rows").Scan(&n)
	return n, err
}

type sqlTx struct{ tx *sql.Tx }

func (t *sqlTx) InsertA(ctx context.Context, id int64) error {
	_, err := t.tx.ExecContext(ctx, "INSERT INTO a_rows (id) VALUES ($1)", id)
	return err
}

func (t *sqlTx) InsertB(ctx context.Context, id int64) error {
	_, err := t.tx.ExecContext(ctx, "INSERT INTO b_rows (id) VALUES ($1)", id)
	return err
}

// ReadOnly refuses writes: it never runs fn.
type ReadOnly struct{}

func (ReadOnly) ReadWriteTx(context.Context, TxUserFunc) error { return nil }

func (ReadOnly) Count(context.Context) (int, error) { return 0, nil }
