// Package writer runs every write through an interface's method that
// takes the write as a function, as dendrite's sqlutil.Writer does: one
// implementation hands it to its goroutine over a channel, the other runs
// it in place, in a transaction of its own or in the caller's.
package writer

import (
	"database/sql"
	"sync/atomic"
)

type Writer interface {
	Do(db *sql.DB, tx *sql.Tx, fn func(tx *sql.Tx) error) error
}

// task is a write on its way to the goroutine.
type task struct {
	db   *sql.DB
	tx   *sql.Tx
	fn   func(tx *sql.Tx) error
	wait chan error
}

// Exclusive runs one write at a time, on its goroutine.
type Exclusive struct {
	running atomic.Bool
	todo    chan task
}

func NewExclusive() Writer { return &Exclusive{todo: make(chan task)} }

func (w *Exclusive) Do(db *sql.DB, tx *sql.Tx, fn func(tx *sql.Tx) error) error {
	if !w.running.Load() {
		go w.run()
	}
	t := task{db: db, tx: tx, fn: fn, wait: make(chan error, 1)}
	w.todo <- t
	return <-t.wait
}

func (w *Exclusive) run() {
	if !w.running.CompareAndSwap(false, true) {
		return
	}
	for t := range w.todo {
		if t.tx != nil {
			t.wait <- t.fn(t.tx)
		} else {
			t.wait <- InTx(t.db, func(tx *sql.Tx) error { return t.fn(tx) })
		}
	}
}

// Direct runs the write where it is asked for.
type Direct struct{}

func NewDirect() Writer { return Direct{} }

func (Direct) Do(db *sql.DB, tx *sql.Tx, fn func(tx *sql.Tx) error) error {
	if tx == nil {
		return InTx(db, func(tx *sql.Tx) error { return fn(tx) })
	}
	return fn(tx)
}

// InTx runs fn in a transaction.
func InTx(db *sql.DB, fn func(tx *sql.Tx) error) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
