package direct

import (
	"context"
	"database/sql"
	"errors"
)

// A writer that collects rows and sends them when it holds a batch's
// worth runs its statement once per batch of Add calls: a loop calling
// Add per item sends one INSERT per size items.

type batchSave struct {
	db      *sql.DB
	rows    []int64
	current int
	size    int
}

func (b *batchSave) flush(ctx context.Context) error {
	_, err := b.db.ExecContext(ctx, "INSERT INTO events (id) SELECT unnest($1::bigint[])", b.rows[:b.current])
	b.current = 0
	return err
}

// Add sends the batch when it is full.
func (b *batchSave) Add(ctx context.Context, id int64) error {
	b.rows[b.current] = id
	b.current++
	if b.current == b.size {
		return b.flush(ctx)
	}
	return nil
}

type sliceBatch struct {
	db   *sql.DB
	rows []int64
}

// Put sends the rows once 500 are held, and empties the slice.
func (b *sliceBatch) Put(ctx context.Context, id int64) error {
	b.rows = append(b.rows, id)
	if len(b.rows) >= 500 {
		_, err := b.db.ExecContext(ctx, "INSERT INTO events (id) SELECT unnest($1::bigint[])", b.rows)
		b.rows = b.rows[:0]
		return err
	}
	return nil
}

var errFull = errors.New("full")

type quota struct {
	db   *sql.DB
	used int
	max  int
}

// Take records every use past the limit: the test is a limit, and
// nothing empties the count.
func (q *quota) Take(ctx context.Context, id int64) error {
	q.used++
	if q.used >= q.max {
		_, _ = q.db.ExecContext(ctx, "INSERT INTO overuse (id) VALUES ($1)", id)
		return errFull
	}
	return nil
}

func SaveEvents(ctx context.Context, db *sql.DB, ids []int64) {
	b := &batchSave{db: db, rows: make([]int64, 100), size: 100}
	s := &sliceBatch{db: db}
	q := &quota{db: db, max: 10}
	for _, id := range ids {
		_ = b.Add(ctx, id)  // silent: one INSERT per 100 items
		_ = s.Put(ctx, id)  // silent: one INSERT per 500 items
		_ = q.Take(ctx, id) // want `^direct.\(\*quota\).Take runs INSERT .* once per item of ids`
	}
}
