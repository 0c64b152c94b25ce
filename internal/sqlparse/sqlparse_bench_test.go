package sqlparse

import (
	"fmt"
	"testing"

	"github.com/sqlheat/sqlheat/internal/benchgen"
)

// corpus is 500 distinct texts shaped like a service's queries, a fifth
// of them MySQL or SQLite: about what a 150-package service issues.
var corpus = benchgen.SQLCorpus(1, 500)

// resetCache empties Parse's cache, as at the start of a process.
func resetCache() {
	cache.mu.Lock()
	cache.m, cache.bytes = nil, 0
	cache.mu.Unlock()
}

// BenchmarkNormalize is the rewrite every text goes through before
// parsing (placeholders, backquotes), on the whole corpus.
func BenchmarkNormalize(b *testing.B) {
	var n int64
	for _, q := range corpus {
		n += int64(len(q))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, q := range corpus {
			Normalize(q)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(corpus)), "ns/text")
}

// BenchmarkParseCorpus parses the corpus through Parse: "miss" starts
// each round from an empty cache (a process's first sight of each text:
// normalize, cgo parse, protobuf decode, analysis), "hit" finds every text
// cached (each later call site issuing a text already seen).
func BenchmarkParseCorpus(b *testing.B) {
	b.Run("miss", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			resetCache()
			for _, q := range corpus {
				if _, err := Parse(q); err != nil {
					b.Fatalf("%s: %v", q, err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(corpus)), "ns/text")
	})
	b.Run("hit", func(b *testing.B) {
		resetCache()
		for _, q := range corpus {
			Parse(q)
		}
		b.ReportAllocs()
		for b.Loop() {
			for _, q := range corpus {
				Parse(q)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(corpus)), "ns/text")
	})
	b.Run("hit-parallel", func(b *testing.B) {
		resetCache()
		for _, q := range corpus {
			Parse(q)
		}
		b.ReportAllocs()
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			i := 0
			for pb.Next() {
				Parse(corpus[i%len(corpus)])
				i++
			}
		})
	})
}

// BenchmarkParseMiss is one new text per call through the cache: the
// parse plus the cache's bookkeeping.
func BenchmarkParseMiss(b *testing.B) {
	resetCache()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		q := fmt.Sprintf("%s /* %d */", corpus[i%len(corpus)], i)
		if _, err := Parse(q); err != nil {
			b.Fatal(err)
		}
		i++
	}
	resetCache()
}

// BenchmarkParseDDL is what a schema costs: the migrations of a
// generated module of 300 tables, as the catalog pass reads them.
func BenchmarkParseDDL(b *testing.B) {
	m, err := benchgen.Generate(benchgen.Config{Packages: 1000, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	var n int64
	for name, data := range m.Files {
		if len(name) > 7 && name[len(name)-7:] == ".up.sql" {
			texts = append(texts, string(data))
			n += int64(len(data))
		}
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			if _, errs := ParseDDL(t); len(errs) > 0 {
				b.Fatal(errs[0])
			}
		}
	}
	b.ReportMetric(float64(len(texts)), "files")
}
