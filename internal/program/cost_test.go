package program

import (
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// TestCost measures what the graph costs on a module, next to loading and
// the foundation passes. It runs only when SQLHEAT_GRAPH_DIR names the
// module (it is a measurement, not a check):
//
//	SQLHEAT_GRAPH_DIR=/path/to/module go test -run TestCost -v ./internal/program
//
// SQLHEAT_GRAPH_INITIAL=cha seeds vta with cha.CallGraph over the whole
// program instead of the module-restricted CHA (run each in its own
// process: peak RSS is the process's).
func TestCost(t *testing.T) {
	dir := os.Getenv("SQLHEAT_GRAPH_DIR")
	if dir == "" {
		t.Skip("SQLHEAT_GRAPH_DIR is not set")
	}
	how := initialLazy
	switch os.Getenv("SQLHEAT_GRAPH_INITIAL") {
	case "cha":
		how = initialCHA
	case "vta":
		how = initialVTALazy
	}
	// As the driver: load, build the graph, run the passes, join.
	start, cpu0 := time.Now(), cpuTime()
	pkgs := loadPackages(t, dir)
	loaded, cpuLoaded := time.Since(start), cpuTime()-cpu0
	rssLoaded := peakRSS(t)

	start, cpu0 = time.Now(), cpuTime()
	p, err := build(pkgs, how)
	if err != nil {
		t.Fatal(err)
	}
	built, cpuBuilt := time.Since(start), cpuTime()-cpu0
	runtime.GC()
	var afterGraph runtime.MemStats
	runtime.ReadMemStats(&afterGraph)
	rssBuilt := peakRSS(t)

	start, cpu0 = time.Now(), cpuTime()
	l := analyze(t, pkgs)
	analyzed, cpuAnalyzed := time.Since(start), cpuTime()-cpu0
	rssAnalyzed := peakRSS(t)

	start, cpu0 = time.Now(), cpuTime()
	p.Join(func(q *packages.Package) *queries.Result { return l.queries[q] })
	var entries []*Entry
	for q, res := range l.routes {
		if q.ID != q.PkgPath {
			continue
		}
		for _, r := range res.Routes {
			entries = append(entries, p.RouteEntry(r))
		}
	}
	entries = append(entries, p.Jobs()...)
	entries = append(entries, p.Commands()...)
	entries = append(entries, p.Migrations()...)
	entries = append(entries, p.Startup()...)
	roles := p.Roles(entries)
	ts := TestSupport(pkgs)
	reached, cpuReached := time.Since(start), cpuTime()-cpu0
	n := 0
	for _, q := range pkgs {
		if len(q.Syntax) > 0 && !isTest(q) {
			n++
		}
	}
	t.Logf("module %s: %d packages (%d in the graph, skipped %v)", dir, n, p.Stats.Packages, p.Skipped())
	t.Logf("load: %v wall, %v CPU (this process; go list's is its own), peak RSS %d MB",
		loaded.Round(time.Millisecond), cpuLoaded.Round(time.Millisecond), rssLoaded>>20)
	t.Logf("graph (%s): %v wall, %v CPU (ssa %v, call graph %v wall); peak RSS %d MB; kept %d MB of heap after",
		map[initial]string{initialLazy: "vta over module-restricted CHA", initialVTALazy: "vta over its own lazy CHA", initialCHA: "vta over cha.CallGraph"}[how],
		built.Round(time.Millisecond), cpuBuilt.Round(time.Millisecond), p.Stats.SSA.Round(time.Millisecond), p.Stats.CallGraph.Round(time.Millisecond),
		rssBuilt>>20, afterGraph.HeapAlloc>>20)
	t.Logf("queries and routes passes: %v wall, %v CPU; peak RSS %d MB", analyzed.Round(time.Millisecond), cpuAnalyzed.Round(time.Millisecond), rssAnalyzed>>20)
	t.Logf("join, entries and roles: %v wall, %v CPU; peak RSS %d MB", reached.Round(time.Millisecond), cpuReached.Round(time.Millisecond), peakRSS(t)>>20)
	t.Logf("%d functions (%d not generated), %d calls, %d dynamic, %d resolved to module functions (%d by types alone); %d entries, %d sites with a role, %d test-support packages",
		p.Stats.Funcs, p.Stats.Written, p.Stats.Calls, p.Stats.Dynamic, p.Stats.Resolved, p.Stats.Assumed, len(entries), len(roles), len(ts))
	t.Logf("calls through interfaces with more than one callee: %d traced, %d narrowed, in %v", p.Stats.Traced, p.Stats.Narrowed, p.Stats.Wiring.Round(time.Millisecond))
}

// cpuTime is the user and system time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS is the process's peak resident set (VmHWM), in bytes.
func peakRSS(t testing.TB) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			for _, f := range strings.Fields(rest) {
				for _, c := range f {
					if c < '0' || c > '9' {
						return kb << 10
					}
					kb = kb*10 + int64(c-'0')
				}
				return kb << 10
			}
		}
	}
	return 0
}
