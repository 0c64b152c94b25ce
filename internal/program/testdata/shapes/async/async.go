// Package async starts goroutines on a request's path: those the request
// does not wait for run beside it, not as part of it; those it waits for
// (a wait group, a channel it receives from or hands back) are its own
// work.
package async

import (
	"context"
	"database/sql"
	"sync"
	"sync/atomic"
	"time"
)

type Service struct {
	db      *sql.DB
	started atomic.Bool
	ticks   chan int64
}

// Save runs its insert and its update; what it starts and leaves running
// (a closure, a method, a worker started on first use, a function handed
// to a helper that starts it, a timer's function) is not part of its
// call.
func (s *Service) Save(ctx context.Context, id int64) {
	s.db.ExecContext(ctx, `INSERT INTO saves (id) VALUES ($1)`, id) // save
	go func() {
		s.db.ExecContext(context.Background(), `INSERT INTO notices (id) VALUES ($1)`, id) // notice
	}()
	s.db.ExecContext(ctx, `UPDATE counts SET n = n + 1`) // count, after the go statement
	go s.notify(id)
	s.ensureLoop()
	Later(func() {
		s.db.ExecContext(context.Background(), `DELETE FROM drafts WHERE id = $1`, id) // later
	})
	time.AfterFunc(time.Minute, func() {
		s.db.ExecContext(context.Background(), `DELETE FROM locks WHERE id = $1`, id) // expire
	})
}

func (s *Service) notify(id int64) {
	s.db.Exec(`UPDATE users SET notified = true WHERE id = $1`, id) // notify
}

func (s *Service) ensureLoop() {
	if s.started.CompareAndSwap(false, true) {
		go s.loop()
	}
}

// loop is a worker: its start runs once, its body per tick.
func (s *Service) loop() {
	s.db.Exec(`DELETE FROM stale`) // the worker's start
	for id := range s.ticks {
		s.db.Exec(`UPDATE ticks SET at = now() WHERE id = $1`, id) // per tick
	}
}

// Later starts fn and returns.
func Later(fn func()) { go fn() }

// Fan looks each id up on a goroutine of its own and waits for all of
// them: one lookup per id, the call's.
func (s *Service) Fan(ctx context.Context, ids []int64) {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.db.QueryContext(ctx, `SELECT name FROM users WHERE id = $1`, id) // fan
		}()
	}
	wg.Wait()
}

// Await waits for the goroutine to close done.
func (s *Service) Await(ctx context.Context) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.db.QueryContext(ctx, `SELECT 1 FROM health`) // await
	}()
	<-done
}

// Stream hands its caller the channel the goroutine fills: the caller
// reads it.
func (s *Service) Stream(ctx context.Context) <-chan int64 {
	out := make(chan int64)
	go func() {
		defer close(out)
		var n int64
		s.db.QueryRowContext(ctx, `SELECT count(*) FROM items`).Scan(&n) // stream
		out <- n
	}()
	return out
}

// Select waits for the goroutine it hands a channel to, or gives up.
func (s *Service) Select(ctx context.Context) error {
	errs := make(chan error, 1)
	go s.check(ctx, errs)
	select {
	case err := <-errs:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *Service) check(ctx context.Context, errs chan<- error) {
	_, err := s.db.ExecContext(ctx, `SELECT 1 FROM checks`) // check
	errs <- err
}

// Elsewhere receives from a channel the goroutine never sends on: it does
// not wait for it.
func (s *Service) Elsewhere(ctx context.Context, other chan int64) int64 {
	mine := make(chan int64, 1)
	go func() {
		s.db.ExecContext(context.Background(), `DELETE FROM temp`) // elsewhere
		mine <- 1
	}()
	return <-other
}
