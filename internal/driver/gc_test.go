package driver

import (
	"math"
	"runtime"
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

// limitMemory holds the runtime's memory to memoryLimit for a run and puts
// back what was set before; a GOMEMLIMIT the user set stands. fit keeps
// the limit for a program whose loaded packages take less than half of
// it, and lifts it for one they take more of, which could not stay
// under it.
func TestLimitMemory(t *testing.T) {
	limit := func() int64 { return debug.SetMemoryLimit(-1) } // -1 reads it
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))

	t.Setenv("GOMEMLIMIT", "")
	debug.SetMemoryLimit(math.MaxInt64)
	m := limitMemory()
	if got := limit(); got != memoryLimit {
		t.Errorf("during the run: memory limit %d, want %d", got, memoryLimit)
	}
	m.fit(346 << 20) // kratos, after loading
	if got := limit(); got != memoryLimit {
		t.Errorf("346 MiB live after loading: memory limit %d, want %d kept", got, memoryLimit)
	}
	m.fit(479 << 20) // ovh/cds, after loading
	if got := limit(); got != memoryLimit {
		t.Errorf("479 MiB live after loading: memory limit %d, want %d kept", got, memoryLimit)
	}
	m.restore()
	if got := limit(); got != math.MaxInt64 {
		t.Errorf("after the run: memory limit %d, want none (%d) back", got, int64(math.MaxInt64))
	}

	m = limitMemory()
	m.fit(600 << 20)
	if got := limit(); got != math.MaxInt64 {
		t.Errorf("600 MiB live after loading: memory limit %d, want it lifted (%d)", got, int64(math.MaxInt64))
	}
	m.restore() // a second restore changes nothing
	if got := limit(); got != math.MaxInt64 {
		t.Errorf("after the run: memory limit %d, want none (%d)", got, int64(math.MaxInt64))
	}

	t.Setenv("GOMEMLIMIT", "2GiB")
	debug.SetMemoryLimit(2 << 30)
	m = limitMemory()
	if got := limit(); got != 2<<30 {
		t.Errorf("with GOMEMLIMIT=2GiB: memory limit %d, want the user's %d", got, 2<<30)
	}
	m.fit(1500 << 20)
	if got := limit(); got != 2<<30 {
		t.Errorf("with GOMEMLIMIT=2GiB, 1500 MiB live: memory limit %d, want the user's %d", got, 2<<30)
	}
	m.restore()
	if got := limit(); got != 2<<30 {
		t.Errorf("with GOMEMLIMIT=2GiB, after the run: memory limit %d, want %d", got, 2<<30)
	}
}

// liveHeap reads what the last collection found live: at least what a
// value kept alive across it takes.
func TestLiveHeap(t *testing.T) {
	keep := make([]byte, 64<<20)
	runtime.GC()
	if got := liveHeap(); got < 64<<20 {
		t.Errorf("liveHeap = %d with 64 MiB held, want at least %d", got, 64<<20)
	}
	runtime.KeepAlive(keep)
}
