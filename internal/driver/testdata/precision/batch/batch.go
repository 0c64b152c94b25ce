// Package batch runs functions through a helper taking them as a variadic
// list: a loop around one caller's call repeats that caller's functions,
// not those every other caller lists.
package batch

import (
	"context"
	"database/sql"
)

// Parallel runs fns, each on its goroutine, and returns the first error.
func Parallel(fns ...func() error) error {
	errs := make(chan error, len(fns))
	for _, fn := range fns {
		go func() { errs <- fn() }() // silent: as many as the caller lists
	}
	var first error
	for range fns {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// Cleanup runs two statements side by side.
func Cleanup(ctx context.Context, db *sql.DB) error {
	return Parallel(
		func() error { _, err := db.ExecContext(ctx, `UPDATE items SET a = 0 WHERE a IS NULL`); return err },
		func() error { _, err := db.ExecContext(ctx, `DELETE FROM items WHERE b IS NULL`); return err },
	)
}

// Sync touches each item: one UPDATE per id, and only that.
func Sync(ctx context.Context, db *sql.DB, ids []int64) error {
	for _, id := range ids {
		err := Parallel(func() error { // reported: one UPDATE per id
			_, err := db.ExecContext(ctx, `UPDATE items SET seen = true WHERE id = $1`, id)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}
