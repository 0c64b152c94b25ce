package driver

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strconv"
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
// waits for, also through a helper handed its wait group: not what it
// starts and leaves running (an audit record, the rules an update
// triggers through a callback registered at start, a notice a helper
// sends under a wait group only shutdown waits on). Their
// findings are a background job's, not the route's.
func TestRouteGoroutines(t *testing.T) {
	t.Parallel()
	rep, got := routeQueryLines(t, "testdata/async", func(q report.RouteQuery) string { return q.SQL + " " + q.PerRequest })
	want := map[string][]string{
		"POST /orders": {
			"INSERT INTO orders (id) VALUES ($1) once",
			"UPDATE totals SET orders = orders + 1 once",
		},
		"GET /report": {"SELECT total FROM orders WHERE id = $1 loop"},
		// Jobs a helper handed the wait group starts (queue(&wg, errs,
		// f)), waited for by a goroutine the handler selects on.
		"GET /summary": {
			"SELECT count(*) FROM customers once",
			"SELECT sum(total) FROM orders once",
		},
		// A helper's goroutine under a wait group only Close waits on.
		"POST /notify": nil,
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

// A function handed to a scheduler (robfig/cron's AddFunc, AddJob and
// a Job's Run, gocron's Do and NewTask; testdata/sched, see its
// README.txt) runs later, periodically, on the scheduler's goroutines:
// registering it once per item, in a request or at start-up, directly
// or through a helper of the module, runs nothing per item and nothing
// of the route's; its own loops are a background job's findings. A
// callback a helper runs in place (a transaction's body) is the
// caller's: once per item, reported.
func TestScheduledJobs(t *testing.T) {
	t.Parallel()
	rep, got := routeQueryLines(t, "testdata/sched", func(q report.RouteQuery) string { return q.SQL + " " + q.PerRequest })
	want := map[string][]string{
		"POST /schedule": nil,
		"POST /archive":  nil,
		"POST /every":    nil,
		"POST /bulk":     {"UPDATE items SET done = true WHERE id = $1 loop"},
		"POST /direct":   nil,
		"POST /fork":     nil,
	}
	for route, w := range want {
		if !slices.Equal(got[route], w) {
			t.Errorf("%s runs\n\t%s\nwant\n\t%s", route, strings.Join(got[route], "\n\t"), strings.Join(w, "\n\t"))
		}
	}
	// The loops of each scheduled function: a job's, no route's.
	jobs := map[string]bool{
		"(*example.com/sched/api.API).remind":      false, // AddFunc's closure, registered per spec of a request
		"(*example.com/sched/jobs.Archiver).Run":   false, // AddJob's Job
		"(*example.com/sched/jobs.Compactor).Run":  false, // through cron.NewChain(...).Then
		"(*example.com/sched/jobs.Archiver).Purge": false, // a method value made a cron.FuncJob
		"example.com/sched/jobs.Notify":            false, // through the module's helper forwarding to AddFunc
		"example.com/sched/jobs.Sweep":             false, // registered per spec at start-up
		"example.com/sched/jobs.Cleanup":           false, // gocron v1's Do
		"example.com/sched/jobs.Digest":            false, // gocron v2's NewTask
		"(*example.com/sched/api.Forked).report":   false, // a fork of robfig/cron's AddFunc
		"example.com/sched/jobs.Rollup":            false, // pocketbase's cron MustAdd
	}
	bulk := false
	for _, f := range rep.Findings {
		if f.Check == "handlerquery" && f.Function == "(*example.com/sched/api.API).Direct" {
			// The closure cron runs after the request: its background
			// context is no request's.
			t.Errorf("%s:%d: %s", f.File, f.Line, f.Message)
		}
		if f.Check != "queryinloop" {
			continue
		}
		switch {
		case f.File == "api/api.go" && f.Function == "(*example.com/sched/api.API).Bulk":
			bulk = true
			if f.Role != "route" || len(f.Routes) != 1 || f.Routes[0].Pattern != "/bulk" {
				t.Errorf("%s:%d: role %q, routes %v; want POST /bulk's", f.File, f.Line, f.Role, f.Routes)
			}
		case f.File == "cmd/app/main.go" || f.File == "api/api.go" && f.Function != "(*example.com/sched/api.API).remind":
			// A registration in a loop: runs nothing per item.
			t.Errorf("%s:%d: %s: %s", f.File, f.Line, f.Function, f.Message)
		default:
			jobFinding(t, f, jobs)
		}
	}
	for fn, found := range jobs {
		if !found {
			t.Errorf("no queryinloop finding in %s", fn)
		}
	}
	if !bulk {
		t.Errorf("no queryinloop finding for the transaction per item of api.(*API).Bulk")
	}
}

// Task handlers registered on asynq (testdata/asynq, see its README.txt)
// are background jobs: their loops are jobs' findings, not the start's
// nor a route's, whether handed as a func, a Handler, a server's own
// Handler or through the worker's helper and middleware. Registering a
// handler in a request's loop runs nothing per item; a function a route
// calls with a task is the route's; a handler only code nothing runs
// registers is no job.
func TestAsynqJobs(t *testing.T) {
	t.Parallel()
	rep, got := routeQueryLines(t, "testdata/asynq", func(q report.RouteQuery) string { return q.SQL + " " + q.PerRequest })
	want := map[string][]string{
		"POST /register": nil,
		"POST /run":      {"UPDATE items SET applied = true WHERE kind = $1 loop"},
	}
	for route, w := range want {
		if !slices.Equal(got[route], w) {
			t.Errorf("%s runs\n\t%s\nwant\n\t%s", route, strings.Join(got[route], "\n\t"), strings.Join(w, "\n\t"))
		}
	}
	jobs := map[string]bool{
		"(*example.com/tasks/jobs.Welcomer).Welcome":            false, // HandleFunc, a method value
		"(*example.com/tasks/jobs.ReportProcessor).ProcessTask": false, // Handle
		"(*example.com/tasks/jobs.Mailer).ProcessTask":          false, // Server.Start without a mux
		"example.com/tasks/jobs.Import":                         false, // through worker.Register and its middleware
		"example.com/tasks/jobs.Reindex":                        false, // through worker.RegisterPlain, as it is
		"(*example.com/tasks/jobs.Notifier).Due":                false, // machinery's RegisterTasks, in a map
		"(*example.com/tasks/jobs.Notifier).Digest":             false, // machinery's RegisterTask
	}
	run, orphan := false, false
	for _, f := range rep.Findings {
		if f.Check != "queryinloop" {
			continue
		}
		switch {
		case f.Function == "example.com/tasks/jobs.Orphan":
			// Registered through the helper by code nothing runs.
			orphan = true
			if f.Role != "" {
				t.Errorf("%s:%d: role %q; want none: nothing registers it", f.File, f.Line, f.Role)
			}
		case f.Function == "(*example.com/tasks/api.API).Run":
			run = true
			if f.Role != "route" || len(f.Routes) != 1 || f.Routes[0].Pattern != "/run" {
				t.Errorf("%s:%d: role %q, routes %v; want POST /run's", f.File, f.Line, f.Role, f.Routes)
			}
		case f.File != "jobs/jobs.go":
			// A registration in a loop: runs nothing per item.
			t.Errorf("%s:%d: %s: %s", f.File, f.Line, f.Function, f.Message)
		default:
			jobFinding(t, f, jobs)
		}
	}
	for fn, found := range jobs {
		if !found {
			t.Errorf("no queryinloop finding in %s", fn)
		}
	}
	if !run {
		t.Errorf("no queryinloop finding for the task applied per kind in api.(*API).Run")
	}
	if !orphan {
		t.Errorf("no queryinloop finding in jobs.Orphan")
	}
}

// jobFinding checks a queryinloop finding that should be in one of jobs'
// functions, a job's and no route's, and marks the function found.
func jobFinding(t *testing.T, f report.Finding, jobs map[string]bool) {
	t.Helper()
	if _, ok := jobs[f.Function]; !ok {
		t.Errorf("%s:%d: unexpected finding in %s: %s", f.File, f.Line, f.Function, f.Message)
		return
	}
	jobs[f.Function] = true
	if f.Role != "job" || len(f.Routes) > 0 {
		t.Errorf("%s:%d: role %q, routes %v; want a job's, no route", f.File, f.Line, f.Role, f.Routes)
	}
}

// A request that loads through a batching loader of dataloaden's
// generated shape (testdata/batchloader, see its README.txt) runs the
// loader's batch function: a function of the module the loader keeps in
// a field, called by the generated code (which the call graph's type
// propagation skips) on a goroutine the batch starts and the thunk Load
// calls waits for. Of the two goroutines that may end a batch, one does:
// the query counts once. Each loader runs its own batch function (the
// orders one through the generated config), and a goroutine closing a
// channel nothing receives from is left running, not the route's.
func TestRouteBatchLoader(t *testing.T) {
	t.Parallel()
	rep, got := routeQueryLines(t, "testdata/batchloader", func(q report.RouteQuery) string { return q.SQL + " " + q.PerRequest })
	want := map[string][]string{
		"GET /me":      {"SELECT user_id FROM access_tokens WHERE value = ANY($1) once"},
		"GET /orders":  {"SELECT total FROM orders WHERE id = ANY($1) once"},
		"POST /notify": nil,
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d", got, len(want))
	}
	for route, w := range want {
		if !slices.Equal(got[route], w) {
			t.Errorf("%s runs\n\t%s\nwant\n\t%s", route, strings.Join(got[route], "\n\t"), strings.Join(w, "\n\t"))
		}
	}
	for _, r := range rep.Routes {
		if r.Pattern == "/me" && (r.QueriesPerRequest.Min != 1 || r.QueriesPerRequest.Loop) {
			t.Errorf("GET /me: %+v queries per request, want 1", r.QueriesPerRequest)
		}
	}
}

// A request that hands its work to a long-lived goroutine over a channel
// (a hub's join, a topic's messages) runs what the goroutine does with
// it: the receiving case's queries are the route's, marked with the
// channel they went through, and so are those of a goroutine the
// receiver hands them on to or starts for it. A channel only a background job sends on,
// or that the route only receives from, brings nothing. A handler that
// takes the connection over runs what its goroutines read; one that
// answers and leaves a goroutine running does not.
func TestRouteChannels(t *testing.T) {
	t.Parallel()
	rep, got := routeQueryLines(t, "testdata/chanhub", func(q report.RouteQuery) string {
		via := ""
		if len(q.Via) > 0 {
			via = " " + q.Via[0]
		}
		return q.SQL + " " + q.PerRequest + via
	})
	want := map[string][]string{
		"POST /join": {
			"INSERT INTO members (topic, name) VALUES ($1, $2) once chan Hub.join",
			"INSERT INTO welcomes (name) VALUES ($1) once chan Hub.join",
			"SELECT name FROM members once chan Topic.in",
			"INSERT INTO deliveries (name, body) VALUES ($1, $2) loop chan Topic.in",
		},
		"POST /say":    {"INSERT INTO messages (body) VALUES ($1) once chan Hub.broadcast"},
		"POST /event":  {"INSERT INTO events (body) VALUES ($1) once chan hub.Events"},
		"POST /events": {"INSERT INTO events (body) VALUES ($1) loop chan hub.Events"}, // sent in a loop
		"GET /wait":    nil,                                                            // receives only
		"GET /stream": {
			"INSERT INTO lines (body) VALUES ($1) once api.(*API).read",
			"INSERT INTO messages (body) VALUES ($1) once chan Hub.broadcast",
		},
		"POST /notify": nil, // a goroutine left running
	}
	for route, w := range want {
		if _, ok := got[route]; !ok {
			t.Errorf("no route %s", route)
		}
		if !slices.Equal(got[route], w) {
			t.Errorf("%s runs\n\t%s\nwant\n\t%s", route, strings.Join(got[route], "\n\t"), strings.Join(w, "\n\t"))
		}
	}
	for _, r := range rep.Routes {
		for _, q := range r.Queries {
			if strings.HasPrefix(q.SQL, "UPDATE stats") {
				t.Errorf("%s %s runs %q, which only a background job hands over", r.Method, r.Pattern, q.SQL)
			}
		}
	}
	// What the receivers hand over stays counted apart: a request runs
	// some of them, not all.
	for _, r := range rep.Routes {
		if r.Method == "POST" && r.Pattern == "/join" && (r.QueriesPerRequest.Min != 0 || r.QueriesPerRequest.Loop) {
			t.Errorf("POST /join: %+v queries per request, want 0", r.QueriesPerRequest)
		}
	}
}

// routeQueryLines runs the driver on the module in dir and gives each
// route ("GET /x") its queries, each as line says it.
func routeQueryLines(t *testing.T, dir string, line func(report.RouteQuery) string) (*report.Report, map[string][]string) {
	t.Helper()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", dir, "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	got := map[string][]string{}
	for _, r := range rep.Routes {
		var qs []string
		for _, q := range r.Queries {
			qs = append(qs, line(q))
		}
		got[r.Method+" "+r.Pattern] = qs
	}
	return rep, got
}

// siteLine is a route query as "file:line per_request"; siteFromLine
// adds where it comes from (handler, or a middleware's name).
func siteLine(q report.RouteQuery) string {
	return fmt.Sprintf("%s:%d %s", q.File, q.Line, q.PerRequest)
}

func siteFromLine(q report.RouteQuery) string {
	return fmt.Sprintf("%s:%d %s %s", q.File, q.Line, q.PerRequest, q.From)
}

// wantRoutes checks that each route of want is listed in got and runs
// exactly its queries, in order; exact, that got lists no other route.
func wantRoutes(t *testing.T, got, want map[string][]string, exact bool) {
	t.Helper()
	for route, w := range want {
		qs, ok := got[route]
		if !ok {
			t.Errorf("%s: not listed (routes: %q)", route, slices.Sorted(maps.Keys(got)))
			continue
		}
		if !slices.Equal(qs, w) {
			t.Errorf("%s runs\n\t%s\nwant\n\t%s", route, strings.Join(qs, "\n\t"), strings.Join(w, "\n\t"))
		}
	}
	if !exact {
		return
	}
	for route := range got {
		if _, ok := want[route]; !ok {
			t.Errorf("unexpected route %s", route)
		}
	}
}

// -routes says which queries a channel's receiver runs for the route.
func TestRouteChannelsText(t *testing.T) {
	t.Parallel()
	var stdout, stderr bytes.Buffer
	run([]string{"-routes", "-C", "testdata/chanhub", "./..."}, &stdout, &stderr, analyzer.Analyzers())
	for _, want := range []string{
		"hub/hub.go:61: once by the receiver of chan Hub.join: INSERT INTO members",
		"hub/hub.go:95: loop by the receiver of chan Topic.in: INSERT INTO deliveries",
		"api/api.go:60: once: INSERT INTO lines",
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("-routes does not say %q:\n%s\nstderr: %s", want, stdout.String(), stderr.String())
		}
	}
}

// A go-swagger server (testdata/swagger, generated-like code) keeps its
// operations in a map by method and path, each served by its
// operation's ServeHTTP, which calls the handler the application set
// as a conversion to the operation's HandlerFunc type: each route runs
// its own handler's queries, and the handler's loop is the route's.
// The routes are under the basePath of the spec the restapi package
// embeds, which calls the API's Serve: the operations package, which
// fills the map, sees neither.
func TestSwaggerRoutes(t *testing.T) {
	t.Parallel()
	rep, got := routeQueryLines(t, "testdata/swagger", func(q report.RouteQuery) string { return q.SQL + " " + q.PerRequest })
	want := map[string][]string{
		"GET /api/v1/flags":             {"SELECT id, key FROM flags WHERE id = $1 loop"},
		"DELETE /api/v1/flags/{flagID}": {"DELETE FROM flags WHERE id = $1 once"},
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %v", got, want)
	}
	for route, w := range want {
		if !slices.Equal(got[route], w) {
			t.Errorf("%s runs\n\t%s\nwant\n\t%s", route, strings.Join(got[route], "\n\t"), strings.Join(w, "\n\t"))
		}
	}
	for _, f := range rep.Findings {
		if f.Check == "queryinloop" && (f.Role != "route" || len(f.Routes) != 1 || f.Routes[0].Pattern != "/api/v1/flags") {
			t.Errorf("%s:%d: role %q, routes %v; want GET /api/v1/flags's", f.File, f.Line, f.Role, f.Routes)
		}
	}
}

// A function handed to a method of a dependency's interface whose value
// the graph does not follow (testdata/pbtx: pocketbase's core.App, its
// RunInTransaction) runs in place, as one handed to a dependency's
// function does: the transaction body's loop is the route's, and the
// route lists its lookup and save per item. A handler handed to a
// router's method is registered, not run: the route registering it
// lists nothing.
func TestOutsideInterfaceCallbacks(t *testing.T) {
	t.Parallel()
	rep, got := routeQueryLines(t, "testdata/pbtx", func(q report.RouteQuery) string { return q.File + ":" + strconv.Itoa(q.Line) + " " + q.PerRequest })
	want := map[string][]string{
		"POST /touch":    {"api/api.go:24 loop", "api/api.go:29 loop"},
		"POST /register": nil,
	}
	for route, w := range want {
		if !slices.Equal(got[route], w) {
			t.Errorf("%s runs\n\t%s\nwant\n\t%s", route, strings.Join(got[route], "\n\t"), strings.Join(w, "\n\t"))
		}
	}
	n := 0
	for _, f := range rep.Findings {
		if f.Check != "queryinloop" {
			continue
		}
		n++
		if f.File != "api/api.go" || f.Role != "route" || len(f.Routes) != 1 || f.Routes[0].Pattern != "/touch" {
			t.Errorf("%s:%d: role %q, routes %v; want POST /touch's", f.File, f.Line, f.Role, f.Routes)
		}
	}
	if n != 2 {
		t.Errorf("%d queryinloop findings, want the lookup and the save per id", n)
	}
}
