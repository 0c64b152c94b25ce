// Package batch runs functions through a helper taking them as a variadic
// list: a loop around one caller's call repeats that caller's functions,
// not those every other caller lists; and through a helper handing a
// function each chunk of a list: one call per chunk, not per item.
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

// inChunks hands fn each chunk of ids in turn, as stash's batchExec does.
func inChunks[T any](ids []T, size int, fn func(batch []T) error) error {
	for i := 0; i < len(ids); i += size {
		end := min(i+size, len(ids))
		if err := fn(ids[i:end]); err != nil {
			return err
		}
	}
	return nil
}

// Purge deletes the ids a chunk at a time: one statement per chunk.
func Purge(ctx context.Context, db *sql.DB, ids []int64) error {
	return inChunks(ids, 500, func(batch []int64) error { // silent: one DELETE per chunk
		_, err := db.ExecContext(ctx, `DELETE FROM items WHERE id = ANY($1)`, batch)
		return err
	})
}

// Mark marks each id of every chunk on its own: one UPDATE per id.
func Mark(ctx context.Context, db *sql.DB, ids []int64) error {
	return inChunks(ids, 500, func(batch []int64) error {
		for _, id := range batch {
			db.ExecContext(ctx, `UPDATE items SET marked = true WHERE id = $1`, id) // reported: per id
		}
		return nil
	})
}
