package driver

import (
	"fmt"
	"go/types"

	"golang.org/x/tools/go/analysis/checker"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/passes/queries"
	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// interfaceFindings resolves calls through interface methods in data loops
// to the implementations in the program that issue queries — what no
// per-package runner can do, since a controller rarely imports the store
// implementation it is handed in main. It is class-hierarchy analysis:
// every concrete type of the loaded packages that implements the
// interface is a candidate, so the findings say "possible".
func interfaceFindings(graph *checker.Graph, ld *loaded, rel func(string) string) []report.Finding {
	summaries := map[*types.Func]*queries.IssuesQueries{}
	var types_ []*types.Named
	var calls []struct {
		act  *checker.Action
		call *queries.Call
	}
	for act := range graph.All() {
		if !act.IsRoot || act.Analyzer != queries.Analyzer {
			continue
		}
		res, _ := act.Result.(*queries.Result)
		if res == nil {
			continue
		}
		for fn, s := range res.Summaries {
			summaries[fn] = s
		}
		if ld.isRequested(act.Package) {
			for _, c := range res.InterfaceCalls {
				calls = append(calls, struct {
					act  *checker.Action
					call *queries.Call
				}{act, c})
			}
		}
		scope := act.Package.Types.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			if n, ok := tn.Type().(*types.Named); ok && !types.IsInterface(n) && n.TypeParams().Len() == 0 {
				types_ = append(types_, n)
			}
		}
	}
	if len(calls) == 0 {
		return nil
	}
	var out []report.Finding
	seen := map[string]bool{}
	for _, c := range calls {
		m := c.call.Method
		iface, _ := m.Type().(*types.Signature).Recv().Type().Underlying().(*types.Interface)
		if iface == nil {
			continue
		}
		var impls []queryinloop.Impl
		implSeen := map[*types.Func]bool{}
		for _, t := range types_ {
			var recv types.Type = t
			if !types.Implements(recv, iface) {
				recv = types.NewPointer(t)
				if !types.Implements(recv, iface) {
					continue
				}
			}
			obj, _, _ := types.LookupFieldOrMethod(recv, true, m.Pkg(), m.Name())
			fn, ok := obj.(*types.Func)
			if !ok || implSeen[fn.Origin()] {
				continue
			}
			implSeen[fn.Origin()] = true
			if s := summaries[fn.Origin()]; s != nil && len(s.Queries) > 0 {
				impls = append(impls, queryinloop.Impl{Name: queries.FuncName(fn), Summary: s})
			}
		}
		d, det, ok := queryinloop.Possible(c.act.Package.Fset, c.act.Package.Types, c.act.Package.TypesInfo, c.call, impls)
		if !ok {
			continue
		}
		f := makeFinding(c.act, d, det, rel)
		f.Check = queryinloop.Analyzer.Name
		// One level below a certain N+1 of the same kind.
		sev := analyzer.SeverityOf(f.Check, d.Category)
		if sev > analyzer.Low {
			sev--
		}
		f.Severity = sev.String()
		key := fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)
		if !seen[key] { // test variants share files
			seen[key] = true
			out = append(out, f)
		}
	}
	return out
}
