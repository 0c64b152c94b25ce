package driver

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
)

// bound lets no more passes of a suite run at once than it is given, and
// leaves the analyzers the suite was made from as they were.
func TestBound(t *testing.T) {
	t.Parallel()
	var running, most atomic.Int32
	release := make(chan struct{})
	run := func(*analysis.Pass) (any, error) {
		n := running.Add(1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		<-release
		running.Add(-1)
		return nil, nil
	}
	original := &analysis.Analyzer{Name: "original", Doc: "shared", Run: run}
	copied := &analysis.Analyzer{Name: "copy", Doc: "the suite's", Run: run, Requires: []*analysis.Analyzer{original}}
	bound([]*analysis.Analyzer{copied}, []*analysis.Analyzer{original}, 2)
	if reflect.ValueOf(original.Run).Pointer() != reflect.ValueOf(run).Pointer() {
		t.Fatal("bound changed an analyzer the suite was made from")
	}

	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() { copied.Run(nil) })
	}
	// Two passes start; had the others not been held back, they would
	// have started by the time the two are let go.
	for running.Load() < 2 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond)
	close(release)
	wg.Wait()
	if got := most.Load(); got != 2 {
		t.Errorf("%d passes ran at once, want 2", got)
	}
}

// With SQLHEAT_MEMTRACE naming a directory, each phase says what it
// leaves on the heap, and the profiles are written there; the report is
// the same.
func TestMemTrace(t *testing.T) {
	args := []string{"-C", "testdata/unresolved", "-format", "json", "./..."}
	var plain bytes.Buffer
	run(args, &plain, io.Discard, nil)
	dir := t.TempDir()
	t.Setenv("SQLHEAT_MEMTRACE", dir)
	var stdout, stderr bytes.Buffer
	run(args, &stdout, &stderr, nil)
	var phases []string
	for _, line := range strings.Split(stderr.String(), "\n") {
		if rest, ok := strings.CutPrefix(line, "memtrace: "); ok {
			phases = append(phases, strings.Fields(rest)[0])
		}
		// What the go command used is told apart from sqlheat's own: it
		// has run by the end of loading, and its largest process is
		// not this one.
		if _, _, ok := usage(children); ok && strings.HasPrefix(line, "memtrace: load ") {
			var cpu float64
			var mib int
			_, rest, _ := strings.Cut(line, "| ")
			if _, err := fmt.Sscanf(rest, "go command: cpu %fs  largest process %d MiB", &cpu, &mib); err != nil || cpu <= 0 || mib <= 0 {
				t.Errorf("the load line does not say what the go command used (%v): %q", err, line)
			}
		}
	}
	if want := []string{"load", "program", "analyze", "collect", "finish"}; !slices.Equal(phases, want) {
		t.Errorf("phases traced: %v, want %v\n%s", phases, want, stderr.String())
	}
	for _, name := range []string{"load", "finish", "peak"} {
		if _, err := os.Stat(filepath.Join(dir, name+".pprof")); err != nil {
			t.Errorf("no %s profile: %v", name, err)
		}
	}
	if stdout.String() != plain.String() {
		t.Errorf("the report traced differs:\n%s\nuntraced:\n%s", stdout.String(), plain.String())
	}
}
