package driver

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/internal/suppress"
	"github.com/sqlheat/sqlheat/passes/ignores"
	"github.com/sqlheat/sqlheat/passes/queries"
	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// interfaceFindings resolves calls through interface methods in data loops
// to the implementations in the program that issue queries — what no
// per-package runner can do, since a controller rarely imports the store
// implementation it is handed in main. It is class-hierarchy analysis:
// every concrete type of the loaded packages that implements the
// interface is a candidate, so the findings say "possible".
//
// The findings pass the package's suppression filter, as the passes' do;
// used are the places ("file:line:col") of the comments that silenced one.
func interfaceFindings(graph *checker.Graph, ld *loaded, rel func(string) string) (out []report.Finding, used map[string]bool) {
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
		return nil, nil
	}
	seen := map[string]bool{}
	used = map[string]bool{}
	filters := map[*packages.Package]*suppress.Filter{}
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
		pkg := c.act.Package
		pf, ok := queryinloop.Possible(pkg.Fset, pkg.Types, pkg.TypesInfo, c.call, impls)
		if !ok {
			continue
		}
		flt := filters[pkg]
		if flt == nil {
			flt = suppress.NewFilter(pkg.Fset, pkg.Syntax, nil)
			filters[pkg] = flt
		}
		if pf.Silenced(flt, queryinloop.Analyzer.Name) {
			for _, p := range flt.Used() {
				used[posKey(pkg.Fset.Position(p), rel)] = true
			}
			continue
		}
		f := makeFinding(queryinloop.Analyzer.Name, pkg, &pf, rel)
		key := fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)
		if !seen[key] { // test variants share files
			seen[key] = true
			out = append(out, f)
		}
	}
	return out, used
}

// posKey is a place as "file:line:col", the file relative to the root.
func posKey(p token.Position, rel func(string) string) string {
	return fmt.Sprintf("%s:%d:%d", rel(p.Filename), p.Line, max(p.Column, 1))
}

// retractUnused drops the findings of the ignores check that call a
// comment unused when the comment silenced a finding the driver made:
// the pass could not know it would.
func retractUnused(rep *report.Report, used map[string]bool) {
	if len(used) == 0 {
		return
	}
	rep.Findings = slices.DeleteFunc(rep.Findings, func(f report.Finding) bool {
		return f.Check == ignores.Analyzer.Name && f.Kind == "unused" && used[fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)]
	})
}
