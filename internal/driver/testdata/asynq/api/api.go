// Package api registers task handlers per request, and runs a task's
// work in place.
package api

import (
	"database/sql"
	"net/http"

	"example.com/tasks/jobs"
	"github.com/hibiken/asynq"
)

type API struct {
	DB  *sql.DB
	Mux *asynq.ServeMux
}

// Register registers a handler per name: the handler runs per task, on
// the server's goroutines, not per name in the request.
func (a *API) Register(w http.ResponseWriter, r *http.Request) {
	for _, name := range r.URL.Query()["name"] {
		a.Mux.HandleFunc(name, jobs.Ping(a.DB))
	}
}

// Run applies a task per kind, in the request.
func (a *API) Run(w http.ResponseWriter, r *http.Request) {
	for _, kind := range r.URL.Query()["kind"] {
		jobs.Apply(r.Context(), a.DB, asynq.NewTask(kind, nil))
	}
}
