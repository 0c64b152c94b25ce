// Package upgrade keeps the schema's history as a list of functions.
package upgrade

import (
	"context"
	"database/sql"
)

var history = []struct {
	n  int
	do func(context.Context, *sql.Tx) error
}{
	{1, first},
	{2, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `ALTER TABLE items ADD COLUMN seen boolean`)
		return err
	}},
}

func first(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `CREATE TABLE items (id bigint PRIMARY KEY)`)
	return err
}

// Apply runs the history.
func Apply(ctx context.Context, tx *sql.Tx) error {
	for _, h := range history {
		if err := h.do(ctx, tx); err != nil {
			return err
		}
	}
	return nil
}

// validators lists functions too, but none changes the schema: not a
// migration table.
var validators = []func(string) bool{nonEmpty}

func nonEmpty(s string) bool { return s != "" }

func Valid(s string) bool {
	for _, v := range validators {
		if !v(s) {
			return false
		}
	}
	return true
}
