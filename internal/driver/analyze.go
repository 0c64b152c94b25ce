package driver

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/passes/config"
)

// standalone is what the driver says of itself to the passes: one
// process holds the whole program, so they may record what only a
// whole-program driver resolves (calls through interfaces).
var standalone = config.Host{WholeProgram: true}

// newSuite returns the run's own copy (config.Suite) of the foundation
// passes, whose results the collector reads, and of checks, whose
// findings it reports; isCheck tells the copies of checks. The command
// line sets the flags of these copies, and of nothing else.
func newSuite(checks []*analysis.Analyzer) (suite []*analysis.Analyzer, isCheck map[*analysis.Analyzer]bool) {
	foundations := analyzer.Foundations()
	suite = config.Suite(standalone, append(foundations, checks...)...)
	isCheck = map[*analysis.Analyzer]bool{}
	for _, a := range suite[len(foundations):] {
		isCheck[a] = true
	}
	return suite, isCheck
}

// analyze runs the suite over pkgs in one process: facts cross packages
// in memory, and every result stays available to the collector.
//
// The passes run one at a time. go/analysis/checker, in parallel, starts
// a goroutine for every edge of its graph of actions (a pass on a
// package needs the passes it requires on it, and the passes that use
// facts on each of its imports) before any of them runs, and most wait
// for a pass another one is running: on kratos (178 packages and their
// tests, 62,630 edges) 40,000 goroutines at once, whose stacks took
// 89 MiB, and the runtime keeps their 19 MiB of descriptors for the rest
// of the run. Only GOMAXPROCS passes ran at a time anyway (each one that
// started held what it had built so far). One at a time, kratos's peak
// RSS fell from 1018 to 909 MB (medians), reports the same and CPU time
// within the noise; the cost is wall time where CPUs are to spare (the
// collector still uses them).
func (r *runner) analyze(pkgs []*packages.Package) (*checker.Graph, error) {
	return checker.Analyze(r.suite, pkgs, &checker.Options{Sequential: true})
}
