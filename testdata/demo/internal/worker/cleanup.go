// Package worker runs the service's background jobs.
package worker

import (
	"context"
	"database/sql"
	"log"
	"time"
)

// SessionCleaner periodically deletes expired sessions.
type SessionCleaner struct {
	db       *sql.DB
	interval time.Duration
	log      *log.Logger
}

// NewSessionCleaner returns a cleaner that runs every interval.
func NewSessionCleaner(db *sql.DB, interval time.Duration, logger *log.Logger) *SessionCleaner {
	return &SessionCleaner{db: db, interval: interval, log: logger}
}

// Run deletes expired sessions until ctx is cancelled.
func (c *SessionCleaner) Run(ctx context.Context) {
	ticker := time.NewTicker(c.interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			res, err := c.db.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at < now()`)
			if err != nil {
				c.log.Printf("session cleanup: %v", err)
				continue
			}
			if n, err := res.RowsAffected(); err == nil && n > 0 {
				c.log.Printf("session cleanup: removed %d expired sessions", n)
			}
		}
	}
}
