package httppattern

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchRoutes returns 1000 patterns shaped like a large JSON API: 100
// resources, each with ten routes mixing literals, parameters, a
// constraint, a file suffix and a static subtree.
func benchRoutes() []string {
	var ps []string
	for i := range 100 {
		r := fmt.Sprintf("/api/v1/res%d", i)
		ps = append(ps,
			"GET "+r,
			"POST "+r,
			"GET "+r+"/{id}",
			"PUT "+r+"/:id",
			"DELETE "+r+"/<id>",
			"GET "+r+"/{id:[0-9]+}/items",
			"GET "+r+"/{id}/items/{item}",
			"GET "+r+"/{id}/export.{format}",
			"GET "+r+"/search",
			"/assets/res"+fmt.Sprint(i)+"/",
		)
	}
	return ps
}

// benchPaths returns 10k concrete request paths, most of them served by a
// route and a few not, from a fixed seed so runs compare.
func benchPaths() []string {
	rng := rand.New(rand.NewPCG(1, 2))
	shapes := []string{
		"/api/v1/res%d", "/api/v1/res%d/%d", "/api/v1/res%d/%d/items", "/api/v1/res%d/%d/items/%d",
		"/api/v1/res%d/%d/export.csv", "/api/v1/res%d/search?q=x", "/assets/res%d/app-%d.js", "/nope/%d/%d",
	}
	paths := make([]string, 10000)
	for i := range paths {
		s := shapes[rng.IntN(len(shapes))]
		paths[i] = fmt.Sprintf(s, rng.IntN(100), rng.IntN(1e6), rng.IntN(50))
	}
	return paths
}

func BenchmarkMatcher(b *testing.B) {
	m := NewMatcher(benchRoutes()...)
	paths := benchPaths()
	methods := []string{"GET", "GET", "GET", "POST", "PUT", "HEAD"}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, p := range paths {
			m.Match(methods[i%len(methods)], p)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(paths)), "ns/path")
}

func BenchmarkNewMatcher(b *testing.B) {
	routes := benchRoutes()
	b.ReportAllocs()
	for b.Loop() {
		NewMatcher(routes...)
	}
}
