// Package flavor runs each write in a transaction through a helper that
// hands the caller's function on to the transaction runner of the SQL
// flavor in use, a func-typed field of a table of flavors, as dex's
// storage does: the function a caller hands over is its own, whichever
// flavor runs it.
package flavor

import (
	"context"
	"database/sql"
)

type flavor struct {
	executeTx func(db *sql.DB, fn func(tx *sql.Tx) error) error
}

var (
	postgres = flavor{
		executeTx: func(db *sql.DB, fn func(tx *sql.Tx) error) error {
			tx, err := db.Begin()
			if err != nil {
				return err
			}
			if _, err := tx.Exec(`SET TRANSACTION ISOLATION LEVEL SERIALIZABLE`); err != nil { // serializable
				return err
			}
			if err := fn(tx); err != nil {
				tx.Rollback()
				return err
			}
			return tx.Commit()
		},
	}
	lite = flavor{
		executeTx: func(db *sql.DB, fn func(tx *sql.Tx) error) error {
			tx, err := db.Begin()
			if err != nil {
				return err
			}
			for range 3 {
				if err := fn(tx); err == nil {
					break
				}
			}
			return tx.Commit()
		},
	}
)

type Conn struct {
	db     *sql.DB
	flavor flavor
}

func Open(db *sql.DB, pg bool) *Conn {
	if pg {
		return &Conn{db, postgres}
	}
	return &Conn{db, lite}
}

// ExecTx runs fn in a transaction: the flavor's, or a plain one.
func (c *Conn) ExecTx(fn func(tx *sql.Tx) error) error {
	if c.flavor.executeTx != nil {
		return c.flavor.executeTx(c.db, func(tx *sql.Tx) error {
			return fn(tx)
		})
	}
	tx, err := c.db.Begin()
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Rename and Drop each run their own statement in a transaction.
func (c *Conn) Rename(ctx context.Context, id int64, name string) error {
	return c.ExecTx(func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE items SET name = $1 WHERE id = $2`, name, id) // rename
		return err
	})
}

func (c *Conn) Drop(ctx context.Context, id int64) error {
	return c.ExecTx(func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM items WHERE id = $1`, id) // drop
		return err
	})
}
