package program

import (
	"fmt"
	"go/ast"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// shapes is testdata/shapes, loaded and built once for the tests.
var shapes struct {
	l *loaded
	p *Program
}

func shapesProgram(t *testing.T) (*loaded, *Program) {
	t.Helper()
	if shapes.p == nil {
		shapes.l = load(t, "testdata/shapes")
		shapes.p = shapes.l.build(t, initialLazy)
	}
	return shapes.l, shapes.p
}

// describe prints reached sites as "file:line ×depth via a → b".
func describe(p *Program, qs []Reached) []string {
	var out []string
	for _, q := range qs {
		pos := p.Fset.Position(q.Site.Call.Pos())
		var via []string
		for _, g := range q.Via {
			via = append(via, g.Name)
		}
		once := ""
		switch {
		case q.Once:
			once = " once"
		case q.Per > 0:
			once = fmt.Sprintf(" once per #%d", q.Per-1) // per value of a parameter, the receiver #0
		case q.Key > 0:
			once = " once per key"
			for _, n := range queries.Params(q.Key) {
				once += fmt.Sprintf(" #%d", n-1) // likewise
			}
		}
		out = append(out, fmt.Sprintf("%s:%d ×%d%s via %s", rel(pos.Filename), pos.Line, q.Depth, once, strings.Join(via, " → ")))
	}
	return out
}

func funcNamed(t *testing.T, p *Program, name string) *Func {
	t.Helper()
	for _, f := range p.Funcs() {
		if f.key == name {
			return f
		}
	}
	t.Fatalf("no function %s in the graph", name)
	return nil
}

func TestReach(t *testing.T) {
	_, p := shapesProgram(t)
	for _, tc := range []struct {
		fn   string
		want []string
	}{
		// Through an interface: the implementation the value Each is
		// called on holds — main calls it on other alone, made over the
		// cached store, whose Get is base's, promoted —, not pg, which
		// the other Service holds, nor unused, which implements it but
		// is never made. Through a func-typed field holding a method
		// value of a generic type's instantiation: Table.Count.
		{"(*example.com/shapes/svc.Service).Each", []string{
			"store.go:27 ×1 via svc.(*Service).Each → store.(*base).Get",
			"store.go:52 ×0 via svc.(*Service).Each → store.(*Table).Count",
		}},
		// A closure called per item of per item: its function's name.
		// Nothing calls Nested: whatever either Service holds.
		{"(*example.com/shapes/svc.Service).Nested", []string{
			"store.go:19 ×2 via svc.(*Service).Nested → store.(*pg).Get",
			"store.go:27 ×2 via svc.(*Service).Nested → store.(*base).Get",
		}},
		// A closure handed to sync.Once.Do runs there, once.
		{"(*example.com/shapes/svc.Service).Name", []string{
			"svc.go:51 ×0 once via svc.(*Service).Name",
		}},
		// A loop that leaves right after the call runs it at most once.
		{"(*example.com/shapes/svc.Service).Lead", []string{
			"store.go:19 ×0 via svc.(*Service).Lead → store.(*pg).Get",
			"store.go:27 ×0 via svc.(*Service).Lead → store.(*base).Get",
		}},
		// A batch passed whole: one statement per batch.
		{"(*example.com/shapes/svc.Service).PurgeChunks", []string{
			"store.go:100 ×0 via svc.(*Service).PurgeChunks → store.DeleteAll",
		}},
		// A cache filled under if s.x == nil runs once per receiver, in
		// whatever loop: Labels hands label its own.
		{"(*example.com/shapes/svc.Service).Labels", []string{
			"svc.go:124 ×0 once per #0 via svc.(*Service).Labels → svc.(*Service).label",
		}},
		// A keyed cache the process keeps: its miss runs once per key,
		// and once warm every key hits, each item's own id too.
		{"(*example.com/shapes/svc.Service).Tags", []string{
			"svc.go:268 ×0 once via svc.(*Service).Tags → svc.(*Service).tag",
		}},
		// A keyed cache handed in, whose life the callee cannot tell:
		// keyed by each item's own id, once per item (a first pass misses
		// on every one); likewise when helpers test the key and load it.
		{"(*example.com/shapes/svc.Service).Kinds", []string{
			"svc.go:298 ×1 via svc.(*Service).Kinds → svc.(*Service).kind → svc.(*Service).loadKinds",
		}},
		// By a key set before the loop, or a constant two calls down:
		// once, the key repeating.
		{"(*example.com/shapes/svc.Service).OwnerTags", []string{
			"svc.go:298 ×0 once per key #4 via svc.(*Service).OwnerTags → svc.(*Service).kind → svc.(*Service).loadKinds",
		}},
		{"(*example.com/shapes/svc.Service).DefaultKinds", []string{
			"svc.go:298 ×0 once via svc.(*Service).DefaultKinds → svc.(*Service).defaultKind → svc.(*Service).kind → svc.(*Service).loadKinds",
		}},
		// A fill after a keyed cache's statement (if !ok { ... }) is no
		// miss of it: once, not once per key.
		{"(*example.com/shapes/svc.Service).CountedTags", []string{
			"svc.go:345 ×1 via svc.(*Service).CountedTags → svc.(*Service).countedTag",
			"svc.go:350 ×0 once via svc.(*Service).CountedTags → svc.(*Service).countedTag",
		}},
		// A getter's reload flag passed true builds its value per item;
		// a fill under it, once for the process, stays once.
		{"example.com/shapes/svc.Reloaded", []string{
			"svc.go:375 ×0 once via svc.Reloaded → svc.(*Config).Conf → svc.readSettings",
		}},
		// A key the loop carries from item to item: anew per item.
		{"(*example.com/shapes/svc.Service).NextTags", []string{
			"svc.go:268 ×0 once via svc.(*Service).NextTags → svc.(*Service).tag",
			"svc.go:298 ×1 via svc.(*Service).NextTags → svc.(*Service).kind → svc.(*Service).loadKinds",
		}},
		// Recursion is one loop: Mark per root and per node (×2, not a
		// power of the depth); Even and Odd, one component, one loop.
		{"(*example.com/shapes/svc.Service).Tree", []string{
			"store.go:72 ×2 via svc.(*Service).Tree → store.Mark",
			"store.go:92 ×1 via svc.(*Service).Tree → store.Even → store.Odd",
		}},
		// A middleware's queries are its own: next.ServeHTTP is the
		// request going on, not a call. Only s, over pg, is wrapped.
		{"(*example.com/shapes/svc.Service).Wrap$1", []string{
			"store.go:19 ×0 via svc.(*Service).Wrap → store.(*pg).Get",
		}},
		// A receiver no followed value reaches: every implementation in
		// the module, unused included.
		{"example.com/shapes/svc.FromContext", []string{
			"store.go:19 ×0 via svc.FromContext → store.(*pg).Get",
			"store.go:27 ×0 via svc.FromContext → store.(*base).Get",
			"store.go:38 ×0 via svc.FromContext → store.unused.Get",
		}},
		// A function handed to a helper that calls it runs once per call
		// of the helper, times the helper's loops around its call; the
		// helper's other callers' functions are not this caller's.
		{"(*example.com/shapes/svc.Service).Rename", []string{
			"store.go:72 ×1 via svc.(*Service).Rename → store.Mark",
			"store.go:100 ×1 via svc.(*Service).Rename → store.DeleteAll",
		}},
		{"(*example.com/shapes/svc.Service).Archive", []string{
			"store.go:92 ×1 via svc.(*Service).Archive → store.Odd",
		}},
		// A helper one of whose callers hands it what the rewiring
		// cannot follow (a function kept in a field): the others run
		// their own function still; that one, what the graph gives the
		// helper's call, every function handed to it.
		{"(*example.com/shapes/svc.Service).MarkOne", []string{
			"store.go:72 ×1 via svc.(*Service).MarkOne → store.Mark",
		}},
		{"(*example.com/shapes/svc.Service).MarkTwo", []string{
			"store.go:72 ×1 via svc.(*Service).MarkTwo → store.Mark",
			"store.go:92 ×1 via svc.(*Service).MarkTwo → store.Odd",
		}},
		// Each of two parameters the caller hands a field's function:
		// what the graph gave each call.
		{"(*example.com/shapes/svc.Service).RecountTwo", []string{
			"store.go:52 ×0 via svc.(*Service).RecountTwo → store.(*Table).Count",
			"store.go:72 ×1 via svc.(*Service).RecountTwo → svc.(*Service).MarkTwo → store.Mark",
			"store.go:92 ×1 via svc.(*Service).RecountTwo → svc.(*Service).MarkTwo → store.Odd",
		}},
		{"(*example.com/shapes/svc.Service).Recount", []string{
			"store.go:52 ×0 via svc.(*Service).Recount → store.(*Table).Count",
			"store.go:72 ×1 via svc.(*Service).Recount → svc.(*Service).MarkOne → store.Mark",
		}},
		// A helper handing the function each chunk of a list runs it
		// once per chunk: a single statement taking the chunk whole
		// repeats nothing per item; one per item of the chunk does.
		{"(*example.com/shapes/svc.Service).PurgeChunks", []string{
			"store.go:100 ×0 via svc.(*Service).PurgeChunks → store.DeleteAll",
		}},
		{"(*example.com/shapes/svc.Service).PurgeEach", []string{
			"store.go:100 ×2 via svc.(*Service).PurgeEach → store.DeleteAll",
		}},
		// Also when the helper calls it inside a closure of its own,
		// handed to another helper (retry → attempt).
		{"(*example.com/shapes/svc.Service).Touch", []string{
			"store.go:100 ×1 via svc.(*Service).Touch → store.DeleteAll",
		}},
		// Through an interface's method whose implementations run the
		// function in place or on their goroutine, sent over a channel:
		// each caller runs its own function, a loop around the call
		// repeats it, and a function handed on (WithTx) is still the
		// caller's.
		{"(*example.com/shapes/accounts.Accounts).Create", []string{
			"accounts.go:28 ×0 via accounts.(*Accounts).Create",
		}},
		{"(*example.com/shapes/accounts.Accounts).BanAll", []string{
			"accounts.go:35 ×1 via accounts.(*Accounts).BanAll → accounts.(*Accounts).Ban",
		}},
		{"(*example.com/shapes/accounts.Accounts).Audit", []string{
			"accounts.go:58 ×1 via accounts.(*Accounts).Audit",
		}},
		// A helper kept in a local variable beside a closure running in
		// the caller's transaction: the variable's calls are the
		// helper's callers, each with its own body.
		{"example.com/shapes/txalias.Archive", []string{
			"txalias.go:41 ×0 via txalias.Archive",
		}},
		{"example.com/shapes/txalias.Send", []string{
			"txalias.go:33 ×0 via txalias.Send",
		}},
		// A function kept in a list of hooks runs when they fire, not
		// when it is registered; once per hook, each its own code (a
		// range over records of a function: not per item).
		{"example.com/shapes/accounts.OnBan", nil},
		{"(*example.com/shapes/writer.Hooks).Fire", []string{
			"accounts.go:69 ×0 via writer.(*Hooks).Fire → accounts.OnBan",
		}},
		// A helper running a variadic list of functions: each caller
		// runs the functions it lists, all of them, once each (a range
		// over functions is not per item); a loop around one caller's
		// call repeats that caller's only. Also through a slice spelled
		// as fns... and a helper forwarding its list to another.
		{"example.com/shapes/jobs.Report", []string{
			"jobs.go:72 ×0 via jobs.Report → jobs.count",
			"jobs.go:77 ×0 via jobs.Report → jobs.total",
		}},
		{"example.com/shapes/jobs.Refresh", []string{
			"jobs.go:82 ×1 via jobs.Refresh → jobs.touch",
		}},
		{"example.com/shapes/jobs.Listed", []string{
			"jobs.go:72 ×0 via jobs.Listed → jobs.count",
		}},
		{"example.com/shapes/jobs.Forwarded", []string{
			"jobs.go:77 ×0 via jobs.Forwarded → jobs.total",
		}},
		// Each handed, as it is, to code outside the module that runs
		// it (a wait group's, an errgroup's Go).
		{"example.com/shapes/jobs.Warm", []string{
			"jobs.go:72 ×0 via jobs.Warm → jobs.count",
		}},
		{"example.com/shapes/jobs.Tally", []string{
			"jobs.go:77 ×0 via jobs.Tally → jobs.total",
		}},
		// Handed to sync.Once's Do: once, whatever the loops.
		{"example.com/shapes/jobs.Prime", []string{
			"jobs.go:72 ×0 once via jobs.Prime → jobs.count",
		}},
		// A list a caller does not spell (options made by calls) is left
		// to the call graph; the function beside it is still each
		// caller's own.
		{"example.com/shapes/jobs.Counted", []string{
			"jobs.go:72 ×0 via jobs.Counted → jobs.count",
		}},
		{"example.com/shapes/jobs.Totalled", []string{
			"jobs.go:77 ×0 via jobs.Totalled → jobs.total",
		}},
		// Also when the helper hands it on, in a closure, to a func-typed
		// field (each flavor's transaction runner calls what it is
		// handed): the runners' own statements are the call's too.
		{"(*example.com/shapes/flavor.Conn).Rename", []string{
			"flavor.go:24 ×0 via flavor.(*Conn).Rename → flavor.(*Conn).ExecTx → flavor.init",
			"flavor.go:83 ×0 via flavor.(*Conn).Rename",
		}},
		{"(*example.com/shapes/flavor.Conn).Drop", []string{
			"flavor.go:24 ×0 via flavor.(*Conn).Drop → flavor.(*Conn).ExecTx → flavor.init",
			"flavor.go:90 ×0 via flavor.(*Conn).Drop",
		}},
		// A hub's handlers are the ones its constructor was given, by the
		// call that made the hub its caller dispatches on: each feature's
		// own (the map's, and the confirm function's)...
		{"(*example.com/shapes/feature.Polls).Event", []string{
			"feature.go:31 ×0 via feature.(*Polls).Event → feature.(*Polls).vote",
			"feature.go:36 ×0 via feature.(*Polls).Event → feature.(*Polls).close",
			"feature.go:41 ×0 via feature.(*Polls).Event → feature.(*Polls).owner",
		}},
		{"(*example.com/shapes/feature.Boards).Event", []string{
			"feature.go:62 ×0 via feature.(*Boards).Event → feature.(*Boards).move",
		}},
		// ...but where the handlers come from further away, every one the
		// call graph gives.
		{"(*example.com/shapes/feature.Feed).Post", []string{
			"feature.go:31 ×0 via feature.(*Feed).Post → hub.(*Bus).Publish → feature.(*Polls).vote",
			"feature.go:36 ×0 via feature.(*Feed).Post → hub.(*Bus).Publish → feature.(*Polls).close",
			"feature.go:62 ×0 via feature.(*Feed).Post → hub.(*Bus).Publish → feature.(*Boards).move",
			"feature.go:97 ×0 via feature.(*Feed).Post → hub.(*Bus).Publish → feature.(*Chat).say",
		}},
		// A map of handlers added to after it is made: every handler the
		// call graph gives.
		{"(*example.com/shapes/feature.Chat).Event", []string{
			"feature.go:31 ×0 via feature.(*Chat).Event → hub.(*Router).Route → feature.(*Polls).vote",
			"feature.go:36 ×0 via feature.(*Chat).Event → hub.(*Router).Route → feature.(*Polls).close",
			"feature.go:62 ×0 via feature.(*Chat).Event → hub.(*Router).Route → feature.(*Boards).move",
			"feature.go:97 ×0 via feature.(*Chat).Event → hub.(*Router).Route → feature.(*Chat).say",
		}},
		// A worker's loop is not part of a call of its function.
		{"(*example.com/shapes/svc.Service).Poll", []string{
			"store.go:52 ×0 via svc.(*Service).Poll → store.(*Table).Count",
		}},
		// A goroutine the call starts and does not wait for runs beside
		// it: the insert and the update after the go statement are the
		// call's, the notice, the notification, the worker's start, what
		// Later starts and the timer's function are not.
		{"(*example.com/shapes/async.Service).Save", []string{
			"async.go:26 ×0 via async.(*Service).Save",
			"async.go:30 ×0 via async.(*Service).Save",
		}},
		// One it waits for is its work: through a wait group (per item
		// here), a channel it closes or sends on and the call receives
		// from (or selects on), a channel the call returns to its caller.
		{"(*example.com/shapes/async.Service).Fan", []string{
			"async.go:70 ×1 via async.(*Service).Fan",
		}},
		{"(*example.com/shapes/async.Service).Await", []string{
			"async.go:81 ×0 via async.(*Service).Await",
		}},
		{"(*example.com/shapes/async.Service).Stream", []string{
			"async.go:93 ×0 via async.(*Service).Stream",
		}},
		{"(*example.com/shapes/async.Service).Select", []string{
			"async.go:112 ×0 via async.(*Service).Select → async.(*Service).check",
		}},
		// A receive from another channel is no wait for it.
		{"(*example.com/shapes/async.Service).Elsewhere", nil},
		// A generated strict server's handler: the controller's method is
		// called in a closure the middlewares' chain wraps, and what the
		// chain gives back is called; the route's wrapper reaches it
		// through the server interface.
		{"(*example.com/shapes/strict.strictHandler).GetThing", []string{
			"api.go:13 ×0 via strict.(*strictHandler).GetThing → strict.(*API).GetThing",
		}},
		// A handler handed in is the request going on, through
		// middlewares or not.
		{"example.com/shapes/strict.Serve", nil},
		{"(*example.com/shapes/strict.ServerInterfaceWrapper).GetThing", []string{
			"api.go:13 ×0 via strict.(*ServerInterfaceWrapper).GetThing → strict.(*strictHandler).GetThing → strict.(*API).GetThing",
		}},
	} {
		got := describe(p, p.Reach(funcNamed(t, p, tc.fn)))
		if !slices.Equal(got, tc.want) {
			t.Errorf("Reach(%s):\n\t%s\nwant\n\t%s", tc.fn, strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
		}
	}
}

// entries lists entries as "role name: file:line ×depth via ...".
func entries(p *Program, es []*Entry) []string {
	var out []string
	for _, e := range es {
		var qs []Reached
		for _, q := range p.Queries(e) {
			qs = append(qs, q.Reached)
		}
		out = append(out, fmt.Sprintf("%s %s: %s", e.Role, e.Name, strings.Join(describe(p, qs), "; ")))
	}
	return out
}

func TestEntries(t *testing.T) {
	l, p := shapesProgram(t)
	check := func(what string, got, want []string) {
		t.Helper()
		if !slices.Equal(got, want) {
			t.Errorf("%s:\n\t%s\nwant\n\t%s", what, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
		}
	}
	// In source order (by file name across packages). The writer's
	// goroutine runs what it is sent: those are the senders' queries,
	// not its own.
	check("jobs", entries(p, p.Jobs()), []string{
		"job async.(*Service).loop: async.go:55 ×0 via async.(*Service).loop",
		"job svc.(*Service).Poll: store.go:19 ×0 via svc.(*Service).Poll → store.(*pg).Get; store.go:27 ×0 via svc.(*Service).Poll → store.(*base).Get",
		"job writer.(*Exclusive).run: ",
	})
	// The arms of the switch on flag.Arg(0); serve starts serving, so it
	// is the program's start, not an operator's command; so does web, on a
	// goroutine; and api.
	check("commands", entries(p, p.Commands()), []string{
		"startup serve: ",
		"startup web: ",
		"startup api: ",
		"cli walk: store.go:72 ×2 via svc.(*Service).Tree → store.Mark; store.go:92 ×1 via svc.(*Service).Tree → store.Even → store.Odd",
		"cli upgrade: upgrade.go:15 ×0 via upgrade.Apply → upgrade.init; upgrade.go:21 ×0 via upgrade.Apply → upgrade.first",
	})
	// history lists functions that change the schema and Apply ranges
	// over it (a fixed list: once each); validators lists functions too,
	// but none changes it.
	check("migrations", entries(p, p.Migrations()), []string{
		"migration upgrade.Apply: upgrade.go:15 ×0 via upgrade.Apply → upgrade.init; upgrade.go:21 ×0 via upgrade.Apply → upgrade.first",
		"migration upgrade.first: upgrade.go:21 ×0 via upgrade.first",
		"migration upgrade.history[1]: upgrade.go:15 ×0 via upgrade.init",
	})
	// fixtures is imported by svc's test only.
	check("test support", sortedKeys(TestSupport(l.pkgs)), []string{"example.com/shapes/fixtures"})
}

// What a request starts and does not wait for is a job of its own, one
// per function started, whichever route starts it: the route's entry does
// not reach its queries, the job does; a migration when the function's
// names say so (an upgrade wizard's goroutine). What a command starts
// stays the command's.
func TestStarted(t *testing.T) {
	_, p := shapesProgram(t)
	route := &Entry{Role: RoleRoute, Name: "POST /save", Parts: []Part{{From: "handler", Func: funcNamed(t, p, "(*example.com/shapes/async.Service).Save")}}}
	again := &Entry{Role: RoleRoute, Name: "PUT /save", Parts: []Part{{From: "handler", Func: funcNamed(t, p, "(*example.com/shapes/async.Service).Save")}}}
	cli := &Entry{Role: RoleCLI, Name: "sweep", Parts: []Part{{Func: funcNamed(t, p, "(*example.com/shapes/async.Service).Elsewhere")}}}
	upgrade := &Entry{Role: RoleRoute, Name: "POST /upgrade", Parts: []Part{{From: "handler", Func: funcNamed(t, p, "(*example.com/shapes/async.Service).Upgrade")}}}
	got := entries(p, p.Started([]*Entry{route, again, cli, upgrade}))
	want := []string{
		"job async.(*Service).Save: async.go:28 ×0 via async.(*Service).Save",
		"job async.(*Service).Save: async.go:34 ×0 via async.(*Service).Save",
		"job async.(*Service).Save: async.go:37 ×0 via async.(*Service).Save",
		"job async.(*Service).notify: async.go:42 ×0 via async.(*Service).notify",
		"job async.(*Service).loop: async.go:53 ×0 via async.(*Service).loop",
		"cli sweep: async.go:121 ×0 via async.(*Service).Elsewhere",
		"migration async.(*Service).runMigration: upgrade.go:14 ×0 via async.(*Service).runMigration",
		"job async.(*Service).reindex: upgrade.go:19 ×0 via async.(*Service).reindex",
	}
	if !slices.Equal(got, want) {
		t.Errorf("started:\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	// Through the route, none of them.
	for _, q := range p.Queries(route) {
		if pos := p.Fset.Position(q.Site.Call.Pos()); pos.Line != 26 && pos.Line != 30 {
			t.Errorf("POST /save reaches async.go:%d, which a goroutine it does not wait for runs", pos.Line)
		}
	}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestLayeredEntries checks the entry points of testdata/layered that are
// not routes against its EXPECTED.md ("Entry points that are not
// routes"): the reminder job, the archive command, the Go-coded schema
// steps (named nothing like "migrat") and the serve command's start, and
// the test-support package.
func TestLayeredEntries(t *testing.T) {
	l := load(t, "../../testdata/layered")
	p := l.build(t, initialLazy)
	var got []string
	var es []*Entry
	es = append(es, p.Jobs()...)
	es = append(es, p.Commands()...)
	es = append(es, p.Migrations()...)
	for _, e := range es {
		var sites []string
		for _, q := range p.Queries(e) {
			pos := p.Fset.Position(q.Site.Call.Pos())
			sites = append(sites, fmt.Sprintf("%s:%d", rel(pos.Filename), pos.Line))
		}
		got = append(got, fmt.Sprintf("%s %s: %s", e.Role, e.Name, strings.Join(sites, " ")))
	}
	want := []string{
		"job worker.(*Reminders).Run: internal/repo/postgres/postgres.go:182 internal/repo/postgres/postgres.go:190 internal/repo/sqlite/sqlite.go:135 internal/repo/sqlite/sqlite.go:139",
		"startup serve: internal/repo/postgres/postgres.go:59",
		"cli upgrade: internal/schema/steps.go:28 internal/schema/steps.go:32 internal/schema/steps.go:47 internal/schema/steps.go:59 internal/schema/steps.go:110 internal/schema/steps.go:126 internal/schema/steps.go:129 internal/schema/steps.go:149",
		"cli archive: internal/repo/postgres/postgres.go:122 internal/repo/postgres/postgres.go:126 internal/repo/postgres/postgres.go:172 internal/repo/postgres/postgres.go:177 internal/repo/sqlite/sqlite.go:84 internal/repo/sqlite/sqlite.go:88 internal/repo/sqlite/sqlite.go:120 internal/repo/sqlite/sqlite.go:130",
		"migration schema.Upgrade: internal/schema/steps.go:28 internal/schema/steps.go:32 internal/schema/steps.go:47 internal/schema/steps.go:59 internal/schema/steps.go:110 internal/schema/steps.go:126 internal/schema/steps.go:129 internal/schema/steps.go:149",
		"migration schema.createCore: internal/schema/steps.go:59",
		"migration schema.addLabels: internal/schema/steps.go:110",
		"migration schema.addTaskSlugs: internal/schema/steps.go:126 internal/schema/steps.go:129 internal/schema/steps.go:149",
	}
	if !slices.Equal(got, want) {
		t.Errorf("entries:\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if got := sortedKeys(TestSupport(l.pkgs)); !slices.Equal(got, []string{"example.com/layered/internal/testdb"}) {
		t.Errorf("test support: %v, want internal/testdb", got)
	}
	// Each site's main role: the archive command's queries are the
	// command's (store.ArchiveProject is no route's); the steps' are the
	// migration's although main reaches them too; the worker's are the
	// job's.
	var all []*Entry
	for q, res := range l.routes {
		if q.ID == q.PkgPath {
			for _, r := range res.Routes {
				all = append(all, p.RouteEntry(r))
			}
		}
	}
	all = append(append(all, es...), p.Startup()...)
	roles := p.Roles(all)
	for site, want := range map[string]Role{
		"internal/repo/postgres/postgres.go:122": RoleCLI,
		"internal/repo/postgres/postgres.go:126": RoleCLI,
		"internal/repo/postgres/postgres.go:172": RoleRoute, // DoneTaskIDs: DELETE /projects/{id}/done too
		"internal/schema/steps.go:149":           RoleMigration,
		"internal/repo/postgres/postgres.go:190": RoleJob,
		"internal/repo/postgres/postgres.go:59":  RoleStartup,
		"internal/repo/postgres/postgres.go:77":  RoleRoute,
	} {
		checkSiteRole(t, p, roles, rel, site, want)
	}
}

// One call runs one path through a body: the costliest case of a switch,
// not all of them; and the query a message names first is one every call
// that does not fail runs (an error check's return is no other path).
func TestQueriesPerCall(t *testing.T) {
	_, p := shapesProgram(t)
	recursion := []string{"svc.go:220", "svc.go:222", "svc.go:223", "svc.go:233", "svc.go:238"}
	for _, tc := range []struct {
		fn   string
		once int
		seq  []string
		loop bool
	}{
		{"example.com/shapes/svc.Log", 3, []string{"svc.go:202", "svc.go:195", "svc.go:199", "svc.go:200"}, false},
		{"example.com/shapes/svc.LogAll", 6, []string{"svc.go:202", "svc.go:195", "svc.go:199", "svc.go:200"}, false},
		// Two writers, each with two ways to run the function: one runs.
		{"(*example.com/shapes/accounts.Accounts).Create", 1, []string{"accounts.go:28"}, false},
		// A recursion (Apply, cascade, archive): one call runs the
		// costliest path from the function called, down to where it
		// would call back into a function already on the way (a level
		// of the recursion: a loop) — not every member's queries at
		// once, which made each of them cost 2+1+1 = 4.
		{"example.com/shapes/svc.Apply", 2, recursion, true},
		{"example.com/shapes/svc.archive", 4, recursion, true}, // e, d, then Apply's costliest case
		{"example.com/shapes/svc.cascade", 3, recursion, true},
		// A getter that sets the database up under sync.Once costs its
		// callers nothing per call: UserName runs its one lookup.
		{"example.com/shapes/svc.Conn", 0, []string{"conn.go:18", "conn.go:19", "conn.go:20"}, false},
		{"example.com/shapes/svc.UserName", 1, []string{"conn.go:28", "conn.go:18", "conn.go:19", "conn.go:20"}, false},
	} {
		f := funcNamed(t, p, tc.fn)
		if once, loop := p.Cost(f); once != tc.once || loop != tc.loop {
			t.Errorf("Cost(%s) = %d, %v; want %d, %v", tc.fn, once, loop, tc.once, tc.loop)
		}
		var seq []string
		for _, s := range p.Sequence(f) {
			pos := p.Fset.Position(s.Call.Pos())
			seq = append(seq, fmt.Sprintf("%s:%d", rel(pos.Filename), pos.Line))
		}
		if !slices.Equal(seq, tc.seq) {
			t.Errorf("Sequence(%s) = %v, want %v", tc.fn, seq, tc.seq)
		}
	}
}

// Each counts what one path through a call names, the queries its loops
// repeat once: Purge runs none once per call and two per item. Branches
// counts what every path can: Log's switch has three lookups, one call
// runs one case's.
func TestQueriesEach(t *testing.T) {
	_, p := shapesProgram(t)
	for _, tc := range []struct {
		fn        string
		each, any int
	}{
		{"example.com/shapes/svc.Purge", 2, 2},
		{"example.com/shapes/svc.Log", 3, 4},
		{"example.com/shapes/svc.archive", 4, 5},                 // e, d, then Apply's a, b, c
		{"(*example.com/shapes/accounts.Accounts).Create", 1, 1}, // two writers: one's
	} {
		if each := p.Each(funcNamed(t, p, tc.fn)); each != tc.each {
			t.Errorf("Each(%s) = %d, want %d", tc.fn, each, tc.each)
		}
		if any := p.Branches(funcNamed(t, p, tc.fn)); any != tc.any {
			t.Errorf("Branches(%s) = %d, want %d", tc.fn, any, tc.any)
		}
	}
	if once, loop := p.Cost(funcNamed(t, p, "example.com/shapes/svc.Purge")); once != 0 || !loop {
		t.Errorf("Cost(Purge) = %d, %v; want 0, true", once, loop)
	}
}

// A handler a library outside the module makes from the module's
// functions (rest.GetAll(constructor)) runs them per request: they are
// the route's, with the methods of the interface they return, and not
// what the function registering the route runs at start-up.
func TestMadeHandlers(t *testing.T) {
	l := load(t, "../driver/testdata/inventory")
	p := l.build(t, initialLazy)
	var routes []*Entry
	for _, res := range l.routes {
		for _, r := range res.Routes {
			// A server's handler (api.New's router, served) is a route
			// only where a library made it (see MadeOutside).
			if r.Handler.Made.IsValid() && (!r.Served || p.MadeOutside(r)) {
				routes = append(routes, p.RouteEntry(r))
			}
		}
	}
	if len(routes) != 2 {
		t.Fatalf("%d routes with a made handler, want 2 (GetAll and Get)", len(routes))
	}
	constructor := funcNamed(t, p, "(*example.com/inventory/api.Router).resource$1")
	for _, e := range routes {
		var parts []string
		for _, part := range e.Parts {
			if part.From == "handler" {
				parts = append(parts, fmt.Sprintf("%s maybe=%v", part.Func.key, part.Maybe))
			}
		}
		// The constructor, then Repository's methods on each type the
		// data store's Resource returns (promoted from their base).
		want := []string{
			"(*example.com/inventory/api.Router).resource$1 maybe=false",
			"(*example.com/inventory/persistence.albumRepository).Count maybe=true",
			"(*example.com/inventory/persistence.userRepository).Count maybe=true",
			"(*example.com/inventory/persistence.albumRepository).Read maybe=true",
			"(*example.com/inventory/persistence.userRepository).Read maybe=true",
			"(*example.com/inventory/persistence.albumRepository).ReadAll maybe=true",
			"(*example.com/inventory/persistence.userRepository).ReadAll maybe=true",
		}
		if !slices.Equal(parts, want) {
			t.Errorf("%s: handler parts\n\t%s\nwant\n\t%s", e.Name, strings.Join(parts, "\n\t"), strings.Join(want, "\n\t"))
		}
	}
	for _, e := range p.Reaching(p.Startup())[constructor] {
		t.Errorf("the constructor runs at start-up, from %s: it runs per request", e.Name)
	}
	if len(p.Reaching(routes)[constructor]) != 2 {
		t.Errorf("the constructor is not reached from both REST routes")
	}
}

// TestRegisteredChain traces a registered list down twenty levels of
// functions that each call the next twice: each function's parameter is
// decided once (memoized), not once per path to it.
func TestRegisteredChain(t *testing.T) {
	p := load(t, "testdata/regchain").build(t, initialLazy)
	use := funcNamed(t, p, "example.com/regchain/chain.Use")
	var rs *ast.RangeStmt
	ast.Inspect(use.syntax, func(n ast.Node) bool {
		if r, ok := n.(*ast.RangeStmt); ok {
			rs = r
		}
		return rs == nil
	})
	r := newRegistry(p, nil)
	if !r.list(use, rs.X, 0, 0) {
		t.Fatal("the list every level passes on is not registered; want registered (Top writes it out)")
	}
	if r.steps > 200 {
		t.Errorf("the trace took %d steps; want one or two per function (about 40), not one per path", r.steps)
	}
}

// TestGeneratorRun reads the package a //go:generate directive runs,
// past go run's flags, those whose value is the next word too.
func TestGeneratorRun(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"//go:generate go run ./internal/cmd/gen -out x.go", "./internal/cmd/gen"},
		{"//go:generate go run -mod=mod github.com/google/wire/cmd/wire", "github.com/google/wire/cmd/wire"},
		{"//go:generate go run --tags generate ./codegen ./actions.go", "./codegen"},
		{"//go:generate go run -tags=generate -race ./codegen", "./codegen"},
		{"//go:generate go run golang.org/x/tools/cmd/goimports@latest -w x.go", "golang.org/x/tools/cmd/goimports"},
		{"//go:generate mockgen -source=x.go", ""},
		{"// a comment", ""},
	} {
		if got := generatorRun(c.in); got != c.want {
			t.Errorf("generatorRun(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
