package driver

import (
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/program"
	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// buildProgram builds the whole-program graph (package program) of the
// packages the checker analyzed, from the queries pass's results. When it
// cannot be built, the problem is reported and the run goes on with what
// the passes found on their own (nil).
func buildProgram(graph *checker.Graph, pkgs []*packages.Package, rep *report.Report) *program.Program {
	results := map[*packages.Package]*queries.Result{}
	for act := range graph.All() {
		if act.Analyzer == queries.Analyzer {
			if res, _ := act.Result.(*queries.Result); res != nil {
				results[act.Package] = res
			}
		}
	}
	prog, err := program.Build(pkgs, func(p *packages.Package) *queries.Result { return results[p] })
	if err != nil {
		rep.Errors = append(rep.Errors, report.Problem{Message: err.Error() + " (routes and findings are from each package alone)"})
		rep.Stats.InternalErrors++
		return nil
	}
	for _, s := range prog.Skipped() {
		rep.Errors = append(rep.Errors, report.Problem{Message: "call graph: left out " + s})
	}
	return prog
}

// routeQueries is the route inventory's list of what a request of the
// route runs, from the graph.
func routeQueries(prog *program.Program, e *program.Entry, rel func(string) string) []report.RouteQuery {
	var out []report.RouteQuery
	for _, q := range prog.Queries(e) {
		pos := prog.Fset.Position(q.Site.Call.Pos())
		rq := report.RouteQuery{
			File:       rel(pos.Filename),
			Line:       pos.Line,
			PerRequest: finding.Multiplicity(q.Depth),
			From:       q.From,
		}
		if q.Site.Resolved {
			rq.SQL, rq.Fingerprint = q.Site.SQL, q.Site.Fingerprint()
		}
		for _, f := range q.Via {
			rq.Via = append(rq.Via, f.Name)
		}
		out = append(out, rq)
	}
	return out
}
