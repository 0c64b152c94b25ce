package program

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/passes/config"
	"github.com/sqlheat/sqlheat/passes/queries"
	"github.com/sqlheat/sqlheat/passes/routes"
)

// loaded is a module loaded as the standalone driver loads it, with the
// results of the foundation passes.
type loaded struct {
	pkgs    []*packages.Package
	queries map[*packages.Package]*queries.Result
	routes  map[*packages.Package]*routes.Result
}

// load loads the module in dir: its packages from source, dependencies
// from export data (their imports cut, as the driver does), and runs the
// queries and routes passes in whole-program mode.
func load(t testing.TB, dir string) *loaded {
	t.Helper()
	return analyze(t, loadPackages(t, dir))
}

// loadPackages loads the module in dir as the driver does: its packages
// from source, dependencies from export data, their imports cut.
func loadPackages(t testing.TB, dir string) []*packages.Package {
	t.Helper()
	dir, _ = filepath.Abs(dir)
	cfg := &packages.Config{Dir: dir, Tests: true, Mode: packages.LoadSyntax | packages.NeedModule}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Syntax) == 0 {
			p.Imports = nil
		}
	})
	return pkgs
}

// analyze runs the queries and routes passes in whole-program mode.
func analyze(t testing.TB, pkgs []*packages.Package) *loaded {
	t.Helper()
	// As the driver: packages that did not load are left to their
	// errors, the rest analyzed.
	var ok []*packages.Package
	for _, p := range pkgs {
		if len(p.Errors) == 0 {
			ok = append(ok, p)
		}
	}
	suite := config.Suite(config.Host{WholeProgram: true}, queries.Analyzer, routes.Analyzer)
	g, err := checker.Analyze(suite, ok, nil)
	if err != nil {
		t.Fatal(err)
	}
	l := &loaded{pkgs: pkgs, queries: map[*packages.Package]*queries.Result{}, routes: map[*packages.Package]*routes.Result{}}
	for act := range g.All() {
		if act.Err != nil {
			// A package importing one that did not load: the driver
			// reports it and goes on, and so do the measurements.
			t.Logf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
			continue
		}
		switch r := act.Result.(type) {
		case *queries.Result:
			l.queries[act.Package] = r
		case *routes.Result:
			l.routes[act.Package] = r
		}
	}
	return l
}

func (l *loaded) build(t testing.TB, how initial) *Program {
	t.Helper()
	p, err := build(l.pkgs, how)
	if err != nil {
		t.Fatal(err)
	}
	p.Join(func(q *packages.Package) *queries.Result { return l.queries[q] })
	return p
}

// rel shortens a position's file to the part after testdata/<module>/.
func rel(file string) string {
	if i := strings.Index(file, "/layered/"); i >= 0 {
		return file[i+len("/layered/"):]
	}
	return filepath.Base(file)
}

// entries are p's entries of every role: the routes of the packages
// (not their test variants), jobs, commands, migrations, start-up and
// the goroutines these start.
func (l *loaded) entries(p *Program) []*Entry {
	var all []*Entry
	for q, res := range l.routes {
		if q.ID == q.PkgPath {
			for _, r := range res.Routes {
				all = append(all, p.RouteEntry(r))
			}
		}
	}
	all = append(all, p.Jobs()...)
	all = append(all, p.Commands()...)
	all = append(all, p.Migrations()...)
	all = append(all, p.Startup()...)
	return append(all, p.Started(all)...)
}
