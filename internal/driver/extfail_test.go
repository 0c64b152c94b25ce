package driver

import "testing"

// testdata/extfail sends notifications through a push service's client
// (a module of its own, with no database) and deletes, through a store
// interface, the tokens the service turns down: once per stale token,
// counted in stats.error_path_findings, not shown. Marking the token
// (an UPDATE: the row stays and is sent to again), deleting what our
// own store no longer finds, and what a store of another module on
// database/sql no longer has stay reported. A helper the loop calls
// that deletes on a status outside 2xx in the service's HTTP response
// deletes once per stale token too; one that marks on a 410 does not.
func TestOutsideFailure(t *testing.T) {
	t.Parallel()
	rep := loopFindings(t, "testdata/extfail", []string{
		"notify/notify.go:104", // MarkAll: the helper's UPDATE on a 410
		"notify/notify.go:45",  // Deactivate: the UPDATE
		"notify/notify.go:53",  // Prune: our store's read
		"notify/notify.go:55",  // Prune: the delete of what our store lacks
		"notify/notify.go:66",  // PruneKV: the delete of what a store on database/sql lacks
	})
	// SendAll's and SendEach's deletes, and DeliverAll's through its
	// helper's test of the response's status.
	if got := rep.Stats.ErrorPathFindings; got != 3 {
		t.Errorf("stats.error_path_findings = %d, want 3", got)
	}
}
