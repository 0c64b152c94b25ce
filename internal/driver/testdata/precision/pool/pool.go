// Package pool starts workers through the service's own group (bucketeer's
// subscriber): n goroutines of one function on one channel are a pool of
// n, not n items, even when each worker runs a query once per call (a
// flush when its context ends).
package pool

import (
	"context"
	"database/sql"

	"example.com/precision/pool/safe"
)

type Processor interface {
	Process(ctx context.Context, msgs <-chan int64) error
}

type persister struct{ db *sql.DB }

// Process marks the messages done as they come, and flushes the last
// one it saw when its context ends: once per call.
func (p *persister) Process(ctx context.Context, msgs <-chan int64) error {
	var last int64
	for {
		select {
		case id, ok := <-msgs:
			if !ok {
				return nil
			}
			last = id
		case <-ctx.Done():
			_, err := p.db.ExecContext(context.Background(), `UPDATE jobs SET done = true WHERE id <= $1`, last)
			return err
		}
	}
}

type Subscriber struct {
	proc    Processor
	msgs    chan int64
	workers int
	group   safe.Group
	db      *sql.DB
}

func New(db *sql.DB, workers int) *Subscriber {
	return &Subscriber{proc: &persister{db: db}, msgs: make(chan int64), workers: workers, db: db}
}

func (s *Subscriber) batch() error { return s.proc.Process(context.Background(), s.msgs) }

// Start starts the pool: silent.
func (s *Subscriber) Start() {
	for i := 0; i < s.workers; i++ {
		s.group.Go(s.batch) // silent: a pool of s.workers
	}
	for range s.workers {
		go s.batch() // silent: likewise
	}
	s.group.Wait()
}

// MarkAll hands the group a closure per id: one UPDATE per item.
func (s *Subscriber) MarkAll(ids []int64) {
	for _, id := range ids {
		s.group.Go(func() error { // reported: one UPDATE per id
			_, err := s.db.Exec(`UPDATE jobs SET done = true WHERE id = $1`, id)
			return err
		})
	}
	s.group.Wait()
}
