package driver

import (
	"fmt"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/passes/config"
)

// checkSettings reads the settings of every package asked for before
// anything is analyzed, as the run's settings pass will. Mistakes (a file
// that does not parse, an unknown key or check, a path named that does
// not exist) come back as errs: the run stops on them, as a compiler
// stops on a syntax error, rather than checking less than the team
// thinks. A declared function that no package defines comes back as a
// warning: a settings file shared by several services may name functions
// of packages this one does not build.
func (r *runner) checkSettings(ld *loaded) (errs, warns []report.Problem) {
	var settings *analysis.Analyzer
	for _, a := range r.suite {
		if a.Name == config.Analyzer.Name {
			settings = a
		}
	}
	if settings == nil {
		return nil, nil
	}
	seen := map[string]bool{}
	add := func(list *[]report.Problem, p report.Problem) {
		if k := p.String(); !seen[k] {
			seen[k] = true
			*list = append(*list, p)
		}
	}
	checked := map[string]bool{} // settings files whose functions were looked up
	for _, dir := range packageDirs(ld) {
		c := standalone.LoadFlags(&settings.Flags, dir)
		for _, e := range config.Problems(c.Err) {
			add(&errs, r.problem(e))
		}
		if c.Err != nil || checked[c.File] {
			continue
		}
		checked[c.File] = true
		for _, f := range c.Functions {
			if msg := undefined(f, ld.types); msg != "" {
				add(&warns, r.problem(&config.Error{File: c.File, Line: f.Line, Msg: "functions: " + f.Name + ": " + msg}))
			}
		}
	}
	return errs, warns
}

// undefined says why no package of the program defines f, or "" when one
// does.
func undefined(f config.Function, pkgs map[string]*types.Package) string {
	var loaded []string
	for _, path := range f.PackagePaths() {
		if p := pkgs[path]; p != nil {
			if f.DefinedIn(p) {
				return ""
			}
			loaded = append(loaded, path)
		}
	}
	if len(loaded) > 0 {
		return fmt.Sprintf("package %s defines no such function", strings.Join(loaded, " or "))
	}
	return fmt.Sprintf("no package of the program is %s", strings.Join(f.PackagePaths(), " or "))
}

// packageDirs are the directories of the packages asked for, sorted: the
// settings in force are found upward from each.
func packageDirs(ld *loaded) []string {
	var dirs []string
	for _, p := range ld.pkgs {
		if !ld.isRequested(p) {
			continue
		}
		for _, f := range slices.Concat(p.GoFiles, p.OtherFiles) {
			dirs = append(dirs, filepath.Dir(f))
			break
		}
	}
	slices.Sort(dirs)
	return slices.Compact(dirs)
}

// problem is a settings mistake as the report shows it.
func (r *runner) problem(e *config.Error) report.Problem {
	p := report.Problem{Line: e.Line, Message: e.Msg}
	if e.File != "" {
		p.File = r.rel(e.File)
	}
	return p
}

// allTypes maps the path of every package of the program, dependencies
// loaded from export data included, to its types.
func allTypes(pkgs []*packages.Package) map[string]*types.Package {
	out := map[string]*types.Package{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Types != nil {
			out[p.PkgPath] = p.Types
		}
	})
	return out
}
