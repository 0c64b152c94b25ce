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
// set on an ATick, and the routes ticking each keep both. The shaped
// router of package router runs a request's middlewares and action
// through a hook of *router.Event: the session middleware's e.Next()
// hands on to the rest of the route, parts of its own, and lists no
// other route's action (GET /items runs no insert).
func TestRouteInventoryEmbeddedEventField(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/hooks", "./...")
	got, order := inventory(rep, func(r report.Route) string { return r.Method + " " + r.Pattern })
	if len(got) != 8 {
		t.Errorf("routes %v, want 8 (stderr: %s)", order, stderr)
	}
	const (
		userLog   = "app/app.go:40 handler loop"
		users     = "app/app.go:48 handler loop"
		backupLog = "app/app.go:31 handler loop"
		backups   = "app/app.go:56 handler loop"
		aTicks    = "app/app.go:71 handler once"
		bTicks    = "app/app.go:77 handler once"
		session   = "items/items.go:20 items.(*API).session once"
	)
	checkRuns(t, got, map[string][]string{
		"POST /users":   {userLog, users},
		"POST /backups": {backupLog, backups},
		"POST /replay": {backupLog, userLog, users, backups,
			"items/items.go:20 handler loop", "items/items.go:25 handler loop", "items/items.go:30 handler loop"},
		"POST /tick/a": {aTicks, bTicks},
		"POST /tick/b": {aTicks, bTicks},
		"GET /items":   {session, "items/items.go:25 handler once"},
		"POST /items":  {session, "items/items.go:30 handler once"},
	}, order)
}
