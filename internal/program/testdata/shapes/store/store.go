// Package store holds the shapes of code through which a call reaches a
// query: interfaces with several implementations, methods promoted from
// an embedded field, generic types, recursion.
package store

import (
	"context"
	"database/sql"
)

// Getter is implemented once per backend.
type Getter interface {
	Get(ctx context.Context, id int64) error
}

type pg struct{ db *sql.DB }

func (p *pg) Get(ctx context.Context, id int64) error {
	_, err := p.db.ExecContext(ctx, `SELECT 1 FROM items WHERE id = $1`, id) // pg.Get
	return err
}

// base is embedded: cached's Get is base's, promoted.
type base struct{ db *sql.DB }

func (b *base) Get(ctx context.Context, id int64) error {
	_, err := b.db.ExecContext(ctx, `SELECT 2 FROM items WHERE id = $1`, id) // base.Get
	return err
}

type cached struct{ *base }

// unused implements Getter, but no value of it is ever made: the call
// graph (VTA) does not send calls there, where CHA alone would.
type unused struct{ db *sql.DB }

func (u unused) Get(ctx context.Context, id int64) error {
	_, err := u.db.ExecContext(ctx, `SELECT 3 FROM items WHERE id = $1`, id) // unused.Get
	return err
}

func NewPG(db *sql.DB) Getter     { return &pg{db} }
func NewCached(db *sql.DB) Getter { return cached{&base{db}} }

// Table is generic; its methods exist per instantiation.
type Table[T any] struct {
	db   *sql.DB
	rows []T
}

func (t *Table[T]) Count(ctx context.Context) error {
	_, err := t.db.ExecContext(ctx, `SELECT count(*) FROM items`) // Table.Count
	return err
}

// Counter is what a Table is used as.
type Counter interface {
	Count(ctx context.Context) error
}

func NewCounter(db *sql.DB) Counter { return &Table[int64]{db: db} }

// Node is a tree walked recursively.
type Node struct {
	ID       int64
	Children []*Node
}

// Mark marks a tree: one UPDATE per node, at any depth. Recursion is one
// loop, not a loop per level.
func Mark(ctx context.Context, db *sql.DB, n *Node) error {
	if _, err := db.ExecContext(ctx, `UPDATE items SET seen = true WHERE id = $1`, n.ID); err != nil { // Mark
		return err
	}
	for _, c := range n.Children {
		if err := Mark(ctx, db, c); err != nil {
			return err
		}
	}
	return nil
}

// Even and odd call each other: one component, one loop.
func Even(ctx context.Context, db *sql.DB, n int) error {
	if n == 0 {
		return nil
	}
	return Odd(ctx, db, n-1)
}

func Odd(ctx context.Context, db *sql.DB, n int) error {
	if _, err := db.ExecContext(ctx, `SELECT 4 FROM items WHERE id = $1`, n); err != nil { // Odd
		return err
	}
	return Even(ctx, db, n-1)
}

// DeleteAll deletes a batch in one statement.
func DeleteAll(ctx context.Context, db *sql.DB, ids []int64) error {
	_, err := db.ExecContext(ctx, `DELETE FROM items WHERE id = ANY($1)`, ids) // DeleteAll
	return err
}
