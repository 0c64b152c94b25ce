package httppattern

import (
	"testing"

	"github.com/sqlheat/sqlheat/internal/benchgen"
)

// BenchmarkMatchGenerated resolves access-log paths against the routes of
// a generated service of 1000 packages (about 1400 Go 1.22 patterns with
// methods and wildcards): what -traffic access.log costs per line on a
// large service. BenchmarkMatcher covers mixed pattern syntaxes.
func BenchmarkMatchGenerated(b *testing.B) {
	m, err := benchgen.Generate(benchgen.Config{Packages: 1000, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	var pats []string
	for _, r := range m.Routes {
		pats = append(pats, r.Method+" "+r.Pattern)
	}
	methods, paths := m.SamplePaths(1, 10000)
	b.Run("new", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			NewMatcher(pats...)
		}
		b.ReportMetric(float64(len(pats)), "routes")
	})
	b.Run("match", func(b *testing.B) {
		mt := NewMatcher(pats...)
		matched := 0
		for i, p := range paths {
			if _, ok := mt.Match(methods[i], p); ok {
				matched++
			}
		}
		if matched < len(paths)/2 {
			b.Fatalf("only %d of %d paths matched a route", matched, len(paths))
		}
		b.ReportAllocs()
		for b.Loop() {
			for i, p := range paths {
				mt.Match(methods[i], p)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(paths)), "ns/path")
	})
}
