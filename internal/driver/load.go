package driver

import (
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/internal/report"
)

// loaded is the result of load: the packages to analyze and which of them
// the user asked about.
type loaded struct {
	pkgs      []*packages.Package
	requested map[string]bool // package paths matched by the user's patterns
	// types are the types of every package of the program by path,
	// dependencies of dependencies included (see checkSettings).
	types map[string]*types.Package
	// warnings are the settings' warnings, for the report.
	warnings []report.Problem
}

// isRequested reports whether findings in p should be shown. Test
// variants share their package's path; external test packages add _test.
func (l *loaded) isRequested(p *packages.Package) bool {
	return l.requested[strings.TrimSuffix(p.PkgPath, "_test")]
}

// load loads the packages the command line names. A nil result means
// nothing can be analyzed; the problem is on stderr.
func (r *runner) load() (*loaded, int) {
	cfg := &packages.Config{Dir: r.dir, Tests: r.o.tests}
	if r.o.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + r.o.tags}
	}
	ld, err := load(cfg, r.patterns)
	if err != nil {
		r.errorf("%v", err)
		return nil, ExitUsage
	}
	if msg := newerGo(ld.pkgs); msg != "" {
		r.errorf("%s", msg)
		return nil, ExitUsage
	}
	errs, warns := r.checkSettings(ld)
	for _, p := range errs {
		r.errorf("%s", p)
	}
	if len(errs) > 0 {
		return nil, ExitUsage
	}
	ld.warnings = warns
	return ld, ExitClean
}

// load reads the packages to analyze, cheaply.
//
// Type-checking every dependency from source (go/packages' LoadAllSyntax)
// is what makes whole-program analyzers slow and hungry: for a service, most
// of that is the standard library and third-party code, which issues none of
// the user's queries. So only the packages of the main module are loaded
// from source — all of them, even when the patterns name a few, because a
// handler's N+1 is learned from the store package's facts — and every other
// dependency comes from export data, as the compiler would use it.
// Findings are then shown only for the requested packages.
func load(cfg *packages.Config, patterns []string) (*loaded, error) {
	// 1. Which packages did the user ask for, and in which modules?
	names := *cfg
	names.Mode = packages.NeedName | packages.NeedModule
	names.Tests = false
	asked, err := packages.Load(&names, patterns...)
	if err != nil {
		return nil, err
	}
	l := &loaded{requested: map[string]bool{}}
	all := append([]string(nil), patterns...)
	mods := map[string]bool{}
	for _, p := range asked {
		l.requested[p.PkgPath] = true
		if m := p.Module; m != nil && m.Main && !mods[m.Path] {
			mods[m.Path] = true
			all = append(all, m.Path+"/...")
		}
	}

	// 2. Load them with syntax and types; dependencies from export data.
	full := *cfg
	full.Mode = packages.LoadSyntax | packages.NeedModule
	pkgs, err := packages.Load(&full, all...)
	if err != nil {
		return nil, err
	}
	l.types = allTypes(pkgs)
	// Packages loaded from export data have no syntax, and their own
	// imports may not even have types: cut the graph there, so the
	// analysis driver does not walk into them for facts they cannot have.
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Syntax) == 0 {
			p.Imports = nil
		}
	})
	l.pkgs = pkgs
	return l, nil
}

// typeChecked are the packages without errors. A package with type
// errors still has syntax and partial types, but analyzers would see
// half-resolved code, so it is skipped as go vet skips it (its errors
// are reported by the collector's loadErrors).
func (l *loaded) typeChecked() []*packages.Package {
	var ok []*packages.Package
	for _, p := range l.pkgs {
		if len(p.Errors) == 0 {
			ok = append(ok, p)
		}
	}
	return ok
}

// splitPos splits go/packages' "file:line:col" (or "file:line") error
// positions.
func splitPos(pos string) (string, int, bool) {
	rest, last, ok := cutLast(pos)
	if !ok {
		return "", 0, false
	}
	if file, line, ok := cutLast(rest); ok {
		return file, line, true // file:line:col
	}
	return rest, last, true // file:line
}

// cutLast splits "x:N" into x and N.
func cutLast(s string) (string, int, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil {
		return "", 0, false
	}
	return s[:i], n, true
}
