package driver

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
)

// The passes run one at a time, and the checker starts no goroutine per
// edge of its graph: in parallel, the goroutines waiting for a pass grew
// with the program (40,000 on a 178-package service).
func TestAnalyzeSequential(t *testing.T) {
	var running, most atomic.Int32
	var before, highest atomic.Int64
	before.Store(int64(runtime.NumGoroutine()))
	probe := &analysis.Analyzer{
		Name: "probe",
		Doc:  "counts the passes and goroutines running",
		Run: func(*analysis.Pass) (any, error) {
			n := running.Add(1)
			defer running.Add(-1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			g := int64(runtime.NumGoroutine())
			for h := highest.Load(); g > h && !highest.CompareAndSwap(h, g); h = highest.Load() {
			}
			time.Sleep(time.Millisecond) // room for a pass that would overlap
			return nil, nil
		},
	}
	if _, code, stderr := runJSON(t, []*analysis.Analyzer{probe}, "-C", "testdata/inventory", "./..."); code != ExitClean {
		t.Fatalf("exit code %d:\n%s", code, stderr)
	}
	if got := most.Load(); got != 1 {
		t.Errorf("%d passes ran at once, want 1", got)
	}
	// The trace's watcher, the collector's workers: a few, not one per
	// edge (in parallel, over a hundred here).
	if grew := highest.Load() - before.Load(); grew > 20 {
		t.Errorf("%d goroutines more while the passes ran, want a few", grew)
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
