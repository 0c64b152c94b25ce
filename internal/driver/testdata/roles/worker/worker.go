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
