package driver

import (
	"slices"
	"strings"
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

// A request's queries are those it runs and those of the goroutines it
// waits for: not what it starts and leaves running (an audit record, the
// rules an update triggers through a callback registered at start). Their
// findings are a background job's, not the route's.
func TestRouteGoroutines(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/async", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	got := map[string][]string{}
	for _, r := range rep.Routes {
		var qs []string
		for _, q := range r.Queries {
			qs = append(qs, q.SQL+" "+q.PerRequest)
		}
		got[r.Method+" "+r.Pattern] = qs
	}
	want := map[string][]string{
		"POST /orders": {
			"INSERT INTO orders (id) VALUES ($1) once",
			"UPDATE totals SET orders = orders + 1 once",
		},
		"GET /report": {"SELECT total FROM orders WHERE id = $1 loop"},
	}
	for route, w := range want {
		if !slices.Equal(got[route], w) {
			t.Errorf("%s runs\n\t%s\nwant\n\t%s", route, strings.Join(got[route], "\n\t"), strings.Join(w, "\n\t"))
		}
	}
	for _, r := range rep.Routes {
		if r.Method == "POST" && r.Pattern == "/orders" && (r.QueriesPerRequest.Min != 2 || r.QueriesPerRequest.Loop) {
			t.Errorf("POST /orders: %+v queries per request, want 2", r.QueriesPerRequest)
		}
	}
	// The rules' N+1 is reported, as a job's, and no route's.
	found := false
	for _, f := range rep.Findings {
		if f.Check != "queryinloop" || f.File != "events/events.go" {
			continue
		}
		found = true
		if f.Role != "job" || len(f.Routes) > 0 {
			t.Errorf("%s:%d: role %q, routes %v; want a job's, no route", f.File, f.Line, f.Role, f.Routes)
		}
	}
	if !found {
		t.Errorf("no queryinloop finding in events/events.go")
	}
}
