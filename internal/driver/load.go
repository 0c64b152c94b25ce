package driver

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/internal/codekind"
	"github.com/sqlheat/sqlheat/internal/report"
)

// loaded is the result of load: the packages to analyze and which of them
// the user asked about.
type loaded struct {
	pkgs      []*packages.Package
	requested map[string]bool // package paths matched by the user's patterns
	// unmatched are the patterns that matched no package; badPatterns
	// the go command's errors about patterns that name nothing that
	// exists (a directory, a package of no module).
	unmatched   []string
	badPatterns []string
	// lostTo maps each package that cannot be analyzed to the package
	// whose errors it is lost to: itself, or a package it imports. The
	// errors of those are in failed.
	lostTo map[*packages.Package]*packages.Package
	failed map[*packages.Package][]loadError
	// types are the types of every package of the program by path,
	// dependencies of dependencies included (see checkSettings).
	types map[string]*types.Package
	// warnings are the settings' warnings and embeds', for the report.
	warnings []report.Problem
	// embeds are the errors of //go:embed directives whose files are
	// missing, which lose no package (see lost).
	embeds []loadError
	// local are the local modules the program imports, and which of
	// their packages were loaded with the main module's (localmods.go).
	local []*localModule
	// excluded are the files with database code the build tags left
	// out (buildtags.go); nil when none.
	excluded *report.ExcludedByTags
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
	for _, p := range ld.unmatched {
		r.errorf("warning: %q matched no packages", p) // as the go command says it
	}
	code := ExitClean
	for _, msg := range ld.badPatterns {
		r.errorf("%s", msg)
		code = ExitUsage
	}
	if len(ld.requested) == 0 {
		r.errorf("no packages to analyze")
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
	for _, e := range ld.embeds {
		p := report.Problem{File: r.rel(e.file), Line: e.line, Column: e.col,
			Message: e.msg + ": analyzed without the files this //go:embed names (made by a build step of their own?)"}
		ld.warnings = append(ld.warnings, p)
		r.errorf("%s", p)
		r.shown[p.String()] = true
	}
	ld.excluded = excludedByTags(ld.pkgs, r.o.tags, r.rel)
	return ld, code
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
//
// The packages of local modules that the main module imports are loaded
// from source with it (see localmods.go), and are requested when a
// requested package imports them.
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
	asked, patterns, l.badPatterns = patternErrors(asked, patterns)
	if l.unmatched, err = unmatched(&names, patterns, asked); err != nil {
		return nil, err
	}
	if len(asked) == 0 {
		return l, nil // nothing to load
	}
	all := slices.Clone(patterns)
	mods := map[string]string{} // main module path to directory
	var goMods []string
	for _, p := range asked {
		l.requested[p.PkgPath] = true
		if m := p.Module; m != nil && m.Main && mods[m.Path] == "" {
			mods[m.Path] = m.Dir
			goMods = append(goMods, m.GoMod)
			all = append(all, m.Path+"/...")
		}
	}

	// 2. Which packages of local modules do they import? (localmods.go)
	taken := map[string]bool{}
	if mayHaveLocalModules(cfg, goMods) {
		if l.local, err = localPackages(cfg, all, mods, l.requested); err != nil {
			return nil, err
		}
		for _, lm := range l.local {
			for _, path := range lm.pkgs {
				if !slices.ContainsFunc(asked, func(p *packages.Package) bool { return p.PkgPath == path }) {
					taken[path] = true // (the tests of a package named are analyzed)
					all = append(all, path)
				}
			}
		}
	}

	// 3. Load them with syntax and types; dependencies from export data.
	full := *cfg
	full.Mode = packages.LoadSyntax | packages.NeedModule
	full.ParseFile = parseFile
	pkgs, err := packages.Load(&full, all...)
	if err != nil {
		return nil, err
	}
	pkgs = dropTests(pkgs, taken)
	trimTestVariants(pkgs)
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
	l.lostTo, l.failed, l.embeds = lost(pkgs, cfg.Dir)
	return l, nil
}

// trimTestVariants leaves to each test variant of a package ("p
// [p.test]") its test files alone: their syntax, and what the type
// checker recorded of them. The variant type-checks the package's other
// files again, into objects of its own, but what they hold is the
// package's, which is loaded too and analyzed: a finding there is found
// in the package, and the passes run on the variant for what its tests
// add. Kept whole, the variants' record of every expression of those
// files (types.Info) was the largest part of what loading keeps on a
// service with in-package tests: on seaweedfs (232 packages, a third of
// its lines in tests) trimming them took the heap left after loading
// from 846 to 689 MiB, the highest live heap from 1239 to 1118 MiB and
// the peak RSS from 1.94 to 1.71 GB, the report the same (on chainloop,
// 175 packages: 332 to 306 MiB after loading, 886 to 878 MB peak RSS).
//
// What that costs: a test's call of a function of its own package is a
// call of a function the variant's passes do not see the body of, as
// one of another package's without facts.
func trimTestVariants(pkgs []*packages.Package) {
	for _, p := range pkgs {
		if !isTestVariant(p) || p.TypesInfo == nil {
			continue
		}
		test := map[*token.File]bool{}
		var files []*ast.File
		for _, f := range p.Syntax {
			if tf := p.Fset.File(f.FileStart); tf != nil && codekind.TestFile(tf.Name()) {
				test[tf] = true
				files = append(files, f)
			}
		}
		if len(files) == len(p.Syntax) {
			continue // an external test package, a test main
		}
		p.Syntax = files
		in := func(n ast.Node) bool { return test[p.Fset.File(n.Pos())] }
		info := p.TypesInfo
		info.Types = kept(info.Types, in)
		info.Defs = kept(info.Defs, in)
		info.Uses = kept(info.Uses, in)
		info.Implicits = kept(info.Implicits, in)
		info.Selections = kept(info.Selections, in)
		info.Scopes = kept(info.Scopes, in)
		info.Instances = kept(info.Instances, in)
		info.FileVersions = kept(info.FileVersions, in)
	}
}

// kept is a copy of m with the entries whose key in says to keep: a new
// map, as deleting leaves a map's memory as large as it was.
func kept[K interface {
	comparable
	ast.Node
}, V any](m map[K]V, in func(ast.Node) bool) map[K]V {
	if m == nil {
		return nil
	}
	out := map[K]V{}
	for k, v := range m {
		if in(k) {
			out[k] = v
		}
	}
	return out
}

// parseFile parses a file of a package loaded from source as go/packages
// does by default, but without the parser's object resolution: nothing
// reads ast.Ident.Obj or ast.File.Scope (go/types, go/ssa and the passes
// resolve names through types.Info), and the objects and scopes it makes
// for every file of the module, tests included, were kept for the whole
// run (on kratos, about 20 of the 354 MiB the loaded packages hold).
func parseFile(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
}

// patternErrors takes out of pkgs the go command's stand-ins for patterns
// that name nothing that exists — a directory that is not there, an
// import path no module provides —, which carry its error and the
// pattern as their ID, and out of patterns those patterns. It returns
// what is left and the errors, one line each.
func patternErrors(pkgs []*packages.Package, patterns []string) (kept []*packages.Package, good, errs []string) {
	bad := map[string]bool{}
	for _, p := range pkgs {
		if p.Name == "" && len(p.Errors) > 0 && slices.Contains(patterns, p.ID) {
			bad[p.ID] = true
			for _, e := range p.Errors {
				errs = append(errs, oneLine(e.Msg))
			}
			continue
		}
		kept = append(kept, p)
	}
	for _, p := range patterns {
		if !bad[p] {
			good = append(good, p)
		}
	}
	return kept, good, errs
}

// unmatched returns the patterns that matched no package; asked are the
// packages all of them matched together. The go command only warns about
// such a pattern on its stderr, which go/packages drops, so a pattern
// with a wildcard is asked about alone — when there are others: alone, it
// matched nothing exactly when nothing was found. (A pattern without one
// that names nothing is a package with an error, reported as such.)
func unmatched(cfg *packages.Config, patterns []string, asked []*packages.Package) ([]string, error) {
	if len(asked) == 0 {
		return patterns, nil
	}
	var out []string
	for _, p := range patterns {
		if len(patterns) == 1 || !strings.Contains(p, "...") {
			continue
		}
		pkgs, err := packages.Load(cfg, p)
		if err != nil {
			return nil, err
		}
		if len(pkgs) == 0 {
			out = append(out, p)
		}
	}
	return out, nil
}

// typeChecked are the packages that can be analyzed: without errors, and
// importing none that has some. A package with type errors still has
// syntax and partial types, but analyzers would see half-resolved code,
// so it is skipped as go vet skips it, and so are the packages that
// import it, whose analysis needs its facts (see lost; the collector's
// loadErrors reports them).
func (l *loaded) typeChecked() []*packages.Package {
	var ok []*packages.Package
	for _, p := range l.pkgs {
		if l.lostTo[p] == nil {
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
