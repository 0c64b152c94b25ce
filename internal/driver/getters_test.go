package driver

import "testing"

// testdata/getters is a dependency container whose getters build their
// value once and hand back the stored one afterwards (the early return
// when set, and the mirror `if d.x == nil { d.x = build() }` under a
// mutex): a loop calling them on one container runs the build's queries
// once, not per item. A getter whose field the package resets, one that
// builds on every call, one asked to reload on every item (a flag not
// the constant false: `if d.q != nil && !reload`), and a new
// container per item stay reported. A container only start-up makes
// lives as long as the process: read per item through a call, its
// getters still build once.
func TestGetters(t *testing.T) {
	t.Parallel()
	rep := loopFindings(t, "testdata/getters", []string{
		"dep/dep.go:108", // Queue(true): a reload per item
		"dep/dep.go:116", // Logout resets the field
		"dep/dep.go:117", // built on every call
		"dep/dep.go:126", // a new container per item
		"dep/dep.go:168", // Queue(reload): a flag that may be true
	})
	// Settings (98), Cache (99), Queue(false) (100), Settings of the container a call
	// handed back before the loop (139), and of the one only start-up
	// makes, read from the request's context per item (app.go:37), only
	// fill: counted, not shown.
	if got := rep.Stats.CacheFillFindings; got != 5 {
		t.Errorf("stats.cache_fill_findings = %d, want 5", got)
	}
}
