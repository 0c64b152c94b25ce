// Package jobs is the work of the task handlers: each loops over rows
// with a query per row.
package jobs

import (
	"context"
	"database/sql"

	"github.com/hibiken/asynq"
)

// TypeImport names the import task.
const TypeImport = "import:run"

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

type Welcomer struct{ DB *sql.DB }

// Welcome is registered with HandleFunc, as a method value.
func (w *Welcomer) Welcome(ctx context.Context, t *asynq.Task) error {
	for _, id := range UserIDs(w.DB) {
		w.DB.ExecContext(ctx, `INSERT INTO welcomes (user_id) VALUES ($1)`, id)
	}
	return nil
}

// ReportProcessor is registered with Handle: the mux runs its
// ProcessTask.
type ReportProcessor struct{ DB *sql.DB }

func (p *ReportProcessor) ProcessTask(ctx context.Context, t *asynq.Task) error {
	for _, id := range UserIDs(p.DB) {
		p.DB.ExecContext(ctx, `INSERT INTO reports (user_id) VALUES ($1)`, id)
	}
	return nil
}

// Mailer is a server's handler of its own, no mux.
type Mailer struct{ DB *sql.DB }

func (m *Mailer) ProcessTask(ctx context.Context, t *asynq.Task) error {
	for _, id := range UserIDs(m.DB) {
		m.DB.ExecContext(ctx, `INSERT INTO mails (user_id) VALUES ($1)`, id)
	}
	return nil
}

// Import makes the import task's handler: a closure, handed through the
// worker's helper and its middleware.
func Import(db *sql.DB) func(context.Context, *asynq.Task) error {
	return func(ctx context.Context, t *asynq.Task) error {
		for _, id := range UserIDs(db) {
			db.ExecContext(ctx, `UPDATE imports SET done = true WHERE user_id = $1`, id)
		}
		return nil
	}
}

// TypeReindex names the reindex task.
const TypeReindex = "reindex:run"

// Reindex makes the reindex task's handler, handed through the worker's
// helper as it is.
func Reindex(db *sql.DB) func(context.Context, *asynq.Task) error {
	return func(ctx context.Context, t *asynq.Task) error {
		for _, id := range UserIDs(db) {
			db.ExecContext(ctx, `UPDATE search SET indexed = true WHERE user_id = $1`, id)
		}
		return nil
	}
}

// Ping is registered per name of a request: one query per task.
func Ping(db *sql.DB) func(context.Context, *asynq.Task) error {
	return func(ctx context.Context, t *asynq.Task) error {
		_, err := db.ExecContext(ctx, `INSERT INTO pings (kind) VALUES ($1)`, t.Type())
		return err
	}
}

// Apply takes a task, but a route calls it in place.
func Apply(ctx context.Context, db *sql.DB, t *asynq.Task) error {
	_, err := db.ExecContext(ctx, `UPDATE items SET applied = true WHERE kind = $1`, t.Type())
	return err
}

// Orphan is registered only by a function nothing calls: no job.
func Orphan(db *sql.DB) func(context.Context, *asynq.Task) error {
	return func(ctx context.Context, t *asynq.Task) error {
		for _, id := range UserIDs(db) {
			db.ExecContext(ctx, `DELETE FROM orphans WHERE user_id = $1`, id)
		}
		return nil
	}
}

// Notifier's methods are machinery tasks: RegisterTasks keeps them by
// name, in a map, and the worker runs them per message.
type Notifier struct{ DB *sql.DB }

func (n *Notifier) Due(taskID string) (bool, error) {
	for _, id := range UserIDs(n.DB) {
		n.DB.Exec(`INSERT INTO reminders (user_id, task_id) VALUES ($1, $2)`, id, taskID)
	}
	return true, nil
}

// Digest is registered alone, with RegisterTask.
func (n *Notifier) Digest() error {
	for _, id := range UserIDs(n.DB) {
		n.DB.Exec(`INSERT INTO digests (user_id) VALUES ($1)`, id)
	}
	return nil
}
