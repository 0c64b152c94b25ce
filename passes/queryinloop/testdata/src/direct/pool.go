package direct

import (
	"context"
	"database/sql"
)

// flushWorker drains jobs and, when its context ends, marks what it saw
// done: one query per call, on its way out.
func flushWorker(ctx context.Context, db *sql.DB, jobs <-chan int64) {
	var last int64
	for {
		select {
		case id := <-jobs:
			last = id
		case <-ctx.Done():
			db.ExecContext(context.Background(), "UPDATE jobs SET done = true WHERE id <= $1", last)
			return
		}
	}
}

// StartFlushWorkers starts a pool: n goroutines of one function on one
// channel split its jobs; n is the pool's size, not items of data. (A
// service's own wrapper of errgroup's Go: the driver's precision tests.)
func StartFlushWorkers(ctx context.Context, db *sql.DB, n int, jobs <-chan int64) {
	for i := 0; i < n; i++ {
		go flushWorker(ctx, db, jobs) // a pool: silent
	}
}

// FlushEach starts a worker per channel: each item its own.
func FlushEach(ctx context.Context, db *sql.DB, chans []chan int64) {
	for _, ch := range chans {
		go flushWorker(ctx, db, ch) // want `flushWorker runs UPDATE jobs \(pool.go:17\) once per item of chans`
	}
}
