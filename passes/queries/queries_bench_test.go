package queries_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/internal/benchgen"
	"github.com/sqlheat/sqlheat/internal/testenv"
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
// export data.
func generated(b *testing.B, n int) []*packages.Package {
	b.Helper()
	m, err := benchgen.Generate(benchgen.Config{Packages: n, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d packages, %d query sites", m.Summary.Packages, m.Summary.QuerySites)
	return testenv.LoadModule(b, m.Files)
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
				testenv.Analyze(b, bc.roots, pkgs)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n)/1e3, "µs/pkg")
		})
	}
}

// storeFile is one package of n store methods in one file, in one of two
// shapes seen in real services: "tx", each method running its statement
// in a transaction callback (a closure per method); "sqlc", each method
// running a constant declared above it, as sqlc generates. Big store
// files are where work per closure or per constant that grows with the
// file turns quadratic.
func storeFile(shape string, n int) map[string][]byte {
	var s strings.Builder
	s.WriteString(`package store

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

func (s *Store) tx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
`)
	for i := range n {
		switch shape {
		case "tx":
			fmt.Fprintf(&s, `
func (s *Store) Touch%[1]d(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE items%[1]d SET touched = now() WHERE id = $1", id)
		return err
	})
}
`, i)
		case "sqlc":
			fmt.Fprintf(&s, `
const getItem%[1]d = `+"`"+`-- name: GetItem%[1]d :one
SELECT id, name FROM items%[1]d WHERE id = $1
`+"`"+`

func (s *Store) GetItem%[1]d(ctx context.Context, id int64) (string, error) {
	var name string
	err := s.db.QueryRowContext(ctx, getItem%[1]d, id).Scan(&id, &name)
	return name, err
}
`, i)
		}
	}
	return map[string][]byte{
		"go.mod":         []byte("module example.com/store\n\ngo 1.22\n"),
		"store/store.go": []byte(s.String()),
	}
}

// BenchmarkFile runs the pass over one store file of growing size, in
// each shape of storeFile: the time per query site should stay flat.
func BenchmarkFile(b *testing.B) {
	for _, shape := range []string{"tx", "sqlc"} {
		for _, n := range []int{250, 1000, 4000} {
			b.Run(fmt.Sprintf("%s/sites=%d", shape, n), func(b *testing.B) {
				pkgs := testenv.LoadModule(b, storeFile(shape, n))
				b.ReportAllocs()
				cpu := testenv.CPUTime()
				for b.Loop() {
					g := testenv.Analyze(b, []*analysis.Analyzer{queries.Analyzer}, pkgs)
					sites := 0
					for act := range g.All() {
						if res, ok := act.Result.(*queries.Result); ok && act.Analyzer == queries.Analyzer {
							for _, s := range res.Sites {
								if s.Resolved && len(s.Stmts) == 1 {
									sites++
								}
							}
						}
					}
					if sites != n {
						b.Fatalf("%d query sites with their SQL, want %d", sites, n)
					}
				}
				b.ReportMetric(float64((testenv.CPUTime()-cpu).Nanoseconds())/float64(b.N*n)/1e3, "cpu-µs/site")
			})
		}
	}
}
