// Package worker is a background job: not a request path, so a background
// context and a context-less query are its own business.
package worker

import (
	"context"
	"database/sql"
	"time"
)

func Run(db *sql.DB) {
	ctx := context.Background()
	t := time.NewTicker(time.Minute)
	for range t.C {
		db.ExecContext(ctx, "DELETE FROM sessions WHERE expires_at < now()")
		db.Exec("VACUUM sessions")
	}
}
