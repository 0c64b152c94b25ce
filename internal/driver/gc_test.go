package driver

import (
	"runtime/debug"
	"testing"
)

// tightenGC lowers the collector's target to gcPercent for the rest of a
// run and puts back what was set before; a GOGC the user set stands.
func TestTightenGC(t *testing.T) {
	gcTarget := func() int {
		old := debug.SetGCPercent(100)
		debug.SetGCPercent(old)
		return old
	}
	defer debug.SetGCPercent(debug.SetGCPercent(100))

	t.Setenv("GOGC", "")
	restore := tightenGC()
	if got := gcTarget(); got != gcPercent {
		t.Errorf("during the run: GC target %d, want %d", got, gcPercent)
	}
	restore()
	if got := gcTarget(); got != 100 {
		t.Errorf("after the run: GC target %d, want 100 back", got)
	}

	t.Setenv("GOGC", "200")
	debug.SetGCPercent(200)
	restore = tightenGC()
	if got := gcTarget(); got != 200 {
		t.Errorf("with GOGC=200: GC target %d, want the user's 200", got)
	}
	restore()
	if got := gcTarget(); got != 200 {
		t.Errorf("with GOGC=200, after the run: GC target %d, want 200", got)
	}
}
