package driver

import (
	"go/types"

	"golang.org/x/tools/go/analysis/checker"

	"github.com/sqlheat/sqlheat/passes/queries"
	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// ifaceCall is a call through an interface method in a data loop, in the
// package of act.
type ifaceCall struct {
	act  *checker.Action
	call *queries.Call
}

// interfaceCalls resolves calls through interface methods in data loops
// to the implementations in the program that issue queries — what no
// per-package runner can do, since a controller rarely imports the store
// implementation it is handed in main. It is class-hierarchy analysis:
// every concrete type of the loaded packages that implements the
// interface is a candidate, so the findings say "possible". They wait in
// c.made for finish's suppress, like every finding the driver makes.
func (c *collector) interfaceCalls(g *checker.Graph) {
	summaries := map[*types.Func]*queries.IssuesQueries{}
	var named []*types.Named
	var calls []ifaceCall
	for act := range g.All() {
		res, _ := act.Result.(*queries.Result)
		if !act.IsRoot || res == nil {
			continue
		}
		for fn, s := range res.Summaries {
			summaries[fn] = s
		}
		if c.ld.isRequested(act.Package) {
			for _, call := range res.InterfaceCalls {
				calls = append(calls, ifaceCall{act, call})
			}
		}
		named = append(named, concreteTypes(act.Package.Types)...)
	}
	for _, ic := range calls {
		pkg := ic.act.Package
		impls := implementations(ic.call.Method, named, summaries)
		if f, ok := queryinloop.Possible(pkg.Fset, pkg.Types, pkg.TypesInfo, ic.call, impls); ok {
			c.made = append(c.made, made{check: queryinloop.Analyzer.Name, pkg: pkg, f: f})
		}
	}
}

// concreteTypes are the named, non-generic, non-interface types declared
// at the top of pkg.
func concreteTypes(pkg *types.Package) []*types.Named {
	var out []*types.Named
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok && !types.IsInterface(n) && n.TypeParams().Len() == 0 {
			out = append(out, n)
		}
	}
	return out
}

// implementations are the methods of named types (or of pointers to them)
// that implement interface method m and issue queries.
func implementations(m *types.Func, named []*types.Named, summaries map[*types.Func]*queries.IssuesQueries) []queryinloop.Impl {
	iface, _ := m.Type().(*types.Signature).Recv().Type().Underlying().(*types.Interface)
	if iface == nil {
		return nil
	}
	var impls []queryinloop.Impl
	seen := map[*types.Func]bool{}
	for _, t := range named {
		var recv types.Type = t
		if !types.Implements(recv, iface) {
			recv = types.NewPointer(t)
			if !types.Implements(recv, iface) {
				continue
			}
		}
		obj, _, _ := types.LookupFieldOrMethod(recv, true, m.Pkg(), m.Name())
		fn, ok := obj.(*types.Func)
		if !ok || seen[fn.Origin()] {
			continue
		}
		seen[fn.Origin()] = true
		if s := summaries[fn.Origin()]; s != nil && len(s.Queries) > 0 {
			impls = append(impls, queryinloop.Impl{Name: queries.FuncName(fn), Summary: s})
		}
	}
	return impls
}
