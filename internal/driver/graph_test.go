package driver

import (
	"testing"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/internal/report"
)

// The route inventory follows requests through interfaces, and a route's
// own finding (over the budget) is linked to that route only, not to the
// other route behind the same middleware.
func TestRoutesThroughInterfaces(t *testing.T) {
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "../../testdata/layered", "./...")
	routes := map[string]report.Route{}
	for _, r := range rep.Routes {
		routes[r.Method+" "+r.Pattern] = r
	}
	tasks := routes["GET /tasks/{id}"]
	var sites []string
	for _, q := range tasks.Queries {
		sites = append(sites, q.File+" "+q.From+" "+q.PerRequest)
	}
	want := []string{
		"internal/repo/postgres/postgres.go api.(*Handler).auth once",
		"internal/repo/sqlite/sqlite.go api.(*Handler).auth once",
		"internal/repo/postgres/postgres.go handler once",
		"internal/repo/sqlite/sqlite.go handler once",
	}
	if len(sites) != len(want) {
		t.Fatalf("GET /tasks/{id} runs %v, want %v (stderr: %s)", sites, want, stderr)
	}
	for i := range want {
		if sites[i] != want[i] {
			t.Errorf("GET /tasks/{id} query %d: %s, want %s", i+1, sites[i], want[i])
		}
	}
	if q := tasks.QueriesPerRequest; q.Min != 2 || q.Loop {
		t.Errorf("GET /tasks/{id}: %+v queries per request, want 2", q)
	}
	for _, key := range []string{"GET /admin/stats", "GET /admin/report"} {
		r := routes[key]
		var budget int
		for _, i := range r.Findings {
			if f := rep.Findings[i]; f.Check == "handlerquery" && f.Kind == "budget" {
				budget++
			}
		}
		if want := map[string]int{"GET /admin/stats": 0, "GET /admin/report": 1}[key]; budget != want {
			t.Errorf("%s: linked to %d budget findings, want %d", key, budget, want)
		}
	}
}
