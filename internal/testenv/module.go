package testenv

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// LoadModule writes a module (slash-separated path -> content, go.mod
// included) and loads its ./... as the standalone driver does: the
// module's packages and their tests from source, dependencies from export
// data, with the graph cut at the packages that have no syntax. It is for
// benchmarks that run passes on code shaped to stress them.
//
// The module goes under the temporary directory, named by a hash of its
// files rather than in a fresh directory, so that go's build cache serves
// its export data again in later runs.
func LoadModule(tb testing.TB, files map[string][]byte) []*packages.Package {
	tb.Helper()
	h := sha256.New()
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range files {
			if !yield(k) {
				return
			}
		}
	}) {
		h.Write([]byte(name + "\x00"))
		h.Write(files[name])
		h.Write([]byte{0})
	}
	dir := filepath.Join(os.TempDir(), "sqlheat-bench", hex.EncodeToString(h.Sum(nil))[:16])
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	cfg := &packages.Config{
		Dir:   dir,
		Mode:  packages.LoadSyntax | packages.NeedModule,
		Tests: true,
		Env:   append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		tb.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		tb.Fatalf("%s does not type-check", dir)
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Syntax) == 0 {
			p.Imports = nil // export data: no syntax, nothing to analyze
		}
	})
	return pkgs
}

// Analyze runs the analyzers on pkgs as the standalone driver does, and
// fails the test on an error of any action.
func Analyze(tb testing.TB, roots []*analysis.Analyzer, pkgs []*packages.Package) *checker.Graph {
	tb.Helper()
	g, err := checker.Analyze(roots, pkgs, nil)
	if err != nil {
		tb.Fatal(err)
	}
	for act := range g.All() {
		if act.Err != nil {
			tb.Fatalf("%s on %s: %v", act.Analyzer, act.Package, act.Err)
		}
	}
	return g
}
