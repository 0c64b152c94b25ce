// Package ledger writes statements to a ledger table through a statement
// its writer prepares on its first write (segmentio/ctlstore's
// dmlLedgerWriter).
package ledger

import (
	"context"
	"database/sql"
)

type writer struct {
	tx   *sql.Tx
	stmt *sql.Stmt
}

// Add prepares the insert on the writer's first call, then runs it.
func (w *writer) Add(ctx context.Context, statement string) error {
	if w.stmt == nil {
		stmt, err := w.tx.PrepareContext(ctx, "INSERT INTO ledger (statement) VALUES ($1)")
		if err != nil {
			return err
		}
		w.stmt = stmt
	}
	_, err := w.stmt.ExecContext(ctx, statement)
	return err
}

// Mutate writes each statement with one writer, made before the loop:
// one prepare for the loop, one insert per statement.
func Mutate(ctx context.Context, tx *sql.Tx, statements []string) error {
	w := writer{tx: tx}
	for _, s := range statements {
		if err := w.Add(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

// MutateEach makes a writer per statement: a prepare and an insert each.
func MutateEach(ctx context.Context, tx *sql.Tx, statements []string) error {
	for _, s := range statements {
		w := writer{tx: tx}
		if err := w.Add(ctx, s); err != nil {
			return err
		}
	}
	return nil
}
