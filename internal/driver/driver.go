// Package driver is sqlheat's standalone command: it loads packages with
// go/packages, runs the suite with go/analysis/checker in one process (so
// facts cross packages in memory), and turns what the passes found into a
// ranked report.
//
// go vet runs the same analyzers one package per process through
// unitchecker; the standalone driver exists for what a per-package runner
// cannot do: join findings with routes and a traffic profile, rank them,
// count what could not be resolved across the program, and write JSON,
// SARIF or Markdown.
//
// A run is a sequence of phases, one file each:
//
//	flags.go    the command line, which configures the run
//	load.go     load the packages (module packages from source, and the
//	            packages of local modules they import: localmods.go; the
//	            rest from export data); refuse code newer than our Go
//	analyze.go  the run's own copy of the suite (config.Suite), run over
//	            the packages that type-check
//	graph.go    build the program's call graph (internal/program) before
//	            the passes run, and join it to what they found
//	collect.go  gather the results into the report, one method per kind
//	            of result: findings, query sites, routes (routes.go),
//	            schema (catalog.go), settings, fixes (fix.go), and what
//	            only the whole program shows (graph.go): each route's
//	            queries, each finding's role, N+1s through interfaces
//	finish.go   fix, suppress, dedupe, baseline and -new-from-rev, ask a
//	            live database (live.go), link findings to routes, rank
//	render.go   write the report in the chosen format
//
// (vet.go is the other mode of the same binary: go vet's unitchecker;
// memtrace.go says what each phase leaves on the heap, for whoever works
// on sqlheat's memory.)
//
// Every finding passes one suppression filter (check.Finding.Silenced):
// a check's inside its pass, through check.Reporter, since go vet prints
// what a pass reports as soon as it does; the driver's own in finish.go's
// suppress. Findings are ranked in one place, finish.go's rank, by
// internal/rank. The exit code only goes up as the run goes on (as in
// x/tools' checker): a later phase never hides what an earlier one found.
package driver

import (
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/report"
)

// Exit codes, as DESIGN.md fixes them.
const (
	ExitClean    = 0 // no finding at or above -fail-on
	ExitFindings = 1 // findings at or above -fail-on
	ExitUsage    = 2 // bad flags, or packages that could not be loaded
	ExitInternal = 3 // a pass panicked (reported as an internal error)
)

// Main runs the standalone driver with args (without the program name) and
// returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	return run(args, stdout, stderr, analyzer.Analyzers())
}

// run runs checks (and the foundation passes) as the command line args
// asks.
func run(args []string, stdout, stderr io.Writer, checks []*analysis.Analyzer) (code int) {
	exitAtLeast := func(c int) { code = max(code, c) }
	r, done, c := newRun(args, stdout, stderr, checks)
	if done {
		return c
	}
	stop, err := r.profile()
	if err != nil {
		r.errorf("%v", err)
		return ExitUsage
	}
	defer stop()
	limit := limitMemory()
	defer limit.restore()
	mt := newMemTrace(r.stderr)
	defer mt.stop()

	ld, c := r.load()
	mt.phase("load")
	exitAtLeast(c)
	if ld == nil {
		return code
	}
	rep := &report.Report{Version: report.Version, Tool: report.Tool{Name: "sqlheat", Version: toolVersion()}}
	col := r.newCollector(ld, rep)
	exitAtLeast(col.loadErrors())
	ok := ld.typeChecked()
	if !slices.ContainsFunc(ok, ld.isRequested) {
		return code // nothing to report on: the errors say why
	}
	// What loading left is garbage (the go command's output, the
	// type-checkers' state), and the heap's goal, twice what the last
	// collection found live, was set while the packages were being
	// parsed and checked in parallel; from there the call graph's
	// building grew the heap to the run's peak (on kratos, 813 MB of heap
	// for 345 MB live after loading). A collection here sets the goal
	// from what the load keeps, and the tighter target (see gcPercent)
	// holds from here on.
	runtime.GC()
	limit.fit(liveHeap())
	defer tightenGC()()
	// The program's call graph is built before the passes run, so that
	// the memory building it takes is free again when they do.
	prog := buildProgram(ok, rep)
	// go/ssa's program is garbage now, and the heap's next goal, twice
	// what the last collection found live, was set while it was live: a
	// collection here sets it from what the passes start with instead.
	// On goalert, memos, sftpgo and dex the peak RSS fell by 85 to 200 MB
	// (810 to 615 MB on goalert), for a fraction of a second of CPU.
	runtime.GC()
	mt.phase("program")
	graph, err := r.analyze(ok)
	// What the passes built on the way to their results is garbage now,
	// and it set the heap's goal: a collection here sets it from what the
	// collector reads instead.
	runtime.GC()
	mt.phase("analyze")
	if err != nil {
		r.errorf("%v", err)
		return max(code, ExitInternal)
	}
	col.packages(ok)
	if msg := col.safeGraph(graph, prog, ok); msg != "" {
		// What the collector had gathered is half of a report: make it
		// again, from each package alone, as when the graph cannot be
		// built, and say why.
		*rep = report.Report{Version: report.Version, Tool: rep.Tool}
		col = r.newCollector(ld, rep)
		col.loadErrors()
		rep.Errors = append(rep.Errors, report.Problem{Message: msg})
		rep.Stats.InternalErrors++
		col.packages(ok)
		col.graph(graph, nil, ok)
	}
	mt.phase("collect")
	exitAtLeast(col.exit())
	if err := r.finish(col); err != nil {
		r.errorf("%v", err)
		return max(code, ExitUsage)
	}
	mt.phase("finish")
	r.writeHeapProfile()
	exitAtLeast(r.render(rep))
	exitAtLeast(r.failOn(rep))
	return code
}

// failOn is ExitFindings when a finding is at or above -fail-on.
func (r *runner) failOn(rep *report.Report) int {
	for _, f := range rep.Findings {
		if sev, _ := finding.ParseSeverity(f.Severity); sev >= r.failSev {
			return ExitFindings
		}
	}
	return ExitClean
}

// gcPercent is the collector's target (GOGC) once the packages are
// loaded: the heap may grow to (100+gcPercent)% of what the last
// collection found live.
//
// Why: from then on the run holds every package of the module, tests
// included, with syntax and types, and the passes add what they find;
// under GOGC=100 the heap grew to twice that, and a collection whose
// marking overlapped the passes' work counted as live what they made
// meanwhile. On spicedb (163 packages) the peak RSS was 1.1 GB for a
// highest live heap under 500 MB. Building the call graph (go/ssa's
// program and vta's propagation, on top of the packages) needs as much
// as the passes do: on kratos the heap reached 813 MB there under
// GOGC=100, about 700 MB under this target.
var gcPercent = 50

// tightenGC sets the collector's target to gcPercent, unless GOGC says
// otherwise (the user's choice stands), and returns what restores it.
func tightenGC() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	old := debug.SetGCPercent(gcPercent)
	return func() { debug.SetGCPercent(old) }
}

// memoryLimit is the soft limit on the memory the runtime holds (as
// GOMEMLIMIT sets it) for the whole run: past it the collector runs as
// often as it takes, within half the CPU, to stay under it, so that the
// process's peak RSS stays under 1 GB on a service whose live heap is
// well under that, whatever the heap's goal under gcPercent would be.
//
// It is a backstop, not a target: under it the collector runs as GOGC
// says, and it is lifted for a program too large to stay under it (see
// memLimit.fit). Held lower it costs CPU wherever it binds: on kratos (178
// packages with the tests; peak RSS 851 MB, 24.6 s CPU without a limit)
// a limit of 750 MiB made it 770 MB for 30.0 s, 650 MiB 698 MB for
// 39.7 s. The go command the load starts is a process of its own, out
// of its reach: on a cold build cache, where it compiles magistrala's
// dependencies for their export data as go vet's or go build's would,
// the compiler took 1.25 GB for github.com/redis/go-redis/v9.
const memoryLimit = 900 << 20

// limitMemory sets the runtime's soft memory limit to memoryLimit, unless
// GOMEMLIMIT says otherwise (the user's choice stands); its restore puts
// back what was set before.
func limitMemory() *memLimit {
	if os.Getenv("GOMEMLIMIT") != "" {
		return &memLimit{}
	}
	return &memLimit{set: true, old: debug.SetMemoryLimit(memoryLimit)}
}

// memLimit is the soft memory limit limitMemory set, if it set one.
type memLimit struct {
	set bool
	old int64 // the limit before
}

// fit lifts the limit when live, the heap the loaded packages keep, is
// more than three fifths of it: building the call graph and running the
// passes take the live heap to about one and a half times what loading
// left (kratos: 346 MiB after loading, 524 MiB at the highest; ovh/cds,
// 196 packages: 479 and 758 MiB), so such a program could not stay under
// the limit, and the collector, running without end to try, would take
// up to half the CPU (as GOMEMLIMIT does when the live heap reaches it).
// Under it the collector holds the heap to less than GOGC=50 does, at a
// cost in CPU where the two meet: cds's peak RSS is 942 MiB for 24.5 s
// (39.8 s CPU) under the limit, 1.23 GiB for 17.2 s (23.7 s CPU)
// without it, when it was lifted above half.
func (m *memLimit) fit(live uint64) {
	if m.set && live > memoryLimit/5*3 {
		m.restore()
	}
}

// restore puts back the limit there was before limitMemory, if it set
// one.
func (m *memLimit) restore() {
	if m.set {
		debug.SetMemoryLimit(m.old)
		m.set = false
	}
}

// liveHeap is the heap the last collection found live.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
