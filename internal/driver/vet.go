package driver

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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
	for _, a := range os.Args[1:] {
		if a == "-V=full" {
			printToolID(os.Stdout)
			os.Exit(0)
		}
	}
	// The settings pass is listed so that its flags are accepted as
	// -sqlheat.schema=...; it reports nothing.
	all := append([]*analysis.Analyzer{config.Analyzer}, analyzer.Analyzers()...)
	unitchecker.Main(all...)
}

// printToolID answers go vet's -V=full. The go command caches vet results
// by this ID and the flags, not by the content of the files the settings
// name: a changed migration would otherwise be hidden behind a stale
// cache entry. So the ID hashes the executable (as unitchecker does) and
// the content of the settings file found from the current directory and of
// every schema and traffic file it names.
func printToolID(w io.Writer) {
	h := sha256.New()
	exe, err := os.Executable()
	if err == nil {
		if f, err := os.Open(exe); err == nil {
			io.Copy(h, f)
			f.Close()
		}
	}
	cwd, _ := os.Getwd()
	hashSettings(h, cwd)
	fmt.Fprintf(w, "%s version devel comments-go-here buildID=%02x\n", exe, string(h.Sum(nil)))
}

// hashSettings folds the settings file and the files it names into h.
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
	sort.Strings(files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		fmt.Fprintf(h, "%s\x00%d\x00", f, len(data))
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
