package driver

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// testdata/precision holds, per package, shapes the program graph used to
// report as N+1s on services nobody here wrote, next to a look-alike that
// is one. The comment on each loop's call says which, and why. Each
// finding is listed with the query calls it is about (findings[].sites):
// a func value handed to a helper is the caller's own, not every function
// any caller hands the helper; an implementation of an interface that
// hands itself to a helper shared by every implementation runs its own
// methods through it, not the others' (kv: the loops of the in-memory
// implementation are silent).
func TestPrecision(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/precision", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	var got []string
	for _, f := range rep.Findings {
		var sites []string
		for _, s := range f.Sites {
			sites = append(sites, fmt.Sprintf("%s:%d", s.File, s.Line))
		}
		slices.Sort(sites)
		got = append(got, fmt.Sprintf("%s:%d %s %s", f.File, f.Line, f.Role, strings.Join(sites, ",")))
	}
	slices.Sort(got)
	const user = "store/pg/pg.go:16"
	const strat = "strats/strats.go:26,strats/strats.go:34,strats/strats.go:45"
	const tokens = "relogin/tokens/tokens.go"
	want := []string{
		"actors/actors.go:41 route " + user,                     // closures made one per id
		"anyhooks/anyhooks.go:41 route anyhooks/anyhooks.go:41", // records kept as any; the hooks kept so are silent
		"audit/audit.go:28 route audit/audit.go:13,audit/audit.go:17,audit/audit.go:18,audit/audit.go:20",
		"backends/backends.go:127 route backends/backends.go:127",                        // a job refills the list
		"backends/backends.go:163 route backends/backends.go:163",                        // a filter of the request's list; the same filter of the configured zones is silent
		"backends/backends.go:219 route backends/backends.go:219",                        // a request adds to the list; the one only tests add to is silent (202)
		"backends/backends.go:246 route backends/backends.go:246",                        // a generic constructor tests call is a request's too: its page is data
		"backends/backends.go:78 route backends/backends.go:78",                          // a request fills the list
		"backends/backends.go:91 route backends/backends.go:91",                          // the request's body
		"batch/batch.go:38 route batch/batch.go:39",                                      // Sync's UPDATE, not what Cleanup hands Parallel
		"batch/batch.go:72 route batch/batch.go:72",                                      // per id of each chunk; Purge's DELETE per chunk and the call handing Mark's function the chunks are silent
		"boot/boot.go:30 cli boot/boot.go:30",                                            // only a command runs it
		"boot/boot.go:38 cli " + user,                                                    // likewise, through the interface
		"cacher/cacher.go:148 route cacher/cacher.go:122",                                // the apps each id misses on; the keys read through the same cache from the key manager are silent, whichever implementation runs the loader
		"ctors/ctors.go:118 route ctors/ctors.go:118",                                    // a decoder held in a variable may fill the names
		"ctors/ctors.go:85 route ctors/ctors.go:85",                                      // a decoder fills the names
		"deco/deco.go:138 route deco/deco.go:33",                                         // served over the bare store
		"deco/deco.go:146 cli deco/deco.go:33",                                           // the command's container holds the bare store; the served one's handler reads each id through the decorator's cache: silent (:120)
		"deco/deco.go:162 route deco/deco.go:33",                                         // a setter may swap the bare store in
		"deco/deco.go:177 route deco/deco.go:33",                                         // either field: the bare one when fresh
		"elements/elements.go:59 route elements/elements.go:24",                          // notifiers made one per user; each registered one's own is silent
		"fewargs/fewargs.go:107 route fewargs/fewargs.go:107",                            // a label per form field; the literal of one is silent
		"fewargs/fewargs.go:128 route fewargs/fewargs.go:128",                            // a caller of grant spreads the request's permissions; Members' loop, whose lists are all written at their calls, is silent
		"fewargs/fewargs.go:140 route fewargs/fewargs.go:140",                            // the event bus calls Handle with any batch, whatever the package's own call passes
		"fewargs/fewargs.go:154 route fewargs/fewargs.go:154",                            // /join passes the request's channels; autoJoin's every caller a list of the configuration file: silent
		"fewargs/fewargs.go:187 route fewargs/fewargs.go:187",                            // an import checked against 1000 codes; issueMany's batches, turned down over ten before one request is made per code, are silent
		"fewargs/fewargs.go:82 route fewargs/fewargs.go:82",                              // a query's rows spread; revoke's literals are silent
		"fewfield/fewfield.go:106 route fewfield/fewfield.go:106",                        // a decoder fills the field
		"fewfield/fewfield.go:121 route fewfield/fewfield.go:121",                        // a local the request's ids fill too; the field every write sets to two is silent
		"fewfield/fewfield.go:151 route fewfield/fewfield.go:151",                        // set from a parameter: what callers pass
		"fewfield/fewfield.go:170 route fewfield/fewfield.go:170",                        // a decoder fills a list of its structs
		"fewfield/fewfield.go:91 route fewfield/fewfield.go:91",                          // the request fills the field
		"flags/flags.go:47 route flags/flags.go:47",                                      // remove's callers pass the flag both ways; detach's one caller keeps the traffic: silent
		"flush/flush.go:63 route flush/flush.go:26",                                      // a closure sending the batch after every key; the one sent once 500 are in is silent
		"gen/resolver.go:19 route " + user,                                               // the hand-written loop a generated one calls
		"hooks/hooks.go:33 route " + user,                                                // a start hook runs it, and so does a route
		"hooks/hooks.go:50  " + user,                                                     // a handler registered at start runs per request
		"iters/iters.go:118  iters/iters.go:109",                                         // a new lazily filled value per item; Drain's one is silent
		"iters/iters.go:168  iters/iters.go:19",                                          // iterators a method makes per item; Union's, which the set holds, are silent
		"iters/iters.go:213  iters/iters.go:183",                                         // one per item under a started flag; PageFlagged's is silent
		"iters/iters.go:265  iters/iters.go:270",                                         // the audit row per id, through a connection getter's closure; the connection's setup is not it
		"iters/iters.go:276  iters/iters.go:276",                                         // the chained call's own UPDATE; the lazy connection the inner call makes, which starts at the same place, is not it
		"iters/iters.go:88  iters/iters.go:19",                                           // a new iterator per item; Page's and Merge's are silent
		"iters/iters.go:97  iters/iters.go:19",                                           // likewise, into a variable declared before the loop
		"keys/keys.go:56 route keys/keys.go:29",                                          // StoreSig's insert, not what other callers hand the writer; Forget runs none
		"kv/kv.go:152 route kv/kv.go:121",                                                // the package variable holds the SQL implementation
		"kv/kv.go:191 route kv/kv.go:169",                                                // a value made outside the variable: the graph's answer
		"kv/kv.go:64 route kv/kv.go:21",                                                  // SQL's loop hands itself to the shared helper
		"kv/kv.go:71 route kv/kv.go:21",                                                  // a parameter's value: either implementation
		"kv/kv.go:88 route kv/kv.go:21",                                                  // the helper assigns its parameter: the graph's answer
		"lazyarg/lazyarg.go:106  lazyarg/lazyarg.go:90",                                  // the metadata of each release; Fields' one release is silent
		"lazyarg/lazyarg.go:122  lazyarg/lazyarg.go:115",                                 // Tagged tests a field it never fills
		"lazyarg/lazyarg.go:144  lazyarg/lazyarg.go:133",                                 // a closure under the fill: not followed, per item
		"lazyarg/lazyarg.go:62  lazyarg/lazyarg.go:33",                                   // a release made per item; Checks' one release is silent
		"lazyarg/lazyarg.go:69  lazyarg/lazyarg.go:33",                                   // the loop's item
		"lazyarg/lazyarg.go:76  lazyarg/lazyarg.go:33",                                   // likewise, by index
		"legacy/legacy.go:27  legacy/legacy.go:27",                                       // an exported method: a dependency may call it
		"legacy/legacy.go:34  legacy/legacy.go:34",                                       // in a table of functions
		"lines/lines.go:56  lines/lines.go:56",                                           // the range over an iterator, not the iterator's yield
		"lines/lines.go:74  lines/lines.go:74",                                           // likewise through Trimmed, whose yield (in its own range) is silent
		"loaders/flights.go:14 route " + user,                                            // the func variable the group's loader keeps through is assigned again; cached.User by a key set before the loop, or a constant one a call down, is silent
		"loaders/flights.go:22 route " + user,                                            // no cache, the same arguments for every item: told to hoist
		"loaders/loaders.go:81 route " + user,                                            // singleflight's Do keeps nothing; the loaders of User and Allowed run on a miss only
		"loaders/loaders.go:84 route store/pg/pg.go:21",                                  // a loader that writes
		"managed/managed.go:54 route managed/managed.go:29",                              // the roles a request names; the four managed ones, handed round a decorator the graph cannot tell from the open implementation, are silent
		"members/members.go:53 route " + user,                                            // per added id
		"members/members.go:56 route members/members.go:56",                              // per removed name
		"members/members.go:69 route members/members.go:69",                              // per role, a default one for none
		"members/members.go:78 route " + user,                                            // adds: the lookup, not the DELETE of the nil remove list
		"members/members.go:80 route members/members.go:56",                              // removes: the DELETE, not the lookup of the nil add list; replace(nil) and empty lists run neither
		"members/members.go:85 route members/members.go:69",                              // nil roles become the default one
		"notify/notify.go:15 route " + user,                                              // retry.Temporary runs Notify's function only
		"orders/orders.go:14 route " + user,                                              // the pass's finding, also in the test variant
		"passed/passed.go:111 route passed/passed.go:88",                                 // middlewares appended in a loop
		"passed/passed.go:153 route passed/passed.go:153",                                // a key per form field; the keys every caller puts are silent
		"passed/passed.go:226 route passed/passed.go:226",                                // an alert per decision; the one alert filled and filtered in place is silent
		"passed/passed.go:61 route passed/passed.go:61",                                  // one caller passes the request's ids
		"passed/passed.go:72 route passed/passed.go:72",                                  // a spread list; the lists every caller writes out are silent
		"pool/pool.go:66 route pool/pool.go:67",                                          // a closure per id through the service's own errgroup; the loops starting a pool of workers are silent
		"recovery/recovery.go:116 route recovery/recovery.go:29,recovery/recovery.go:34", // a chunk's mark and a logged request; the session's save mends a failed attempt
		"rekey/rekey.go:35 route rekey/rekey.go:35",                                      // per request too
		"relogin/relogin.go:202 route " + tokens + ":33",                                 // a tree walked by two functions calling each other
		"relogin/relogin.go:225 route " + tokens + ":27," + tokens + ":33",               // the audited log and the marks; the saves and the setting a login reads, and the coded driver's refresh, mend a failed attempt
		"relogin/relogin.go:242 route " + tokens + ":14",                                 // a login per session: its save
		"restore/restore.go:36 route restore/restore.go:36",                              // a request's action named for a migration, which no start-up runs; the set-up a restore re-runs is silent
		"schema/schema.go:158 route schema/schema.go:71",                                 // a type system over the store; those made over the compiled schema are silent
		"schema/schema.go:167 route schema/schema.go:71",                                 // a caller passes one over the store
		"sections/sections.go:151 route sections/sections.go:28",                         // a field set to a list of a set the request fills (was counted as empty)
		"sections/sections.go:80 route sections/sections.go:28",                          // the table is changed at run time; the one nothing changes is silent
		"sections/sections.go:96 route sections/sections.go:28",                          // a set of the request's partitions
		"strats/strats.go:122 route " + strat,                                            // a strategy per name the request sends
		"strats/strats.go:133 route strats/strats.go:133",                                // requests add to the registry's list
		"strats/strats.go:98 route " + strat,                                             // a caller makes one per row
		"swapped/swapped.go:21 route swapped/swapped.go:21",                              // two locals copying each other round: unbounded, and the walk ends
		"tiers/tiers.go:77 route tiers/tiers.go:77",                                      // appended to on every call; the copy filtered by a retention (Purge) is silent
		"tries/tries.go:112 route tries/tries.go:40",                                     // a round per success; safeWrite's attempts (Set) are silent
		"tries/tries.go:137 route tries/tries.go:49",                                     // a diff per prefix; Changed's, opened once, is silent
	}
	// The loops left out because all they run fills a cache or a lazily
	// loaded value are counted, not dropped: loaders.go:79 and :80 (the
	// loaders), flights.go:18 and :19 (a singleflight group's loader
	// filling the cache looked up before it, by a key the same for every
	// item), iters.go :46, :71, :77, :158 and :200 (an iterator's lazy
	// fill), lazyarg.go :54 and :98 (a release's download and metadata,
	// filled once per release), relogin.go :230 and :233 (a login that mends a failed
	// request, through that request), :236 (a case of a failure's code
	// that mends, the retry after the switch), flights.go:13 (the cache's
	// group by each item's own id) and deco.go :120 and :127 (the
	// decorator's cache, by each id): caches the process keeps.
	if got := rep.Stats.CacheFillFindings; got != 17 {
		t.Errorf("stats.cache_fill_findings = %d, want 17", got)
	}
	// A call through an interface passing nothing the loop makes anew
	// per item is told to run once, not to batch; one passing the item
	// is told to batch.
	for _, f := range rep.Findings {
		if f.File != "loaders/flights.go" || f.Check != "queryinloop" {
			continue
		}
		if hoist := strings.HasPrefix(f.Fix, "hoist the call of "); hoist != (f.Line == 22) {
			t.Errorf("loaders/flights.go:%d: fix %q; want hoist advice on line 22 alone", f.Line, f.Fix)
		}
	}
	// What one call of audit.Log runs: one case of its switch, and the
	// insert, which every call runs, named first.
	for _, f := range rep.Findings {
		if f.File == "audit/audit.go" && (f.SQL != "INSERT INTO audit_log (kind) VALUES ($1)" || !strings.Contains(f.Message, " 3 queries")) {
			t.Errorf("audit/audit.go:%d: sql %q, message %q; want the INSERT named, and 3 queries", f.Line, f.SQL, f.Message)
		}
	}
	// What a write handed to an interface's Do runs is its own: one
	// query, whichever writer runs it.
	for _, f := range rep.Findings {
		if f.File == "keys/keys.go" && (f.SQL != "INSERT INTO sigs (target, sig) VALUES ($1, $2)" || f.Multiplicity != "loop" || strings.Contains(f.Message, "queries")) {
			t.Errorf("keys/keys.go:%d: sql %q, %s, message %q; want StoreSig's insert alone, once per item", f.Line, f.SQL, f.Multiplicity, f.Message)
		}
	}
	// What a function handed to a helper among a list of functions runs
	// is its own: Sync's loop runs its UPDATE, not Cleanup's.
	for _, f := range rep.Findings {
		if f.File == "batch/batch.go" && f.Line < 50 && (f.SQL != "UPDATE items SET seen = true WHERE id = $1" || strings.Contains(f.Message, "queries")) {
			t.Errorf("batch/batch.go:%d: sql %q, message %q; want Sync's UPDATE alone", f.Line, f.SQL, f.Message)
		}
	}
	// The SQL implementation's loop runs its own Task through the shared
	// helper, and the chain names it.
	for _, f := range rep.Findings {
		if f.File == "kv/kv.go" && f.Line == 64 && !slices.Equal(f.Via, []string{"kv.Fill", "kv.(*SQL).Task"}) {
			t.Errorf("kv/kv.go:64: via %q; want kv.Fill → kv.(*SQL).Task", f.Via)
		}
	}
	// A loop over what only start-up fills runs once per configured
	// item, also through a list type's filter of it (backends.go's
	// zones.Match, of a package variable and of a field a constructor
	// sets at start-up), one over the strategies the program registers (a
	// list written out once, handed on filtered by an accessor and as a
	// parameter) once per implementation, one only a sync.Once runs once
	// per process: not shown, only counted (backends.go:36, 44, 62, 156,
	// 178, ctors.go:58, elements.go:42, rekey.go:24), and so is one over a
	// list start-up fills and only tests add to (backends.go:202: the
	// exported Add nothing in production calls; the CREATE TABLE its
	// constructor runs reads no rows), and one no entry reaches over such a
	// list (backends.go:229, a String fmt calls). One over what requests
	// fill is the route's (the same filter of a request's list,
	// backends.go:163), and one over interface values made per row, per
	// request item, or added per request is data.
	if rep.Stats.StartBoundFindings != 10 {
		t.Errorf("stats.start_bound_findings = %d, want 10 (backends.go:36, 44, 62, 156, 178, 202, 229, ctors.go:58, elements.go:42, rekey.go:24)", rep.Stats.StartBoundFindings)
	}
	// A call reaching only session settings (iters.go's connection, made
	// on first use: SET application_name) multiplies nothing: neither
	// shown nor counted as a failure's branch or a cache fill.
	if rep.Stats.ErrorPathFindings != 0 {
		t.Errorf("stats.error_path_findings = %d, want 0 (iters.go's connection setup is no failure branch)", rep.Stats.ErrorPathFindings)
	}
	// A loop nothing in the program can run is not shown, only counted
	// (legacy.go:15 and its closure's, 19, and 43, which only a test
	// runs); with -unreached it is, low, and said. One that may be run
	// from outside the graph is shown, and not low.
	if rep.Stats.UnreachedFindings != 3 {
		t.Errorf("stats.unreached_findings = %d, want 3 (legacy.go:15, 19, 43)", rep.Stats.UnreachedFindings)
	}
	all, _, _ := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/precision", "-unreached", "./...")
	if all.Stats.UnreachedFindings != 0 || len(all.Findings) != len(rep.Findings)+3 {
		t.Errorf("-unreached: %d findings, stats.unreached_findings %d; want %d, 0", len(all.Findings), all.Stats.UnreachedFindings, len(rep.Findings)+3)
	}
	for _, f := range all.Findings {
		dead := f.File == "legacy/legacy.go" && (f.Line == 15 || f.Line == 19 || f.Line == 43)
		if said := strings.HasSuffix(f.Message, "(no entry point reaches it)"); said != dead || dead != (f.Severity == "low") && f.File == "legacy/legacy.go" {
			t.Errorf("-unreached: %s:%d: %s %q; want low, no entry: %v", f.File, f.Line, f.Severity, f.Message, dead)
		}
	}
	// What a command, a migration or start-up runs is low, whichever
	// made the finding: the pass or the program graph.
	for _, f := range rep.Findings {
		switch f.Role {
		case "cli", "migration", "startup":
			if f.Severity != "low" {
				t.Errorf("%s:%d: %s, role %s; want low", f.File, f.Line, f.Severity, f.Role)
			}
		}
	}
	if !slices.Equal(got, want) {
		for _, f := range rep.Findings {
			t.Logf("%s:%d: %s", f.File, f.Line, f.Message)
		}
		t.Errorf("queryinloop findings:\n got %q\nwant %q", got, want)
	}
}

// testdata/lazyprep writes through a writer that prepares its statement
// on its first call: a loop over one writer made before it runs the
// insert per item and the prepare once, and says one statement; a loop
// making a writer per item runs both per item, and says two.
func TestLazyPrepareCount(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/lazyprep", "./...")
	want := map[string]string{
		"ledger/ledger.go:34": "ledger.(*writer).Add runs INSERT into ledger (ledger.go:25) once per item of statements: n round trips instead of 1",
		"ledger/ledger.go:45": "ledger.(*writer).Add runs 2 queries once per item of statements: 2n round trips instead of 2",
	}
	got := map[string]string{}
	for _, f := range rep.Findings {
		got[fmt.Sprintf("%s:%d", f.File, f.Line)] = f.Message
	}
	for at, msg := range want {
		if got[at] != msg {
			t.Errorf("%s: %q, want %q", at, got[at], msg)
		}
	}
	if len(got) != len(want) {
		t.Errorf("findings %v, want %d (stderr: %s)", got, len(want), stderr)
	}
}
