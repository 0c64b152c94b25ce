// Package jobs is the scheduled work: each function loops over rows with
// a query per row.
package jobs

import (
	"context"
	"database/sql"

	"github.com/robfig/cron/v3"
)

func UserIDs(db *sql.DB) []int64 {
	rows, _ := db.QueryContext(context.Background(), `SELECT id FROM users`)
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids
}

// Every hands fn on to cron: a helper of the module, forwarding.
func Every(c *cron.Cron, spec string, fn func()) {
	c.AddFunc(spec, fn)
}

type Archiver struct{ DB *sql.DB }

func (a *Archiver) Run() {
	for _, id := range UserIDs(a.DB) {
		a.DB.ExecContext(context.Background(), `INSERT INTO archive (user_id) VALUES ($1)`, id)
	}
}

func (a *Archiver) Purge() {
	for _, id := range UserIDs(a.DB) {
		a.DB.ExecContext(context.Background(), `DELETE FROM sessions WHERE user_id = $1`, id)
	}
}

type Compactor struct{ DB *sql.DB }

func (c *Compactor) Run() {
	for _, id := range UserIDs(c.DB) {
		c.DB.ExecContext(context.Background(), `UPDATE stats SET compacted = true WHERE user_id = $1`, id)
	}
}

func Notify(db *sql.DB) {
	for _, id := range UserIDs(db) {
		db.ExecContext(context.Background(), `INSERT INTO notices (user_id) VALUES ($1)`, id)
	}
}

// Sweep is registered at start-up, once per spec.
func Sweep(db *sql.DB) {
	for _, id := range UserIDs(db) {
		db.ExecContext(context.Background(), `DELETE FROM carts WHERE user_id = $1`, id)
	}
}

// Cleanup runs by gocron v1's Do.
func Cleanup(db *sql.DB) {
	for _, id := range UserIDs(db) {
		db.ExecContext(context.Background(), `DELETE FROM tokens WHERE user_id = $1`, id)
	}
}

// Digest runs by gocron v2's NewTask.
func Digest(db *sql.DB) {
	for _, id := range UserIDs(db) {
		db.ExecContext(context.Background(), `INSERT INTO digests (user_id) VALUES ($1)`, id)
	}
}

// Rollup is registered with pocketbase's cron (app.Cron().MustAdd).
func Rollup(db *sql.DB) {
	for _, id := range UserIDs(db) {
		db.Exec(`INSERT INTO rollups (user_id) VALUES ($1)`, id)
	}
}
