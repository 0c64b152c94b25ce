package queries_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/internal/benchgen"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// gobFact is how go vet's unitchecker writes facts to the .vetx file a
// dependent package reads (x/tools internal/facts): one gob stream per
// package holding the facts of the package and of everything it
// imports, each with its object's path.
type gobFact struct {
	PkgPath string
	Object  string
	Fact    analysis.Fact
}

func init() {
	gob.Register(&queries.IssuesQueries{})
}

// issuesQueries is a realistic fact: a service method reaching a few
// queries through a store, one of them in a loop.
func issuesQueries(i, n int) *queries.IssuesQueries {
	f := &queries.IssuesQueries{}
	for j := range n {
		f.Queries = append(f.Queries, queries.Query{
			Site:        fmt.Sprintf("store.go:%d", 40+7*j),
			Pkg:         fmt.Sprintf("example.com/benchsvc/internal/store/orders%d", i),
			SQL:         "SELECT id, account_id, parent_id, name, status, email, crea…",
			Fingerprint: fmt.Sprintf("%016x", uint64(i*131+j)*0x9e3779b97f4a7c15),
			Kind:        []string{"read", "write"}[j%2],
			Loop:        j % 3 / 2,
			Via:         []string{"orderssvc.(*Service).Get", "orders.(*Store).Get"}[:1+j%2],
			Ctx:         "param",
		})
	}
	return f
}

// BenchmarkFactGob round-trips the facts of one .vetx file through gob,
// as go vet does once per package: encode in the package that exports
// them, decode in each importer. The facts of a package deep in a large
// service carry hundreds of functions' summaries.
func BenchmarkFactGob(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		facts := make([]gobFact, n)
		for i := range facts {
			facts[i] = gobFact{
				PkgPath: fmt.Sprintf("example.com/benchsvc/internal/service/orders%dsvc", i/10),
				Object:  fmt.Sprintf("T.Service.M%d", i%10),
				Fact:    issuesQueries(i, 1+i%4),
			}
		}
		b.Run(fmt.Sprintf("facts=%d", n), func(b *testing.B) {
			var size int
			b.ReportAllocs()
			for b.Loop() {
				var buf bytes.Buffer
				if err := gob.NewEncoder(&buf).Encode(facts); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
				var out []gobFact
				if err := gob.NewDecoder(&buf).Decode(&out); err != nil || len(out) != n {
					b.Fatal(err, len(out))
				}
			}
			b.ReportMetric(float64(size)/float64(n), "B/fact")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/fact")
		})
	}
}

// generated loads a module written by benchgen, with the standalone
// driver's loading: the module's packages from source, dependencies from
// export data. The module is written under the temporary directory,
// named by its size and seed, so that go's build cache serves it again
// in later runs.
func generated(b *testing.B, n int) []*packages.Package {
	b.Helper()
	m, err := benchgen.Generate(benchgen.Config{Packages: n, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(os.TempDir(), "sqlheat-bench", fmt.Sprintf("gen%d-seed1", n))
	if err := m.Write(dir); err != nil {
		b.Fatal(err)
	}
	cfg := &packages.Config{Dir: dir, Mode: packages.LoadSyntax | packages.NeedModule, Tests: true, Env: append(os.Environ(), "GOWORK=off")}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("generated module does not type-check")
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Syntax) == 0 {
			p.Imports = nil // export data: no syntax, nothing to analyze
		}
	})
	b.Logf("%s: %d packages, %d query sites", dir, m.Summary.Packages, m.Summary.QuerySites)
	return pkgs
}

// BenchmarkPass runs the foundation pass alone, and the whole suite, over
// a generated module already loaded and type-checked: what sqlheat adds
// to the loading go vet also pays. SQL texts are parsed in the first
// round and found in the parse cache in the others (BenchmarkParseCorpus
// in internal/sqlparse measures the parse).
func BenchmarkPass(b *testing.B) {
	const n = 100
	pkgs := generated(b, n)
	for _, bc := range []struct {
		name  string
		roots []*analysis.Analyzer
	}{
		{"queries", []*analysis.Analyzer{queries.Analyzer}},
		{"suite", append(analyzer.Foundations(), analyzer.Analyzers()...)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				g, err := checker.Analyze(bc.roots, pkgs, nil)
				if err != nil {
					b.Fatal(err)
				}
				for act := range g.All() {
					if act.Err != nil {
						b.Fatalf("%s on %s: %v", act.Analyzer, act.Package, act.Err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n)/1e3, "µs/pkg")
		})
	}
}
