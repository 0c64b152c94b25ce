// Package jobs runs functions through helpers that take them as a
// variadic list: each caller runs the functions it hands over, not those
// of every other caller.
package jobs

import (
	"context"
	"database/sql"
	"sync"
)

// Parallel runs fns, each on its goroutine, and returns the first error.
func Parallel(fns ...func() error) error {
	errs := make(chan error, len(fns))
	for _, fn := range fns {
		go func() { errs <- fn() }()
	}
	var first error
	for range fns {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// Sequentially runs fns one after the other, by index.
func Sequentially(fns ...func() error) error {
	for i := range fns {
		if err := fns[i](); err != nil {
			return err
		}
	}
	return nil
}

// Both forwards its list to Parallel.
func Both(fns ...func() error) error { return Parallel(fns...) }

// Report runs two queries side by side.
func Report(ctx context.Context, db *sql.DB) error {
	return Parallel(
		func() error { return count(ctx, db) },
		func() error { return total(ctx, db) },
	)
}

// Refresh runs one function per id: its query is per item, Report's are
// not its.
func Refresh(ctx context.Context, db *sql.DB, ids []int64) error {
	for _, id := range ids {
		if err := Parallel(func() error { return touch(ctx, db, id) }); err != nil {
			return err
		}
	}
	return nil
}

// Listed hands Sequentially a list it spells itself.
func Listed(ctx context.Context, db *sql.DB) error {
	return Sequentially([]func() error{
		func() error { return count(ctx, db) },
	}...)
}

// Forwarded reaches Parallel through Both.
func Forwarded(ctx context.Context, db *sql.DB) error {
	return Both(func() error { return total(ctx, db) })
}

func count(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, `SELECT count(*) FROM items`) // count
	return err
}

func total(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, `SELECT sum(n) FROM items`) // total
	return err
}

func touch(ctx context.Context, db *sql.DB, id int64) error {
	_, err := db.ExecContext(ctx, `UPDATE items SET seen = true WHERE id = $1`, id) // touch
	return err
}

// Group hands each of fns, as it is, to a wait group's goroutine.
func Group(fns ...func()) {
	var wg sync.WaitGroup
	for _, fn := range fns {
		wg.Go(fn)
	}
	wg.Wait()
}

// Warm and Tally each hand Group their own work.
func Warm(ctx context.Context, db *sql.DB) { Group(func() { count(ctx, db) }) }

func Tally(ctx context.Context, db *sql.DB) { Group(func() { total(ctx, db) }) }

// Option sets how Try tries.
type Option func(*int)

// Limit caps the tries: an option made by a call, no function its caller
// spells.
func Limit(n int) Option { return func(max *int) { *max = n } }

// Try runs fn, its options applied first: that the options cannot be
// traced to each caller leaves fn's rewiring alone.
func Try(fn func() error, opts ...Option) error {
	max := 3
	for _, o := range opts {
		o(&max)
	}
	if max == 0 {
		return nil
	}
	return fn()
}

// Counted and Totalled each hand Try their own function.
func Counted(ctx context.Context, db *sql.DB) error {
	return Try(func() error { return count(ctx, db) }, Limit(5))
}

func Totalled(ctx context.Context, db *sql.DB) error {
	return Try(func() error { return total(ctx, db) })
}

var primed sync.Once

// prime hands its function to sync.Once's Do: it runs once, however
// often prime is called.
func prime(fn func()) { primed.Do(fn) }

// Prime primes per id: the count runs once all the same.
func Prime(ctx context.Context, db *sql.DB, ids []int64) {
	for range ids {
		prime(func() { count(ctx, db) })
	}
}
