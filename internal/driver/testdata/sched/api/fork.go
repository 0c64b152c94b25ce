package api

import (
	"context"
	"database/sql"
	"net/http"

	"example.com/sched/jobs"
	cron "example.net/forkcron"
)

// Forked schedules on a fork of robfig/cron, whose AddFunc takes the
// entry's name too: read as robfig/cron's.
type Forked struct {
	DB   *sql.DB
	Cron *cron.Cron
}

// Schedule registers a report per spec: it runs later, on the fork's
// goroutines.
func (f *Forked) Schedule(w http.ResponseWriter, r *http.Request) {
	for _, spec := range r.URL.Query()["spec"] {
		f.Cron.AddFunc(spec, f.report, spec)
	}
}

// report runs on the fork's goroutine: its loop is a job's.
func (f *Forked) report() {
	for _, id := range jobs.UserIDs(f.DB) {
		f.DB.ExecContext(context.Background(), `INSERT INTO reports (user_id) VALUES ($1)`, id)
	}
}
