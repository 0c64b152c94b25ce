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
func (r *runner) analyze(pkgs []*packages.Package) (*checker.Graph, error) {
	return checker.Analyze(r.suite, pkgs, &checker.Options{})
}
