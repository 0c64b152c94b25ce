// Package worker refreshes the users' counters on a ticker: the serve
// command starts it, and its loop over the users runs once per tick, not
// once at start-up.
package worker

import (
	"context"
	"database/sql"
	"time"
)

type Refresher struct{ DB *sql.DB }

func (w *Refresher) Run(ctx context.Context, ids []int64) {
	t := time.NewTicker(time.Minute)
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		for _, id := range ids {
			w.DB.ExecContext(ctx, "UPDATE users SET seen = seen + 1 WHERE id = $1", id)
		}
	}
}

// Msg is a queued message.
type Msg struct{ User int64 }

// Consumer hands what a queue holds to a function.
type Consumer interface{ Listen(do func(Msg)) }

// NewConsumer returns the configured queue's consumer.
func NewConsumer(db *sql.DB) Consumer { return &Queue{DB: db} }

// Queue reads the messages queued since the last read.
type Queue struct{ DB *sql.DB }

func (q *Queue) pending() []Msg {
	rows, _ := q.DB.Query("DELETE FROM queue RETURNING user_id")
	defer rows.Close()
	var out []Msg
	for rows.Next() {
		var m Msg
		rows.Scan(&m.User)
		out = append(out, m)
	}
	return out
}

// Listen hands each message read on every tick to do: the loop over the
// messages runs per tick, in the goroutine Listen starts.
func (q *Queue) Listen(do func(Msg)) {
	go func() {
		for range time.Tick(time.Second) {
			for _, m := range q.pending() {
				do(m)
			}
		}
	}()
}

// Logins records each login message the queue holds.
func Logins(db *sql.DB, c Consumer) {
	c.Listen(func(m Msg) {
		db.Exec("INSERT INTO logins (user_id) VALUES ($1)", m.User)
	})
}
