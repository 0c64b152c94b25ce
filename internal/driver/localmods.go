package driver

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/passes/config"
)

// A service often keeps part of its own code in another module of its
// repository: a module its go.mod replaces with a directory of the
// repository (replace github.com/acme/x => ./x), or another module of its
// go.work. Its router wrapper, its persistence helpers or its pagination
// may live there. That code is the user's, so the packages of such a
// module that the main module imports are part of the program: loaded
// from source and analyzed as the main module's own. Only those packages,
// not the whole module: the rest of it is code the program does not run.

// localModule is a module whose source is a directory on disk, other
// than the main modules the patterns name, that the main module imports.
type localModule struct {
	path string // module path
	dir  string // absolute directory
	// why says how the directory became the module's source: the
	// replace directive, or the workspace.
	why string
	// skipped says why its packages are left to export data, as any
	// dependency's: "" when they are taken in.
	skipped string
	pkgs    []string // the packages taken in, sorted
}

// ignoredDir says whether a directory of that name holds code that is
// not the user's, even inside the repository: copies of others' code
// (vendor/, third_party/), and what the go command itself leaves out of
// ./... (testdata/, and names starting with _ or .), where test stubs of
// libraries live.
func ignoredDir(name string) bool {
	switch name {
	case "vendor", "third_party", "testdata":
		return true
	}
	return strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".")
}

// mayHaveLocalModules reports, cheaply, whether the build may use a local
// module: one of the main modules' go.mod files replaces a module with a
// directory, or a go.work is in effect. Otherwise there is nothing to
// look for, and the import graph is not listed.
func mayHaveLocalModules(cfg *packages.Config, goMods []string) bool {
	switch w := getenv(cfg, "GOWORK"); {
	case w == "off": // no workspace: only replacements
	case w != "" || config.FindUp(cfg.Dir, "go.work") != "":
		return true
	}
	for _, gm := range goMods {
		data, err := os.ReadFile(gm)
		if err != nil {
			continue // the load reports it
		}
		f, err := modfile.Parse(gm, data, nil)
		if err != nil {
			continue
		}
		for _, r := range f.Replace {
			if r.New.Version == "" {
				return true // a filesystem path
			}
		}
	}
	return false
}

// getenv is the variable as the go command that cfg runs sees it.
func getenv(cfg *packages.Config, name string) string {
	v := os.Getenv(name)
	for _, kv := range cfg.Env {
		if k, val, ok := strings.Cut(kv, "="); ok && k == name {
			v = val
		}
	}
	return v
}

// localSource says whether m's source is a directory of the user's
// (a go.work module, or a replacement by a filesystem path), and how.
func localSource(m *packages.Module) (why string, ok bool) {
	switch {
	case m == nil || m.Dir == "":
		return "", false
	case m.Main:
		return "a module of the go.work workspace", true
	case m.Replace != nil && m.Replace.Version == "":
		return "replace " + m.Path + " => " + m.Replace.Path, true
	}
	return "", false // a module version, from the module cache
}

// notOurs says why the local module in dir is not the user's code, or
// "" when it is: it must be in the repository of one of the main
// modules (the directory holding .git above it, or the main module's
// own directory without one), in no directory ignoredDir names below
// what it shares with that main module's directory.
func notOurs(dir string, mainDirs []string) string {
	why := "outside the repository"
	for _, md := range mainDirs {
		repo := config.FindUp(md, ".git")
		if repo == "" {
			repo = md
		}
		rel, err := filepath.Rel(repo, dir)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		mrel, _ := filepath.Rel(repo, md)
		own, ours := strings.Split(rel, string(filepath.Separator)), strings.Split(mrel, string(filepath.Separator))
		for len(own) > 0 && len(ours) > 0 && own[0] == ours[0] {
			own, ours = own[1:], ours[1:]
		}
		i := slices.IndexFunc(own, ignoredDir)
		if i < 0 {
			return ""
		}
		why = "in " + own[i] + "/, not the repository's own code"
	}
	return why
}

// localPackages finds the packages of local modules that the packages
// patterns match import, directly or through one another: the packages
// to load from source with them. mains are the main modules the
// patterns name (path to directory). asked are the packages the user
// asked for; the local packages they import (directly or through other
// local packages) are added to it. It returns the local modules the
// patterns import, with what was taken of each.
func localPackages(cfg *packages.Config, patterns []string, mains map[string]string, asked map[string]bool) ([]*localModule, error) {
	deps := *cfg
	deps.Mode = packages.NeedName | packages.NeedModule | packages.NeedImports | packages.NeedDeps
	roots, err := packages.Load(&deps, patterns...)
	if err != nil {
		return nil, err
	}
	mainDirs := make([]string, 0, len(mains))
	for _, d := range mains {
		mainDirs = append(mainDirs, d)
	}
	sort.Strings(mainDirs)
	byPath := map[string]*localModule{}
	// local returns the local module p is in, if it is one that is not
	// named by the patterns.
	local := func(p *packages.Package) *localModule {
		m := p.Module
		if m == nil || mains[m.Path] != "" {
			return nil
		}
		if lm := byPath[m.Path]; lm != nil {
			return lm
		}
		why, ok := localSource(m)
		if !ok {
			return nil
		}
		lm := &localModule{path: m.Path, dir: m.Dir, why: why, skipped: notOurs(m.Dir, mainDirs)}
		byPath[m.Path] = lm
		return lm
	}
	taken := map[string]bool{}
	// walk takes the local packages from's imports, and theirs, through
	// local packages only: what a third-party package imports is its
	// business. ask says from is asked for, and so what it takes is.
	var walk func(from *packages.Package, ask bool)
	walk = func(from *packages.Package, ask bool) {
		for _, q := range from.Imports {
			lm := local(q)
			if lm == nil || lm.skipped != "" {
				continue
			}
			take, newAsk := !taken[q.PkgPath], ask && !asked[q.PkgPath]
			if take {
				taken[q.PkgPath] = true
				lm.pkgs = append(lm.pkgs, q.PkgPath)
			}
			if newAsk {
				asked[q.PkgPath] = true
			}
			if take || newAsk {
				walk(q, ask)
			}
		}
	}
	for _, p := range roots {
		if p.Module != nil && mains[p.Module.Path] != "" {
			walk(p, asked[strings.TrimSuffix(strings.TrimSuffix(p.PkgPath, ".test"), "_test")])
		}
	}
	var mods []*localModule
	for _, lm := range byPath {
		sort.Strings(lm.pkgs)
		mods = append(mods, lm)
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].path < mods[j].path })
	return mods, nil
}

// dropTests takes out of pkgs the test variants of the local packages
// (taken): their tests are not part of the program the main module
// makes, as no dependency's are. (go/packages loads the tests of every
// package its patterns match, or of none.)
func dropTests(pkgs []*packages.Package, taken map[string]bool) []*packages.Package {
	return slices.DeleteFunc(pkgs, func(p *packages.Package) bool {
		path := strings.TrimSuffix(strings.TrimSuffix(p.PkgPath, ".test"), "_test")
		return taken[path] && (p.ID != p.PkgPath || path != p.PkgPath)
	})
}
