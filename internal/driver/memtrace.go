package driver

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
	"time"
)

// memTrace says where a run's memory goes, for whoever works on sqlheat:
// with SQLHEAT_MEMTRACE set to a directory, each phase of the run prints
// on stderr the live heap it leaves (after a collection it forces), the
// highest live heap so far and the process's peak RSS (and, apart, the
// go command's: see phase), and writes a heap
// profile of what it leaves (load.pprof, ...) and of the highest live heap
// (peak.pprof) in that directory. The peak of the heap is about twice the
// highest live heap while loading (GOGC=100), (100+gcPercent)% of it
// after; GOGC=10 makes that high mark finer (and,
// set, stands for the whole run).
// -memprofile writes one profile at the end, when most of the program is
// garbage.
//
// The forced collections change the peak a little: a tool for finding
// what a phase keeps, not for measuring.
type memTrace struct {
	dir   string
	start time.Time
	w     io.Writer

	mu   sync.Mutex
	peak uint64 // the highest live heap seen after a collection
	// The highest seen of: the goroutines, the memory their stacks
	// take, and all the memory the runtime holds from the system
	// (heap, stacks and the rest: what RSS measures, but for memory
	// not yet touched or given back).
	goroutines, stacks, total uint64
	done, exited              chan struct{}
}

// newMemTrace returns the run's trace, nil when SQLHEAT_MEMTRACE is not set.
func newMemTrace(w io.Writer) *memTrace {
	dir := os.Getenv("SQLHEAT_MEMTRACE")
	if dir == "" {
		return nil
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		fmt.Fprintf(w, "sqlheat: SQLHEAT_MEMTRACE: %v\n", err)
		return nil
	}
	t := &memTrace{dir: dir, start: time.Now(), w: w, done: make(chan struct{}), exited: make(chan struct{})}
	go t.watch()
	return t
}

// stop ends the trace, once the profile being written is.
func (t *memTrace) stop() {
	if t != nil {
		close(t.done)
		<-t.exited
	}
}

// watch follows the live heap after each collection, and writes
// peak.pprof when it is the highest yet: a heap profile is of the last
// collection, the one that measured it.
func (t *memTrace) watch() {
	defer close(t.exited)
	s := []metrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/sched/goroutines:goroutines"},
		{Name: "/memory/classes/heap/stacks:bytes"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-t.done:
			return
		case <-tick.C:
		}
		metrics.Read(s)
		live := s[0].Value.Uint64()
		t.mu.Lock()
		t.goroutines = max(t.goroutines, s[1].Value.Uint64())
		t.stacks = max(t.stacks, s[2].Value.Uint64())
		t.total = max(t.total, s[3].Value.Uint64()-s[4].Value.Uint64())
		if live > t.peak+t.peak/50 { // 2% higher: not a profile per collection
			t.peak = live
			t.profile("peak")
		}
		t.mu.Unlock()
	}
}

// phase records the end of a phase of the run: its time since the start
// (wall and this process's CPU), the heap, this process's peak RSS, and
// the CPU and largest peak RSS of the child processes: the go command,
// which builds the export data of every dependency the first time (a
// cold build cache), as go vet does, so that a measure of the whole
// command's peak RSS (/usr/bin/time's) is not taken for sqlheat's.
func (t *memTrace) phase(name string) {
	if t == nil {
		return
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	t.mu.Lock()
	defer t.mu.Unlock()
	cpu, rss, ok := usage(self)
	ccpu, crss, _ := usage(children)
	if !ok {
		fmt.Fprintf(t.w, "memtrace: %-8s %6.1fs  live %4d MiB  highest live %4d MiB\n",
			name, time.Since(t.start).Seconds(), m.HeapAlloc>>20, max(t.peak, m.HeapAlloc)>>20)
	} else {
		fmt.Fprintf(t.w, "memtrace: %-8s %6.1fs  cpu %6.1fs  live %4d MiB  highest live %4d MiB  peak RSS %4d MiB (runtime %4d MiB, stacks %3d MiB for %d goroutines)  | go command: cpu %6.1fs  largest process %4d MiB\n",
			name, time.Since(t.start).Seconds(), cpu.Seconds(), m.HeapAlloc>>20, max(t.peak, m.HeapAlloc)>>20, rss>>20, t.total>>20, t.stacks>>20, t.goroutines, ccpu.Seconds(), crss>>20)
	}
	t.profile(name)
}

// profile writes the heap profile name.pprof.
func (t *memTrace) profile(name string) {
	f, err := os.Create(filepath.Join(t.dir, name+".pprof"))
	if err != nil {
		return
	}
	defer f.Close()
	pprof.WriteHeapProfile(f)
}
