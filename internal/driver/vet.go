package driver

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/internal/sqlfiles"
	"github.com/sqlheat/sqlheat/passes/catalog"
	"github.com/sqlheat/sqlheat/passes/config"
)

// VetMode reports whether the go command is running us as a vet tool: it
// asks for -V=full and -flags to describe the tool, then passes one .cfg
// file per package.
func VetMode(args []string) bool {
	if len(args) == 0 {
		return false
	}
	if strings.HasSuffix(args[len(args)-1], ".cfg") {
		return true
	}
	for _, a := range args {
		if a == "-V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return false
}

// Vet runs the suite as go vet's unitchecker: one package per process,
// facts written to and read from files the go command manages.
func Vet() {
	args := os.Args[1:]
	for _, a := range args {
		if a == "-V=full" {
			printToolID(os.Stdout)
			os.Exit(0)
		}
	}
	if cfg := args[len(args)-1]; strings.HasSuffix(cfg, ".cfg") {
		if code, handled := newerGoUnderVet(cfg, os.Stderr); handled {
			os.Exit(code)
		}
	}
	tuneGC()
	// The settings pass is listed so that its flags are accepted as
	// -sqlheat.schema=...; it reports nothing.
	all := append([]*analysis.Analyzer{config.Analyzer}, analyzer.Analyzers()...)
	if cfg := args[len(args)-1]; strings.HasSuffix(cfg, ".cfg") && standardFactsOnly(cfg) {
		skipRuns(all)
	}
	unitchecker.Main(all...)
}

// standardFactsOnly reports whether cfgFile hands over a package of the
// standard library only for its facts (VetxOnly: a dependency of the
// packages vetted). sqlheat's facts are about the module's code and its
// database libraries (a wrapper passing its SQL on, a handle getter, a
// table's columns); the standard library's database/sql and net/http are
// known by name (internal/dbapi, internal/httpapi), and nothing else in
// it runs SQL. Its vet facts file still carries the package's types,
// which the packages importing it read, so it is type-checked as any
// other; only the analyzers need not run (see skipRuns).
func standardFactsOnly(cfgFile string) bool {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return false // unitchecker will say
	}
	var u struct {
		vetUnit
		Dir string
	}
	if json.Unmarshal(data, &u) != nil || !u.VetxOnly || u.ModulePath != "" || u.Module != nil && u.Module.Path != "" || u.ImportPath == "" {
		return false
	}
	root, ok := strings.CutSuffix(filepath.ToSlash(u.Dir), "/src/"+u.ImportPath)
	if !ok {
		return false
	}
	st, err := os.Stat(filepath.Join(filepath.FromSlash(root), "src", "runtime"))
	return err == nil && st.IsDir() // GOROOT's, not a GOPATH package
}

// skipRuns makes each analyzer of as, and each it requires, return its
// result type's zero value without looking at the package: for a
// package whose facts are known to be none (standardFactsOnly), the
// analyzers' work is the largest part of the largest process of a go vet
// run (runtime's on polaris: 139 MB, 117 without it, go vet's own 90). Each of sqlheat's analyzers
// gets nothing from the ones it requires, and reports nothing.
func skipRuns(as []*analysis.Analyzer) {
	seen := map[*analysis.Analyzer]bool{}
	var skip func(a *analysis.Analyzer)
	skip = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			skip(r)
		}
		zero := func(*analysis.Pass) (any, error) { return nil, nil }
		if a.ResultType != nil {
			v := reflect.Zero(a.ResultType).Interface()
			zero = func(*analysis.Pass) (any, error) { return v, nil }
		}
		a.Run = zero
	}
	for _, a := range as {
		skip(a)
	}
}

// tuneGC paces the collector for a process that reads one package and
// exits, as each of go vet's does, unless the user set GOGC or
// GOMEMLIMIT: a collection when the heap reaches five times what the
// last one kept, not twice, and more often again as it nears 256 MiB.
// Paced for a long-lived server, the collector took a fifth of the CPU of
// go vet's processes on chainloop's 1,400 packages and dependencies,
// most of which hold a few megabytes; now their peak memory rises by
// as much and the largest stays about where it was.
func tuneGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(256 << 20)
}

// printToolID answers go vet's -V=full: "sqlheat version V buildID=ID".
// The go command caches vet results — the standard library's too — by
// this answer and the flags (all of it for a release version, the build
// ID alone for a "devel" one), not by the content of the files the
// settings name: a changed migration would otherwise be hidden behind a
// stale cache entry. So the ID hashes the executable (as unitchecker
// does) and the content of the settings file found from the current
// directory and of every schema and traffic file it names.
func printToolID(w io.Writer) {
	exe, _ := os.Executable()
	cwd, _ := os.Getwd()
	fmt.Fprintf(w, "sqlheat version %s buildID=%s\n", toolVersion(), toolID(exe, cwd))
}

// toolID hashes the executable exe and the settings in force in dir.
// Nothing in it depends on where the module is: the same code, settings
// and schema checked out at another path (a CI runner's fresh clone, a
// second worktree) keep the ID, and with it go vet's cache of the whole
// standard library.
func toolID(exe, dir string) string {
	h := sha256.New()
	if f, err := os.Open(exe); err == nil {
		io.Copy(h, f)
		f.Close()
	}
	hashSettings(h, dir)
	return fmt.Sprintf("%x", h.Sum(nil))
}

// hashSettings folds the settings file and the files it names into h,
// each under its path relative to the module root.
func hashSettings(h io.Writer, dir string) {
	c := config.Load(dir, "", config.Overrides{})
	var files []string
	if c.File != "" {
		files = append(files, c.File)
	}
	// The schema files a package would be given: named in the settings,
	// or discovered (migrations/, sqlc.yaml...) under the module root.
	files = append(files, catalog.SourceFiles(c.Schema, c.ModuleRoot)...)
	files = append(files, expand(c.Traffic)...)
	// The query files (sqlc's and named ones): findings are reported in
	// them, so an edited query must rerun the checks.
	if c.ModuleRoot != "" || len(c.QueryFiles) > 0 {
		files = append(files, sqlfiles.Load(c.ModuleRoot, c.QueryFiles).SourceFiles()...)
	}
	base := c.ModuleRoot
	if base == "" {
		base = dir
	}
	sort.Strings(files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		name := f
		if r, err := filepath.Rel(base, f); err == nil {
			name = filepath.ToSlash(r)
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(data))
		h.Write(data)
	}
}

// expand lists the regular files a settings path stands for: the file, a
// glob's matches, or every file below a directory.
func expand(p string) []string {
	if p == "" {
		return nil
	}
	matches, _ := filepath.Glob(p)
	if matches == nil {
		matches = []string{p}
	}
	var out []string
	for _, m := range matches {
		filepath.WalkDir(m, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				out = append(out, path)
			}
			return nil
		})
	}
	return out
}
