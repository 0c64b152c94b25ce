// Package anyhooks keeps its hooks as a list of any, calling each through
// an assertion to its function type: a loop over code the program
// registers, which the graph resolves to every hook; next to a list of
// records kept the same way, which is data.
package anyhooks

import (
	"context"
	"database/sql"
	"net/http"
)

var db *sql.DB

var hooks = []interface{}{pruneLogs, pruneSessions}

func pruneLogs() error {
	_, err := db.Exec("DELETE FROM logs")
	return err
}

func pruneSessions() error {
	_, err := db.Exec("DELETE FROM sessions")
	return err
}

// AddHook registers one more hook.
func AddHook(h interface{}) { hooks = append(hooks, h) }

func runHooks() {
	for _, h := range hooks {
		_ = h.(func() error)() // silent: one run of each hook
	}
}

type event struct{ Kind string }

func record(ctx context.Context, events []any) {
	for _, e := range events {
		ev := e.(event)
		db.ExecContext(ctx, "INSERT INTO events (kind) VALUES ($1)", ev.Kind)
	}
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/prune", func(w http.ResponseWriter, r *http.Request) {
		runHooks()
		var events []any
		for _, k := range r.URL.Query()["kind"] {
			events = append(events, event{k})
		}
		record(r.Context(), events)
	})
}
