package driver

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// In a module that builds a program (testdata/deadapi), an exported
// method or function no code of the program calls, whose value is not
// taken and whose type reaches no code outside the module as an
// interface, is code no entry point reaches: Store.Unused and Backfill
// are counted and not shown. Printing a struct that holds the store in
// an unexported field does not make the store's methods callable from
// outside. What stays: a method database/sql calls (Tags.Scan, the
// receiver handed to Row.Scan as any), one expvar's handler calls
// (Counts.String, an expvar.Var), those net/rpc calls by reflection
// (Posts.Touch, the receiver handed to rpc.Register(any)), a method
// whose value is taken (Purge), an http.Handler's ServeHTTP. A library
// (testdata/deadlib: no main package) keeps every finding: its API is
// for other modules to call, and so does one whose main packages are
// only examples, tools and generators (testdata/deadexample); an
// example beside a service's command (deadapi/examples) changes nothing.
// A generated gRPC descriptor naming the server interface by a nil
// pointer (deadapi/api) makes nothing callable; a server handed to
// RegisterService does (testdata/deadgrpc).
func TestUnreachedExported(t *testing.T) {
	t.Parallel()
	lines := func(dir string, extra ...string) ([]string, int, string) {
		rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, append([]string{"-C", dir}, append(extra, "./...")...)...)
		var out []string
		for _, f := range rep.Findings {
			out = append(out, fmt.Sprintf("%s:%d %s", f.File, f.Line, f.Function))
		}
		slices.Sort(out)
		return out, rep.Stats.UnreachedFindings, stderr
	}
	const (
		scan   = "store/store.go:56 (*example.com/deadapi/store.Tags).Scan"
		purge  = "store/store.go:35 (*example.com/deadapi/store.Store).Purge"
		str    = "store/store.go:72 (*example.com/deadapi/store.Counts).String"
		touch  = "store/store.go:86 (*example.com/deadapi/store.Posts).Touch"
		serve  = "store/store.go:96 (*example.com/deadapi/store.Mux).ServeHTTP"
		unused = "store/store.go:28 (*example.com/deadapi/store.Store).Unused"
		backfl = "store/store.go:42 example.com/deadapi/store.Backfill"
	)
	got, dead, stderr := lines("testdata/deadapi")
	want := []string{scan, purge, str, touch, serve}
	slices.Sort(want)
	if !slices.Equal(got, want) || dead != 2 {
		t.Errorf("deadapi: findings %q, %d unreached;\nwant %q, 2 unreached (Unused, Backfill) (stderr: %s)", got, dead, want, stderr)
	}
	got, dead, _ = lines("testdata/deadapi", "-unreached")
	want = append(want, unused, backfl)
	slices.Sort(want)
	if !slices.Equal(got, want) || dead != 0 {
		t.Errorf("deadapi -unreached: findings %q, %d unreached; want %q, 0", got, dead, want)
	}
	// A gRPC descriptor's (*PostServiceServer)(nil), in every generated
	// package, hands no server to anyone: deadapi's gateway-only service
	// keeps Unused dead (above). Served over gRPC (deadgrpc: the service
	// handed to RegisterService as any), the store it holds in an
	// exported field is callable from outside, and Unused is reported.
	got, _, stderr = lines("testdata/deadgrpc")
	if want := "(*example.com/deadgrpc/store.Store).Unused"; !slices.ContainsFunc(got, func(f string) bool { return strings.HasSuffix(f, " "+want) }) {
		t.Errorf("deadgrpc: findings %q, want %q among them (stderr: %s)", got, want, stderr)
	}
	// A library keeps its API, and so does one whose main packages are
	// an example, a tool and what its go:generate runs.
	for _, lib := range []struct {
		dir  string
		want []string
	}{
		{"deadlib", []string{"store/store.go:16 (*example.com/deadlib/store.Repo).Rename", "store/store.go:23 example.com/deadlib/store.Import"}},
		{"deadexample", []string{"store/store.go:18 (*example.com/deadexample/store.Repo).Rename", "store/store.go:25 example.com/deadexample/store.Import"}},
	} {
		got, dead, stderr := lines("testdata/" + lib.dir)
		if !slices.Equal(got, lib.want) || dead != 0 {
			t.Errorf("%s: findings %q, %d unreached; want %q, 0 unreached (stderr: %s)", lib.dir, got, dead, lib.want, stderr)
		}
	}
}

// A handler handed to a dependency as its interface (feed's
// EventHandler) is called from outside the module only when the code
// handing it over runs in production (testdata/testonly): live's, which
// main starts, stays reported; sync's, handed over only by a function its
// package's test calls, is test support, silent like _test.go; dead's,
// handed over by an exported function nothing in the service calls, is
// code no entry point reaches (counted, shown with -unreached).
func TestHandedOverOnlyByTests(t *testing.T) {
	t.Parallel()
	lines := func(extra ...string) ([]string, int, string) {
		rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, append([]string{"-C", "testdata/testonly"}, append(extra, "./...")...)...)
		var out []string
		for _, f := range rep.Findings {
			out = append(out, fmt.Sprintf("%s:%d %s %q", f.File, f.Line, f.Severity, f.Role))
		}
		slices.Sort(out)
		return out, rep.Stats.UnreachedFindings, stderr
	}
	const (
		live = `live/live.go:15 medium ""`
		dead = `dead/dead.go:16 low ""`
	)
	got, n, stderr := lines()
	if want := []string{live}; !slices.Equal(got, want) || n != 1 {
		t.Errorf("findings %q, %d unreached;\nwant %q, 1 unreached (dead's OnRow) (stderr: %s)", got, n, want, stderr)
	}
	got, n, stderr = lines("-unreached")
	if want := []string{dead, live}; !slices.Equal(got, want) || n != 0 {
		t.Errorf("-unreached: findings %q, %d unreached;\nwant %q, 0 (sync's OnRow silent) (stderr: %s)", got, n, want, stderr)
	}
}

// A store method only tests call, directly or through the store's
// interface, runs in no request (testdata/testcalls): GetItem (called
// by a test through Interface) and ListItems (by its package's test)
// are code no entry point reaches, counted and not shown. A test's call
// through an interface does not make every method of that name callable
// from outside, as a production method value does. What stays, though
// tests call it too: what the handler runs through the interface
// (GetItemForRepo, ListItemsForRepo), a method whose value production
// code takes through the interface (Refresh), and one fmt calls through
// fmt.Stringer on a value main prints (Report.String, over a table's
// rows).
func TestOnlyTestsCall(t *testing.T) {
	t.Parallel()
	lines := func(extra ...string) ([]string, int, string) {
		rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, append([]string{"-C", "testdata/testcalls"}, append(extra, "./...")...)...)
		var out []string
		for _, f := range rep.Findings {
			out = append(out, fmt.Sprintf("%s:%d %s %s", f.File, f.Line, f.Function, f.Severity))
		}
		slices.Sort(out)
		return out, rep.Stats.UnreachedFindings, stderr
	}
	const (
		forRepo  = "store/store.go:42 (*example.com/testcalls/store.Engine).GetItemForRepo high"
		listRepo = "store/store.go:60 (*example.com/testcalls/store.Engine).ListItemsForRepo medium"
		refresh  = "store/store.go:69 (*example.com/testcalls/store.Engine).Refresh medium"
		str      = "report/report.go:19 (*example.com/testcalls/report.Report).String high"
		getItem  = "store/store.go:33 (*example.com/testcalls/store.Engine).GetItem low"
		list     = "store/store.go:51 (*example.com/testcalls/store.Engine).ListItems low"
	)
	got, n, stderr := lines()
	want := []string{forRepo, listRepo, refresh, str}
	slices.Sort(want)
	if !slices.Equal(got, want) || n != 2 {
		t.Errorf("findings %q, %d unreached;\nwant %q, 2 unreached (GetItem, ListItems) (stderr: %s)", got, n, want, stderr)
	}
	got, n, _ = lines("-unreached")
	want = append(want, getItem, list)
	slices.Sort(want)
	if !slices.Equal(got, want) || n != 0 {
		t.Errorf("-unreached: findings %q, %d unreached;\nwant %q, 0", got, n, want)
	}
}

// A route registered by code that runs in no entry point, only in tests
// (testdata/testcalls/mock: a fake of the API that nothing in the
// service imports and only its own test starts), is no route of the
// service: the inventory leaves it out and counts it
// (stats.unreached_routes); -unreached lists it. The route main
// registers stays.
func TestTestServerRoutes(t *testing.T) {
	t.Parallel()
	routes := func(extra ...string) ([]string, int) {
		rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, append([]string{"-C", "testdata/testcalls"}, append(extra, "./...")...)...)
		var out []string
		for _, r := range rep.Routes {
			out = append(out, fmt.Sprintf("%s %s", r.Pattern, r.File))
		}
		slices.Sort(out)
		if stderr != "" && rep.Stats.UnreachedRoutes > 0 && !strings.Contains(stderr, "not listed") {
			t.Errorf("stderr does not say routes were left out: %s", stderr)
		}
		return out, rep.Stats.UnreachedRoutes
	}
	const (
		items = "/items cmd/app/main.go"
		fake  = "/api/items mock/mock.go"
	)
	if got, n := routes(); !slices.Equal(got, []string{items}) || n != 1 {
		t.Errorf("routes %q, %d unreached; want [%q], 1 (the mock's)", got, n, items)
	}
	if got, n := routes("-unreached"); !slices.Equal(got, []string{fake, items}) || n != 0 {
		t.Errorf("-unreached: routes %q, %d unreached; want [%q %q], 0", got, n, fake, items)
	}
}

// testdata/unwired: code the program does not wire. A worker's loop runs
// when its function does: the loop of the notifier main starts (Mailer)
// is a job and stays reported; the same loop in a backend only another
// build constructs (Pager: NewPager nothing calls, Start only it would)
// is code no entry point reaches, counted and shown low with -unreached.
// A worker started by a constructor that runs the startup statement it
// is handed (a query site, whose callees the graph's reach leaves out:
// NewQueue) is live too: Queue's writer stays a job; so does the flusher
// of a generic Batcher main makes an instance of.
// A list of hooks handed to reflect.ValueOf(...).Len() and
// reflect.Swapper, which call no method of a hook, makes no hook's type,
// nor the store one holds, callable from outside: Store.Unused is
// unreached. Through the same shape, a list whose item reflect hands out
// as an interface value (Value.Index(0).Interface()) makes the methods
// of its Sink interface callable from outside, and those a dependency's
// interface asks for, but not the Purge of the archive a sink holds: no
// code outside holding a value as one of the module's interfaces calls
// a method of what it holds by its name (Purge is unreached, shown low
// with -unreached). fmt.Println, handed the counts whole, keeps
// Counts.String. A value
// handed to the module's own context as any (flow: c.Set("deps", deps),
// kept in a map field, read back as c.Get("deps").(*Deps)) reaches no
// code outside: Ledger.Rebuild, which nothing calls, is unreached; a
// value kept the same way in a map another method prints (Board.Show:
// fmt.Println) keeps Tally.String.
func TestUnwired(t *testing.T) {
	t.Parallel()
	lines := func(extra ...string) ([]string, int, string) {
		rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, append([]string{"-C", "testdata/unwired"}, append(extra, "./...")...)...)
		var out []string
		for _, f := range rep.Findings {
			out = append(out, fmt.Sprintf("%s:%d %s %q", f.File, f.Line, f.Severity, f.Role))
		}
		slices.Sort(out)
		return out, rep.Stats.UnreachedFindings, stderr
	}
	const (
		mailer = `notify/notify.go:19 medium "job"`
		queue  = `notify/notify.go:60 medium "job"`
		batch  = `notify/notify.go:81 medium "job"`
		pager  = `notify/notify.go:38 low ""`
		unused = `hooks/hooks.go:48 low ""`
		purge  = `hooks/hooks.go:63 low ""`
		counts = `hooks/hooks.go:77 high ""`
		tally  = `flow/flow.go:56 high ""`
		ledger = `flow/flow.go:33 low ""`
	)
	got, n, stderr := lines()
	if want := []string{tally, counts, mailer, queue, batch}; !slices.Equal(got, want) || n != 4 {
		t.Errorf("findings %q, %d unreached;\nwant %q, 4 unreached (Pager's loop, Store.Unused, Archive.Purge, Ledger.Rebuild) (stderr: %s)", got, n, want, stderr)
	}
	got, n, stderr = lines("-unreached")
	if want := []string{ledger, tally, unused, purge, counts, mailer, pager, queue, batch}; !slices.Equal(got, want) || n != 0 {
		t.Errorf("-unreached: findings %q, %d unreached;\nwant %q, 0 (stderr: %s)", got, n, want, stderr)
	}
}

// testdata/deadheld: a store that reaches code outside the module only
// as what other values hold. A job handed to net/http holds it in an
// exported field of the module's interface type Posts; an export's
// parameters keep it in a map of the module's as any ("storer"), read
// back by its key and asserted to Storer (another key's value is
// asserted to io.Writer); a loader takes it as an interface spelled as
// a literal. Code outside cannot name Posts: it calls what an interface
// of its own asks for (String: fmt.Stringer), not Posts's Hide nor
// Store.Unused, which nothing calls: both unreached. The archive handed
// to fmt whole keeps its uncalled Reported; so does a cache kept in
// another map of the parameters whose every value a loop prints (Flush).
func TestUnreachedHeld(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/deadheld", "./...")
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s:%d %s", f.File, f.Line, f.Function))
	}
	want := []string{
		"store/store.go:71 (*example.com/deadheld/store.Archive).Reported",
		"store/store.go:84 (*example.com/deadheld/store.Cache).Flush",
	}
	if !slices.Equal(got, want) || rep.Stats.UnreachedFindings != 2 {
		t.Errorf("findings %q, %d unreached; want %q, 2 unreached (Store.Hide, Store.Unused) (stderr: %s)", got, rep.Stats.UnreachedFindings, want, stderr)
	}
}
