// Package txalias holds a transaction helper kept in a local variable
// beside a closure that runs in the caller's transaction, as
// chirpstack-network-server's downlink does: the helper's other callers
// still run only their own bodies.
package txalias

import "database/sql"

var db *sql.DB

// Transaction runs f in a transaction.
func Transaction(f func(tx *sql.Tx) error) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Send runs in a transaction of its own, or in the caller's.
func Send(inTx *sql.Tx, id int64) error {
	var run func(func(*sql.Tx) error) error
	if inTx != nil {
		run = func(f func(*sql.Tx) error) error { return f(inTx) }
	} else {
		run = Transaction
	}
	return run(func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE queue SET sent = true WHERE id = $1", id)
		return err
	})
}

// Archive hands Transaction a body of its own.
func Archive(id int64) error {
	return Transaction(func(tx *sql.Tx) error {
		_, err := tx.Exec("DELETE FROM archive WHERE id = $1", id)
		return err
	})
}
