package driver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/internal/check"
	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/guard"
	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/internal/testenv"
	"github.com/sqlheat/sqlheat/passes/ignores"
	"github.com/sqlheat/sqlheat/passes/missingindex"
	"github.com/sqlheat/sqlheat/passes/queryinloop"
	"github.com/sqlheat/sqlheat/passes/selectstar"
)

// panicky panics on package b and reports on every other package, at
// its first file.
var panicky = &analysis.Analyzer{
	Name:       "panicky",
	Doc:        "test helper: panics on package b",
	ResultType: check.ResultType,
	Run: guard.Run(func(pass *analysis.Pass) (any, error) {
		if pass.Pkg.Name() == "b" {
			var m map[string]int
			m["boom"]++ // a real runtime panic, not a panic(string)
		}
		rep := check.NewReporter(pass, finding.Categories{{Name: "test", Severity: finding.Low}}, nil)
		if f := pass.Files[0]; !strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go") {
			// (A package's test variant holds its test files alone.)
			rep.Report(check.Finding{Diagnostic: analysis.Diagnostic{Pos: f.Package, Category: "test", Message: "analyzed " + pass.Pkg.Name()}})
		}
		return rep.Result(), nil
	}),
}

func runJSON(t *testing.T, checks []*analysis.Analyzer, args ...string) (*report.Report, int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"-format", "json"}, args...), &stdout, &stderr, checks)
	var rep report.Report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("output is not JSON (%v): %s\nstderr: %s", err, stdout.String(), stderr.String())
	}
	return &rep, code, stderr.String()
}

// routeLines writes each route of rep as "file:line METHOD pattern ->
// handler", followed by " [q]" for each of its queries, q as query
// writes it.
func routeLines(rep *report.Report, query func(report.RouteQuery) string) []string {
	var out []string
	for _, r := range rep.Routes {
		route := fmt.Sprintf("%s:%d %s %s -> %s", r.File, r.Line, r.Method, r.Pattern, r.Handler)
		for _, q := range r.Queries {
			route += " [" + query(q) + "]"
		}
		out = append(out, route)
	}
	return out
}

// findingRoutes are the routes a finding names, as "METHOD pattern", in
// the report's order.
func findingRoutes(f report.Finding) []string {
	var out []string
	for _, r := range f.Routes {
		out = append(out, r.Method+" "+r.Pattern)
	}
	return out
}

// fileLine writes a route's query as its file:line.
func fileLine(q report.RouteQuery) string { return fmt.Sprintf("%s:%d", q.File, q.Line) }

// fileLinePer writes a route's query as its file:line and how often a
// request runs it.
func fileLinePer(q report.RouteQuery) string {
	return fmt.Sprintf("%s:%d %s", q.File, q.Line, q.PerRequest)
}

// loopFindings runs queryinloop alone on the module in dir and checks
// that its findings are want ("file:line", sorted), logging them when
// not; the report is the caller's to check further.
func loopFindings(t *testing.T, dir string, want []string) *report.Report {
	t.Helper()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", dir, "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s:%d", f.File, f.Line))
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		for _, f := range rep.Findings {
			t.Logf("%s:%d: %s", f.File, f.Line, f.Message)
		}
		t.Errorf("queryinloop findings:\n got %q\nwant %q", got, want)
	}
	return rep
}

// A panic in a pass becomes an internal-error report naming the package,
// the other packages are still analyzed, and the exit code is 3.
func TestPanicIsReported(t *testing.T) {
	t.Parallel()
	rep, code, stderr := runJSON(t, []*analysis.Analyzer{panicky}, "-C", "testdata/twopkgs", "./a", "./b")
	if code != ExitInternal {
		t.Errorf("exit code = %d, want %d (stderr: %s)", code, ExitInternal, stderr)
	}
	if rep.Stats.InternalErrors != 1 {
		t.Errorf("stats.internal_errors = %d, want 1", rep.Stats.InternalErrors)
	}
	var msg string
	for _, e := range rep.Errors {
		msg += e.String() + "\n"
	}
	if !strings.Contains(msg, "example.com/twopkgs/b") || !strings.Contains(msg, "panicky") || !strings.Contains(msg, "assignment to entry in nil map") {
		t.Errorf("errors do not name the package, pass and panic:\n%s", msg)
	}
	if len(rep.Findings) != 1 || rep.Findings[0].Message != "analyzed a" {
		t.Errorf("findings = %+v, want the one from package a", rep.Findings)
	}
}

// A package that does not type-check is reported with its file and line,
// and the others are still analyzed; the exit code says the load failed.
func TestTypeErrorsDoNotStopTheRun(t *testing.T) {
	t.Parallel()
	rep, code, _ := runJSON(t, []*analysis.Analyzer{selectstar.Analyzer}, "-C", "testdata/twopkgs", "./...")
	if code != ExitUsage {
		t.Errorf("exit code = %d, want %d", code, ExitUsage)
	}
	if rep.Stats.PackageErrors != 1 || len(rep.Errors) == 0 {
		t.Fatalf("package errors = %d, errors = %v", rep.Stats.PackageErrors, rep.Errors)
	}
	if e := rep.Errors[0]; e.File != "broken/broken.go" || e.Line != 5 || !strings.Contains(e.Message, "undefinedQuery") {
		t.Errorf("error = %+v, want broken/broken.go:5 naming undefinedQuery", e)
	}
	var files []string
	for _, f := range rep.Findings {
		files = append(files, f.File)
	}
	if strings.Join(files, ",") != "a/a.go,b/b.go" {
		t.Errorf("findings in %v, want a/a.go and b/b.go", files)
	}
	// a's test variant shares a.go: its site and finding count once.
	if rep.Stats.Packages != 2 || rep.Stats.QuerySites != 3 {
		t.Errorf("stats = %+v, want 2 packages and 3 query sites", rep.Stats)
	}
}

// A package's test files are analyzed with its test variant, which keeps
// them alone (trimTestVariants): each finding is reported once, at its
// own file — the package's, its in-package test's, its external test's
// —; -test=false leaves the tests out.
func TestTestFiles(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		args  []string
		files string
		sites int
	}{
		{nil, "store/export_test.go:12,store/store.go:7,store/store_test.go:10", 4},
		{[]string{"-test=false"}, "store/store.go:7", 2},
	} {
		args := append(append([]string{"-C", "testdata/testfiles"}, c.args...), "./...")
		rep, code, stderr := runJSON(t, []*analysis.Analyzer{selectstar.Analyzer}, args...)
		if code != ExitClean && code != ExitFindings {
			t.Fatalf("%v: exit code %d: %s", c.args, code, stderr)
		}
		var at []string
		for _, f := range rep.Findings {
			at = append(at, fmt.Sprintf("%s:%d", f.File, f.Line))
		}
		slices.Sort(at)
		if got := strings.Join(at, ","); got != c.files {
			t.Errorf("%v: findings at %s, want %s", c.args, got, c.files)
		}
		if rep.Stats.QuerySites != c.sites || rep.Stats.Packages != 1 {
			t.Errorf("%v: %d query sites in %d packages, want %d in 1", c.args, rep.Stats.QuerySites, rep.Stats.Packages, c.sites)
		}
	}
}

// A panic in what joins the whole program's graph to the passes'
// results is reported, and the run goes on without the graph: the
// findings and routes each package shows alone, the exit code an internal
// error's. (Not parallel: the hook is the package's.)
func TestGraphPanicRecovered(t *testing.T) {
	graphHook = func() { panic("boom") }
	defer func() { graphHook = nil }()
	rep, code, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/shapedwrap", "./...")
	if code != ExitInternal {
		t.Errorf("exit code %d, want %d (stderr: %s)", code, ExitInternal, stderr)
	}
	said := false
	for _, e := range rep.Errors {
		said = said || strings.Contains(e.Message, "internal error in sqlheat's whole-program analysis: boom") && strings.Contains(e.Message, "from each package alone")
	}
	if !said || rep.Stats.InternalErrors != 1 {
		t.Errorf("errors %+v, %d internal; want the panic said, once", rep.Errors, rep.Stats.InternalErrors)
	}
	if len(rep.Routes) != 14 || len(rep.Findings) == 0 {
		t.Errorf("%d routes, %d findings; want shapedwrap's 14 routes and its findings, from each package alone", len(rep.Routes), len(rep.Findings))
	}
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"-format", "xml"}, {"-fail-on", "urgent"}, {"-nosuchflag"}} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr, nil); code != ExitUsage {
			t.Errorf("%v: exit code = %d, want %d", args, code, ExitUsage)
		}
	}
}

// go vet caches by tool ID and flags: editing a migration named by the
// settings must change the ID, or vet would serve a stale result.
func TestToolIDFollowsSchemaContent(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		path := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(".sqlheat.yaml", "schema: [migrations]\n")
	write("migrations/0001_init.up.sql", "CREATE TABLE t (id int PRIMARY KEY);\n")
	id := func() string {
		var b strings.Builder
		hashSettings(&b, dir)
		return b.String()
	}
	before := id()
	if before != id() {
		t.Fatal("tool ID is not deterministic")
	}
	write("migrations/0001_init.up.sql", "CREATE TABLE t (id int PRIMARY KEY, email text);\n")
	if after := id(); after == before {
		t.Error("tool ID did not change when a migration changed")
	}
}

// The standalone driver sees the whole program: a call through an interface
// in a loop is resolved to the implementation main hands the API, which
// queries: an N+1; an implementation that does not query stays silent.
func TestInterfaceCallsResolved(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/iface", "./...")
	var got []report.Finding
	for _, f := range rep.Findings {
		if f.Check == "queryinloop" {
			got = append(got, f)
		}
	}
	if len(got) != 1 {
		t.Fatalf("queryinloop findings = %+v, want 1 (stderr %s)", got, stderr)
	}
	f := got[0]
	// The message names the interface method once; the fix, where the
	// variant goes, its implementation.
	if f.File != "api/api.go" || f.Line != 13 || f.Confidence != "" || f.Severity != "high" ||
		!strings.HasPrefix(f.Message, "store.Users.Find runs SELECT from users (pg.go:16) once per item of ids") ||
		!strings.Contains(f.Fix, "add a variant of store.Users.Find (in pg.(*Users).Find)") || f.SQL != "SELECT id FROM users WHERE id = $1" {
		t.Errorf("finding = %+v", f)
	}
}

// A callee's count is what one call runs along one path, not every
// statement it reaches: a dispatcher runs one case's, implementations of
// an interface in their dialects one implementation's, a recursion one
// level's (before, every statement of the recursion at once); a callee
// that runs three in a row runs three; a callee sending one statement per
// batch of what it is given runs one, looping over no item itself.
func TestPerCallCounts(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/percall", "./...")
	got := map[int]report.Finding{}
	for _, f := range rep.Findings {
		if f.Check == "queryinloop" && f.File == "api/api.go" {
			got[f.Line] = f
		}
	}
	for line, want := range map[int]struct{ msg, fix string }{
		18: {"store.(*Store).Apply runs one of 3 statements once per item of kinds: n round trips instead of 1",
			"add a variant of store.(*Store).Apply that takes all the items and runs each query its branches need once for all of them"},
		21: {"store.Users.Touch runs UPDATE users (my.go:16) once per item of ids: n round trips instead of 1",
			"add a variant of store.Users.Touch (in my.(*Users).Touch, pg.(*Users).Touch) that updates all rows in one statement"},
		24: {"store.(*Store).Save runs 3 queries once per item of ids: 3n round trips instead of 3",
			"add a variant of store.(*Store).Save that takes all the items and runs each of its 3 queries once for all of them"},
		// One statement per level of the recursion, which is its loop.
		27: {"store.(*Store).Run runs INSERT into notices (store.go:46) once per item of ids, and loops itself: n×m round trips",
			"add a variant of store.(*Store).Run that inserts all rows in one statement"},
		// A callee sending one statement per batch of its names (its
		// site takes the batch whole) does not loop per name itself;
		// one inserting each name of every batch does.
		34: {"store.(*Store).AddAll runs INSERT into tags (store.go:124) once per item of kinds: n round trips instead of 1",
			"call it once with the items of all kinds, not once per item: it takes a list already"},
		37: {"store.(*Store).AddEach runs INSERT into tags (store.go:137) once per item of kinds, and loops itself: n×m×k round trips",
			"add a variant of store.(*Store).AddEach that inserts all rows in one statement"},
	} {
		f, ok := got[line]
		if !ok {
			t.Errorf("api.go:%d: no finding (stderr %s)", line, stderr)
			continue
		}
		if f.Message != want.msg || !strings.HasPrefix(f.Fix, want.fix) {
			t.Errorf("api.go:%d:\n message %q\n want    %q\n fix %q\n want %q...", line, f.Message, want.msg, f.Fix, want.fix)
		}
	}
	if len(got) != 7 {
		t.Errorf("findings in api.go = %d, want 7", len(got))
	}
}

// A recursion is one loop (#13): a call back into the recursion, in a
// loop of one of its functions, is that loop, counted once with the
// recursion's own, not a loop more (before: "n×m round trips" for a tree
// walk calling itself per child, and permify's entity filter "nested 4
// deep", scored 40000); a recursion called per item from outside it is
// two loops.
func TestRecursionIsOneLoop(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/percall", "./...")
	got := map[string]report.Finding{}
	for _, f := range rep.Findings {
		if f.Check == "queryinloop" {
			got[fmt.Sprintf("%s:%d", f.File, f.Line)] = f
		}
	}
	for at, want := range map[string]struct{ msg, mult string }{
		"store/store.go:72": {"store.(*Store).Walk runs UPDATE nodes (store.go:68) once per item of n.Children, recursively: n round trips", "loop"},
		"store/store.go:84": {"store.(*Store).expandLink runs SELECT from links (store.go:92) once per item of ids, recursively: n round trips", "loop"},
		"api/api.go:30":     {"store.(*Store).Walk runs UPDATE nodes (store.go:68) once per item of ids, and loops itself: n×m round trips", "loop×2"},
	} {
		f, ok := got[at]
		if !ok {
			t.Errorf("%s: no finding (stderr %s)", at, stderr)
			continue
		}
		if f.Message != want.msg || f.Multiplicity != want.mult {
			t.Errorf("%s:\n message %q (%s)\n want    %q (%s)", at, f.Message, f.Multiplicity, want.msg, want.mult)
		}
	}
}

// Migrations found by discovery, not named in any settings, also change
// the tool ID.
func TestToolIDFollowsDiscoveredMigrations(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module x\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "migrations"), 0o755)
	mig := filepath.Join(dir, "migrations", "0001_init.up.sql")
	os.WriteFile(mig, []byte("CREATE TABLE t (id int PRIMARY KEY);\n"), 0o644)
	id := func() string {
		var b strings.Builder
		hashSettings(&b, dir)
		return b.String()
	}
	before := id()
	os.WriteFile(mig, []byte("CREATE TABLE t (id int PRIMARY KEY, email text);\n"), 0o644)
	if id() == before {
		t.Error("tool ID did not change when a discovered migration changed")
	}
}

// A finding the driver makes itself (an N+1 through an interface)
// passes the same suppression filter as the passes' findings: the comment
// silences it, and -report-unused-ignores does not call the comment unused.
func TestSuppressDriverFinding(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	testenv.CopyTree(t, dir, "testdata/iface")
	api := filepath.Join(dir, "api", "api.go")
	src, err := os.ReadFile(api)
	if err != nil {
		t.Fatal(err)
	}
	const call = "\t\ta.Users.Find(ctx, id)"
	edited := strings.Replace(string(src), call, "\t\t//sqlheat:ignore queryinloop -- at most 3 ids\n"+call, 1)
	if edited == string(src) {
		t.Fatalf("%s has no line %q", api, call)
	}
	if err := os.WriteFile(api, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer, ignores.Analyzer}, "-C", dir, "-report-unused-ignores", "./...")
	for _, f := range rep.Findings {
		t.Errorf("finding %s:%d (%s): %s (stderr %s)", f.File, f.Line, f.Check, f.Message, stderr)
	}
}

// The severity a flag's help names is the severity its findings print.
func TestConstFlagSeverity(t *testing.T) {
	t.Parallel()
	var stdout, stderr bytes.Buffer
	run([]string{"-h"}, &stdout, &stderr, []*analysis.Analyzer{queryinloop.Analyzer})
	_, usage, _ := strings.Cut(stderr.String(), "\n  -queryinloop.const")
	usage, _, _ = strings.Cut(usage, "\n  -")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/c\n\ngo 1.22\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.go"), []byte(`package c

import (
	"context"
	"database/sql"
)

func Shards(ctx context.Context, db *sql.DB) {
	for i := 0; i < 3; i++ {
		db.ExecContext(ctx, "INSERT INTO shards (n) VALUES ($1)", i)
	}
}
`), 0o644)
	rep, _, _ := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", dir, "-queryinloop.const", "./...")
	if len(rep.Findings) != 1 {
		t.Fatalf("findings %+v, want one", rep.Findings)
	}
	if want := "(" + rep.Findings[0].Severity + " severity)"; !strings.Contains(usage, want) {
		t.Errorf("-queryinloop.const help %q does not say %s, the severity its finding printed", strings.TrimSpace(usage), want)
	}
}

// Every kind of finding the suite declares prints the severity declared
// for it: testdata/categories holds one finding of each, and a check that
// reported a kind it does not declare would stop with an internal error.
func TestDeclaredSeverities(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/categories",
		"-queryinloop.const", "-report-unused-ignores", "-budget", "2", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v (stderr %s)", rep.Errors, stderr)
	}
	printed := map[string]string{} // "check kind" -> severity
	for _, f := range rep.Findings {
		k := f.Check + " " + f.Kind
		if old, ok := printed[k]; ok && old != f.Severity {
			t.Errorf("%s printed as %s and %s", k, old, f.Severity)
		}
		printed[k] = f.Severity
	}
	for _, c := range analyzer.Checks() {
		for _, cat := range c.Categories {
			t.Run(c.Analyzer.Name+"/"+cat.Name, func(t *testing.T) {
				k := c.Analyzer.Name + " " + cat.Name
				got, ok := printed[k]
				switch {
				case !ok:
					t.Errorf("no %s finding in testdata/categories", k)
				case got != cat.Severity.String():
					t.Errorf("%s printed severity %s, declared %s", k, got, cat.Severity)
				}
				delete(printed, k)
			})
		}
	}
	for k := range printed {
		t.Errorf("%s: reported, but not declared", k)
	}
}

// The sites behind the unresolved and unparsed counts are listed with
// their place and why: in JSON, and in text with -v; without -v, the
// text run's hint says where to find them.
func TestUnresolvedListed(t *testing.T) {
	rep, _, _ := runJSON(t, nil, "-C", "testdata/unresolved", "./...")
	if s := rep.Stats; s.QuerySites != 3 || s.Unresolved != 1 || s.Unparsed != 1 {
		t.Fatalf("stats = %+v; want 3 sites, 1 unresolved, 1 unparsed", s)
	}
	want := report.UnresolvedSite{File: "store/store.go", Line: 9, Why: "SQL is built from a parameter (parameter table)"}
	if len(rep.Unresolved) != 1 || rep.Unresolved[0] != want {
		t.Errorf("unresolved = %+v; want [%+v]", rep.Unresolved, want)
	}
	if len(rep.Unparsed) != 1 || rep.Unparsed[0].Line != 12 || rep.Unparsed[0].SQL != "INSERT INTO notes SET id = ?" || !strings.Contains(rep.Unparsed[0].Error, "syntax error") {
		t.Errorf("unparsed = %+v; want the INSERT ... SET at line 12 with its syntax error", rep.Unparsed)
	}

	var stdout, stderr bytes.Buffer
	run([]string{"-C", "testdata/unresolved", "./..."}, &stdout, &stderr, nil)
	if !strings.Contains(stderr.String(), "-v lists them") || strings.Contains(stdout.String(), "unresolved:") {
		t.Errorf("without -v: stdout %q, stderr %q; want only the hint", stdout.String(), stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	run([]string{"-C", "testdata/unresolved", "-v", "./..."}, &stdout, &stderr, nil)
	for _, line := range []string{
		"store/store.go:9: unresolved: SQL is built from a parameter (parameter table)",
		"store/store.go:12: unparsed: syntax error at or near \"SET\": INSERT INTO notes SET id = ?",
	} {
		if !strings.Contains(stdout.String(), line+"\n") {
			t.Errorf("-v output lacks %q:\n%s", line, stdout.String())
		}
	}
}

// Where the program graph knows what runs code, it decides; where it
// does not, or only a command runs the code, its names do, as under go
// vet (internal/codekind). testdata/roles has a function named like a
// migration that a route runs (reported), a package named for
// migrations that only the migrate command runs (its N+1 and missing
// index silent), and a worker the serve command starts, whose N+1 inside
// its ticker loop runs per tick: a job's, not the command's. So does the
// function a consumer calls back per message it reads on each tick
// (Logins hands the queue a function: the finding at its call is about
// a loop in the consumer's ticker, the job's, not start-up's, which ran
// the call; hotgo's log consumer). Renamed, the migrations package's
// findings are the command's: low.
func TestRolesDecideMigrations(t *testing.T) {
	t.Parallel()
	findings := func(dir string) []string {
		rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", dir, "./...")
		if len(rep.Errors) > 0 {
			t.Errorf("errors: %v\nstderr: %s", rep.Errors, stderr)
		}
		var out []string
		for _, f := range rep.Findings {
			out = append(out, fmt.Sprintf("%s %s %s:%d %s", f.Check, f.Severity, f.File, f.Line, f.Role))
		}
		return out
	}
	want := []string{
		"queryinloop medium api/api.go:31 route",
		"queryinloop medium worker/worker.go:23 job",
		"queryinloop medium worker/worker.go:66 job",
		"missingindex medium api/api.go:24 route",
	}
	if got := findings("testdata/roles"); !slices.Equal(got, want) {
		t.Errorf("findings:\n got %q\nwant %q", got, want)
	}

	dir := t.TempDir()
	testenv.CopyTree(t, dir, "testdata/roles")
	rename := func(file, old, new string) {
		src, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, file), bytes.ReplaceAll(src, []byte(old), []byte(new)), 0o644)
	}
	rename("dbmigrate/backfill.go", "package dbmigrate", "package dbwork")
	rename("cmd/roles/main.go", "dbmigrate", "dbwork")
	if err := os.Rename(filepath.Join(dir, "dbmigrate"), filepath.Join(dir, "dbwork")); err != nil {
		t.Fatal(err)
	}
	want = append(want, "queryinloop low dbwork/backfill.go:14 cli", "missingindex low dbwork/backfill.go:14 cli")
	got := findings(dir)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("findings, dbmigrate renamed:\n got %q\nwant %q", got, want)
	}
}

// Test code outside _test.go files is silent, known by what imports it
// and by its types, never by its directory's name: testdata/testsupport
// has a package only test support imports (suite, under harness, which a
// test imports; fixtures, under conformance), a suite whose every
// exported function takes a *testing.T and whose only test has a build
// tag (conformance: nothing loaded imports it), and a test helper taking
// a testing.TB in a production package (its N+1 and its missing index
// silent). A production loop a test also calls (store.Touch) and the
// production half of report stay reported.
func TestTestSupport(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/testsupport", "-unreached", "./...")
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s %s:%d %s %s", f.Check, f.File, f.Line, f.Severity, f.Role))
	}
	slices.Sort(got)
	if want := []string{"queryinloop report/report.go:13 high route", "queryinloop store/store.go:12 medium route"}; !slices.Equal(got, want) {
		t.Errorf("findings = %q, want %q\nstderr: %s", got, want, stderr)
	}
}

// A package whose production importer is not analyzed (server imports
// plugin, which does not compile) is production code still, though the
// only importers loaded are another package's test: testdata/brokenimporter's
// store keeps its N+1 (spire's sqlstore: every finding was silent as test
// support while one plugin of its server did not build).
func TestLostImporterIsProduction(t *testing.T) {
	t.Parallel()
	rep, code, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/brokenimporter", "./...")
	if code != ExitUsage || rep.Stats.PackageErrors != 3 {
		t.Errorf("exit code %d, package errors %d; want %d, 3 (cmd/app, plugin, server)", code, rep.Stats.PackageErrors, ExitUsage)
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s:%d %s", f.File, f.Line, f.Severity))
	}
	if want := []string{"store/store.go:17 high"}; !slices.Equal(got, want) {
		t.Errorf("findings = %q, want %q\nstderr: %s", got, want, stderr)
	}
}

// A //go:embed whose files a build step of their own makes (a front
// end's dist, not checked in: testdata/embedmissing has none) stops go
// build, but the package type-checks: it is analyzed, with a warning at
// the directive, once though its test variant shares the file, and so is
// main, which imports it — its route, and the N+1 behind it, are found
// (tackle2-hub: 16 packages and every route were lost to one embed).
func TestMissingEmbedIsAWarning(t *testing.T) {
	t.Parallel()
	rep, code, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/embedmissing", "./...")
	if code != ExitFindings || rep.Stats.PackageErrors != 0 || len(rep.Skipped) != 0 {
		t.Errorf("exit code %d, package errors %d, skipped %v; want %d, 0, none\nstderr: %s", code, rep.Stats.PackageErrors, rep.Skipped, ExitFindings, stderr)
	}
	var warnings []string
	for _, p := range rep.Errors {
		warnings = append(warnings, fmt.Sprintf("%s:%d:%d %s", p.File, p.Line, p.Column, p.Kind))
	}
	if want := []string{"web/web.go:10:12 "}; !slices.Equal(warnings, want) {
		t.Errorf("errors = %q, want %q", warnings, want)
	}
	if n := strings.Count(stderr, "pattern dist: no matching files found"); n != 1 {
		t.Errorf("the warning is on stderr %d times, want once:\n%s", n, stderr)
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s %s:%d", f.Check, f.File, f.Line))
	}
	if want := []string{"queryinloop store/store.go:16"}; !slices.Equal(got, want) {
		t.Errorf("findings = %q, want %q", got, want)
	}
	routes := map[string]int{}
	for _, r := range rep.Routes {
		routes[r.Method+" "+r.Pattern] = len(r.Queries)
	}
	if want := map[string]int{"ANY /": 0, "POST /orders/names": 1}; !maps.Equal(routes, want) {
		t.Errorf("routes = %v, want %v", routes, want)
	}
}

// A wrapper called through an interface its package cannot see
// (testdata/ifacewrap: store.Executor, implemented by pg.Adapter, which
// runs the SQL it is handed) runs its own call: that call is the site
// of the interface's calls, for the routes and the N+1 through them,
// with its SQL unresolved and counted so (prest's DELETE, PUT and PATCH
// routes listed no query, and the query vanished from the program). A
// direct call of the wrapper stays the site, counted once.
func TestWrapperThroughForeignInterface(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/ifacewrap", "./...")
	got, order := inventory(rep, func(r report.Route) string { return r.Method + " " + r.Pattern })
	want := map[string][]string{
		"DELETE /items":    {"store/pg/pg.go:15 handler once"},
		"GET /items/names": {"store/pg/pg.go:22 handler loop"},
		"GET /direct":      {"cmd/app/main.go:35 handler once"},
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d (stderr: %s)", order, len(want), stderr)
	}
	checkRuns(t, got, want, order)
	var findings []string
	for _, f := range rep.Findings {
		findings = append(findings, fmt.Sprintf("%s %s:%d", f.Check, f.File, f.Line))
	}
	if want := []string{"queryinloop cmd/app/main.go:24"}; !slices.Equal(findings, want) {
		t.Errorf("findings = %q, want %q", findings, want)
	}
	if rep.Stats.QuerySites != 3 || rep.Stats.Unresolved != 2 {
		t.Errorf("query sites %d, unresolved %d; want 3, 2", rep.Stats.QuerySites, rep.Stats.Unresolved)
	}
}

// A generic handler running the function a handler's config struct
// holds (handleGet(w, r, &handlerConfig{Action: func() ... })) runs, for
// each route, that handler's function alone, as one handed the function
// itself does (testdata/configfunc; maestro's API routes each listed
// all twelve handlers' queries). A config whose field is set twice is
// no literal's to read: that route keeps every function put there.
func TestConfigFuncPerCaller(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/configfunc", "./...")
	got, order := inventory(rep, func(r report.Route) string { return r.Method + " " + r.Pattern })
	want := map[string][]string{
		"GET /users":  {"main.go:33 handler once"},
		"GET /orders": {"main.go:43 handler once"},
		"GET /items":  {"main.go:51 handler once"},
		"GET /tags":   {"main.go:59 handler once"},
		// Its Action set twice: every function any caller puts there.
		"GET /retried": {"main.go:33 handler once", "main.go:43 handler once", "main.go:69 handler once", "main.go:75 handler once"},
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d (stderr: %s)", order, len(want), stderr)
	}
	checkRuns(t, got, want, order)
}

// A handler another package's constructor makes (h :=
// api.NewProjectHandler(db), a *ProjectHandler), registered on a
// sub-router with settings chained after Subrouter(), is served by its
// ServeHTTP under the sub-router's prefix (agola's routes: 0 queries and
// a "…" prefix before); the budget finding its package reports at the
// handler is the registered route's, and the route's package reports
// none of its own (it counted the statements the handler's facts list,
// six, not the twelve its heaviest path runs, and said so twice).
func TestConstructedHandlerRoutes(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/ctorhandlers", "./...")
	if len(rep.Routes) != 1 {
		t.Fatalf("routes = %+v, want one\nstderr: %s", rep.Routes, stderr)
	}
	r := rep.Routes[0]
	if r.Method != "GET" || r.Pattern != "/api/v1alpha/projects/{ref}" || r.Handler != "api.(*ProjectHandler).ServeHTTP" || len(r.Queries) != 6 || r.QueriesPerRequest.Min != 12 {
		t.Errorf("route = %s %s -> %s with %d queries, %d per request, want GET /api/v1alpha/projects/{ref} -> api.(*ProjectHandler).ServeHTTP with 6, 12 per request", r.Method, r.Pattern, r.Handler, len(r.Queries), r.QueriesPerRequest.Min)
	}
	var got []string
	for _, f := range rep.Findings {
		var routes []string
		for _, rr := range f.Routes {
			routes = append(routes, rr.Pattern)
		}
		got = append(got, fmt.Sprintf("%s %s:%d %v", f.Check, f.File, f.Line, routes))
	}
	if want := []string{"handlerquery api/api.go:21 [/api/v1alpha/projects/{ref}]"}; !slices.Equal(got, want) {
		t.Errorf("findings = %q, want %q", got, want)
	}
}

// A cobra command's RunE may be the closure a factory returns (RunE:
// repair()), as well as a function literal or value: its code is the
// command's, low (before, permify's repair command's loop was a high
// finding of no role). A loop over the words typed after the command
// (its args) is over a few a person writes out: silent, as over a
// literal (crowdsec's cscli delete commands, judged false in round 21);
// over the rows a query read, reported.
func TestCommandFactories(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/cobra", "./...")
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s:%d %s %s", f.File, f.Line, f.Severity, f.Role))
	}
	slices.Sort(got)
	if want := []string{"store/store.go:12 low cli", "store/store.go:22 low cli"}; !slices.Equal(got, want) {
		t.Errorf("findings = %q, want %q\nstderr: %s", got, want, stderr)
	}
}

// GoFrame's gcmd commands are commands too: the one an operator runs
// (up, a one-off repair) is low and says so, where it was a finding no
// entry ran (hotgo's `up -m=fix`); the one that starts the ghttp server
// (s.Run) is the server's start, and its route's loop is the route's.
// The default command runs the server's by name (Http.Func(ctx,
// parser)): that call runs Http's literal, not every command's code (the
// call graph's field-based propagation gave it up's too, which then ran
// at start-up: silent). A package variable's function field set again
// by an assignment runs either (requeue.run, a route's: fix.go:48).
func TestGoFrameCommands(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/gfcmd", "./...")
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s:%d %s %s", f.File, f.Line, f.Severity, f.Role))
	}
	slices.Sort(got)
	want := []string{"internal/cmd/cmd.go:78 high route", "internal/fix/fix.go:25 low cli", "internal/fix/fix.go:48 medium route"}
	if !slices.Equal(got, want) {
		t.Errorf("findings = %q, want %q\nstderr: %s", got, want, stderr)
	}
}

// A function literal in main is not start-up by main's name: the graph
// says what runs it. testdata/inline registers a handler inline whose
// loop reaches its query through an interface (reported, the route's),
// beside a loop of main itself (start-up: silent).
func TestInlineHandlerInMain(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/inline", "./...")
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s:%d %s", f.File, f.Line, f.Role))
	}
	if want := []string{"main.go:30 route"}; !slices.Equal(got, want) {
		t.Errorf("findings = %q, want %q\nstderr: %s", got, want, stderr)
	}
}

// Migrations kept per database side by side: the SQLite twin of a
// PostgreSQL migration is not read (its index would hide the missing one)
// and makes no warning per statement, but one note, counted.
func TestSchemaDialectTwins(t *testing.T) {
	rep, _, _ := runJSON(t, []*analysis.Analyzer{missingindex.Analyzer}, "-C", "testdata/twins", "./...")
	if s := rep.Stats; s.SchemaFiles != 1 || s.SchemaWarnings != 0 || s.SchemaSkipped != 1 {
		t.Errorf("stats = %+v; want 1 schema file, no warning, 1 skipped", s)
	}
	if want := []string{"migrations/1_init_sqlite.up.sql"}; !slices.Equal(rep.SchemaSkippedFiles, want) {
		t.Errorf("schema_skipped_files = %q, want %q", rep.SchemaSkippedFiles, want)
	}
	if len(rep.Findings) != 1 || rep.Findings[0].Check != "missingindex" {
		t.Errorf("findings = %+v; want the missing index on users(name)", rep.Findings)
	}
	var stdout, stderr bytes.Buffer
	run([]string{"-C", "testdata/twins", "./..."}, &stdout, &stderr, nil)
	note := "schema: 1 migration file written for another database not read (its PostgreSQL twin was): migrations/1_init_sqlite.up.sql\n"
	if !strings.Contains(stderr.String(), note) {
		t.Errorf("stderr lacks %q:\n%s", note, stderr.String())
	}
}

// A store whose driver is looked up by name in a registry that each
// driver's init fills: a store opened with a constant name is that
// driver's alone (the in-memory one the sweep keeps its marks in runs no
// query, also through the timing decorator Open wraps every store in),
// while one opened with the configured name, or the SQL driver's name,
// is still reported per key, and so is one opened by name from a
// registry that is handed out (blob.Registered: anything may be put
// under the name). A call through a field of a generated wrapper (the
// call graph's type propagation skips generated code, so it had every
// implementation of the interface) runs what the wrapper is made over:
// the server's loop over the monitored in-memory users is silent, the
// other binary's loop over the SQL users still reported.
func TestRegistryDriverByName(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/kvdrivers", "./...")
	var got []string
	for _, f := range rep.Findings {
		if f.Check == "queryinloop" {
			got = append(got, fmt.Sprintf("%s:%d", f.File, f.Line))
		}
	}
	slices.Sort(got)
	if want := []string{"app/app.go:33", "app/app.go:45", "app/app.go:55", "app/app.go:71", "cmd/admin/main.go:18"}; !slices.Equal(got, want) {
		t.Errorf("queryinloop findings at %v, want %v (stderr %s)", got, want, stderr)
	}
}

// A call through a package-level table of functions indexed by the loop's
// item, with arguments that are the item or what the loop does not
// change, runs each key's function once per key given, as a switch on
// the item would: silent. An index, a value the body writes again, a
// call's result among the arguments, a key that is a field of the item
// (an event per item), or a local map filled with a closure per item stay
// reported. A loop over the excess of a list
// past a limit is left out and counted.
func TestDispatchTable(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/dispatch", "./...")
	var got []int
	for _, f := range rep.Findings {
		if f.Check == "queryinloop" {
			got = append(got, f.Line)
		}
	}
	slices.Sort(got)
	if want := []int{86, 89, 92, 98, 136}; !slices.Equal(got, want) {
		t.Errorf("queryinloop findings at lines %v, want %v (stderr %s)", got, want, stderr)
	}
	// trim's loop over the sessions past the limit: left out, counted.
	if n := rep.Stats.ExcessLoopFindings; n != 1 {
		t.Errorf("stats.excess_loop_findings = %d, want 1", n)
	}
}

// A server generated by oapi-codegen registers its routes under
// options.BaseURL, on options.BaseRouter or, when that is nil, on a
// router of its own; the functions beside it fill the options. The
// package alone reads "…/pets"; the program's calls say the base and the
// router together, per call: /api on main's router, /v2 on a router
// mounted at /next, and one base read from the environment, which stays
// unknown. None on the router made for a call passing none (every call
// passes one), none pairing one call's base with another's router; the
// store method the wrapper calls through the interface, and the
// function of a handler's signature a registered handler calls, are no
// routes of their own.
func TestGeneratedServerBase(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/oapigen", "./...")
	got := routeLines(rep, fileLine)
	want := []string{
		"api/api.gen.go:64 GET /api/pets -> api.(*ServerInterfaceWrapper).ListPets [store/store.go:12]",
		"api/api.gen.go:64 GET /next/v2/pets -> api.(*ServerInterfaceWrapper).ListPets [store/store.go:12]",
		"api/api.gen.go:64 GET …/pets -> api.(*ServerInterfaceWrapper).ListPets [store/store.go:12]",
		"api/api.gen.go:67 GET /api/pets/{id} -> api.(*ServerInterfaceWrapper).GetPet [store/store.go:16]",
		"api/api.gen.go:67 GET /next/v2/pets/{id} -> api.(*ServerInterfaceWrapper).GetPet [store/store.go:16]",
		"api/api.gen.go:67 GET …/pets/{id} -> api.(*ServerInterfaceWrapper).GetPet [store/store.go:16]",
		"cmd/app/main.go:28 ANY /view/ -> main.logged → main.view [store/store.go:23]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("routes:\n%s\nwant:\n%s\nstderr: %s", strings.Join(got, "\n"), strings.Join(want, "\n"), stderr)
	}
}

// A Prometheus scrape runs the module's collectors: promhttp's handler,
// registered as a route or served in place by a handler of the module,
// runs each collector's Collect, whose count is the route's query
// (gitploy's /metrics ran its collector's counts, listed nowhere). A
// handler of another library served in place runs none. A function of a
// handler's signature nothing registers, calls or refers to is dead code,
// no route (counted as unreached).
func TestPrometheusScrape(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/scrape", "./...")
	got := routeLines(rep, fileLine)
	want := []string{
		"cmd/app/main.go:18 GET /metrics -> promhttp.Handler [stats/stats.go:29]",
		"cmd/app/main.go:19 GET /private/metrics -> stats.Serve [stats/stats.go:29]",
		"cmd/app/main.go:20 GET /ping -> stats.Ping",
	}
	if !slices.Equal(got, want) {
		t.Errorf("routes:\n%s\nwant:\n%s\nstderr: %s", strings.Join(got, "\n"), strings.Join(want, "\n"), stderr)
	}
	// stats.Legacy, a handler nothing refers to, is no route: counted.
	if rep.Stats.UnreachedRoutes != 1 {
		t.Errorf("unreached routes = %d, want 1 (stats.Legacy)", rep.Stats.UnreachedRoutes)
	}
}
