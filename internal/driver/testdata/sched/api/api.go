// Package api registers scheduled work per request, and runs a
// transaction per item.
package api

import (
	"context"
	"database/sql"
	"net/http"

	"example.com/sched/jobs"
	"example.net/txkit"
	"github.com/robfig/cron/v3"
)

type API struct {
	DB   *sql.DB
	Cron *cron.Cron
}

// Schedule registers a reminder per spec: the reminders run later, on
// cron's goroutines, not in the request, once per spec or otherwise.
func (a *API) Schedule(w http.ResponseWriter, r *http.Request) {
	for _, spec := range r.URL.Query()["spec"] {
		a.addReminder(spec)
	}
}

func (a *API) addReminder(spec string) (cron.EntryID, error) {
	remind := func() { a.remind() }
	return a.Cron.AddFunc(spec, remind)
}

// remind runs on cron's goroutine: its loop is a job's.
func (a *API) remind() {
	ctx := context.Background()
	for _, id := range jobs.UserIDs(a.DB) {
		a.DB.ExecContext(ctx, `INSERT INTO reminders (user_id) VALUES ($1)`, id)
	}
}

// Archive schedules the archiver per spec, as it is, wrapped in a chain,
// and its purge made a cron.FuncJob.
func (a *API) Archive(w http.ResponseWriter, r *http.Request) {
	ar := &jobs.Archiver{DB: a.DB}
	for _, spec := range r.URL.Query()["spec"] {
		a.addArchiver(spec, ar)
	}
}

func (a *API) addArchiver(spec string, ar *jobs.Archiver) {
	a.Cron.AddJob(spec, ar)
	a.Cron.AddJob(spec, cron.NewChain(cron.SkipIfStillRunning()).Then(&jobs.Compactor{DB: a.DB}))
	a.Cron.AddJob(spec, cron.FuncJob(ar.Purge))
}

// Every registers fn through the module's helper, in a loop.
func (a *API) Every(w http.ResponseWriter, r *http.Request) {
	for _, spec := range r.URL.Query()["spec"] {
		jobs.Every(a.Cron, spec, func() { jobs.Notify(a.DB) })
	}
}

// Bulk runs a transaction per item: the helper runs the body in place,
// an UPDATE per item.
func (a *API) Bulk(w http.ResponseWriter, r *http.Request) {
	for _, id := range r.URL.Query()["id"] {
		a.markDone(r.Context(), id)
	}
}

func (a *API) markDone(ctx context.Context, id string) error {
	return txkit.Run(a.DB, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE items SET done = true WHERE id = $1`, id)
		return err
	})
}

// Direct hands cron a closure of its own.
func (a *API) Direct(w http.ResponseWriter, r *http.Request) {
	a.Cron.AddFunc("@daily", func() {
		a.DB.ExecContext(context.Background(), `DELETE FROM expired`)
	})
}
