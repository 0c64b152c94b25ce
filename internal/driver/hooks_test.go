package driver

import (
	"testing"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/internal/report"
)

// testdata/hooks's events embed hook.Event, whose Next calls the function
// kept in its field, set by each hook's Trigger to run that hook's
// handlers. The field of a UserEvent is not the field of a BackupEvent:
// the route triggering the user hook runs the user hook's handler and its
// one-off function, not the backup hook's, and the other way round. A
// function calling Next on a bare *hook.Event it is handed may run any
// hook's (POST /replay keeps them all). tick.Base's callback is copied
// whole from an ATick to a BTick (Swap): a BTick's Run may run what was
// set on an ATick, and the routes ticking each keep both.
func TestRouteInventoryEmbeddedEventField(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/hooks", "./...")
	got, order := inventory(rep, func(r report.Route) string { return r.Method + " " + r.Pattern })
	if len(got) != 5 {
		t.Errorf("routes %v, want 5 (stderr: %s)", order, stderr)
	}
	const (
		userLog   = "app/app.go:40 handler loop"
		users     = "app/app.go:48 handler loop"
		backupLog = "app/app.go:31 handler loop"
		backups   = "app/app.go:56 handler loop"
		aTicks    = "app/app.go:71 handler once"
		bTicks    = "app/app.go:77 handler once"
	)
	checkRuns(t, got, map[string][]string{
		"POST /users":   {userLog, users},
		"POST /backups": {backupLog, backups},
		"POST /replay":  {backupLog, userLog, users, backups},
		"POST /tick/a":  {aTicks, bTicks},
		"POST /tick/b":  {aTicks, bTicks},
	}, order)
}
