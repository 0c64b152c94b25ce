package driver

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/guard"
	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/passes/queryinloop"
	"github.com/sqlheat/sqlheat/passes/selectstar"
)

// panicky panics on package b and reports on every other package.
var panicky = &analysis.Analyzer{
	Name: "panicky",
	Doc:  "test helper: panics on package b",
	Run: guard.Run(func(pass *analysis.Pass) (any, error) {
		if pass.Pkg.Name() == "b" {
			var m map[string]int
			m["boom"]++ // a real runtime panic, not a panic(string)
		}
		pass.Reportf(pass.Files[0].Package, "analyzed %s", pass.Pkg.Name())
		return nil, nil
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

// A panic in a pass becomes an internal-error report naming the package,
// the other packages are still analyzed, and the exit code is 3.
func TestPanicIsReported(t *testing.T) {
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

func TestUsageErrors(t *testing.T) {
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
// in a loop is resolved to the implementation that queries, as a possible
// N+1; an implementation that does not query stays silent.
func TestInterfaceCallsResolved(t *testing.T) {
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
	if f.File != "api/api.go" || f.Line != 13 || f.Confidence != "possible" || f.Severity != "medium" ||
		!strings.Contains(f.Message, "pg.(*Users).Find") || !strings.Contains(f.Message, "SELECT id FROM users WHERE id = $1") {
		t.Errorf("finding = %+v", f)
	}
}

// Migrations found by discovery, not named in any settings, also change
// the tool ID.
func TestToolIDFollowsDiscoveredMigrations(t *testing.T) {
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
