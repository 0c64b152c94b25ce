package driver

import (
	"runtime"

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
	bound(suite, append(foundations, checks...), runtime.GOMAXPROCS(0))
	return suite, isCheck
}

// bound lets at most n passes of the suite run at once (n is the number
// of CPUs Go uses). go/analysis/checker starts every action at once, and
// the scheduler shares the CPUs among all those whose prerequisites are
// done: on two CPUs, dozens of passes were half-way through at a time,
// each holding what it had built so far (an inspector, a resolver), which
// raised the peak memory of a 130-package service by a sixth. Bounded, a
// pass that starts runs to its end, with as many at a time as there are
// CPUs to run them. Only the suite's own copies are changed (originals
// are the analyzers it was made from, shared with every other run in the
// process); a pass never waits for another inside Run, so this cannot
// deadlock.
func bound(suite, originals []*analysis.Analyzer, n int) {
	shared := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer, into map[*analysis.Analyzer]bool)
	visit = func(a *analysis.Analyzer, into map[*analysis.Analyzer]bool) {
		if into[a] {
			return
		}
		into[a] = true
		for _, r := range a.Requires {
			visit(r, into)
		}
	}
	for _, a := range originals {
		visit(a, shared)
	}
	ours := map[*analysis.Analyzer]bool{}
	for _, a := range suite {
		visit(a, ours)
	}
	sem := make(chan struct{}, n)
	for a := range ours {
		if shared[a] {
			continue
		}
		run := a.Run
		a.Run = func(pass *analysis.Pass) (any, error) {
			sem <- struct{}{}
			defer func() { <-sem }()
			return run(pass)
		}
	}
}

// analyze runs the suite over pkgs in one process: facts cross packages
// in memory, and every result stays available to the collector.
func (r *runner) analyze(pkgs []*packages.Package) (*checker.Graph, error) {
	return checker.Analyze(r.suite, pkgs, &checker.Options{})
}
