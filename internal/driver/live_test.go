package driver

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/internal/pgtest"
	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/internal/testenv"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// The demo's and the planted cases' modules, and their databases (built
// from the same migrations, with rows).
var (
	demoDir    = filepath.Join("..", "..", "testdata", "demo")
	plantedDir = filepath.Join("..", "..", "testdata", "livedb")
)

func liveDB(t *testing.T, name, dir string) (*pgtest.Server, string) {
	t.Helper()
	srv := pgtest.Start(t)
	if !srv.HypoPG && os.Getenv("SQLHEAT_INTEGRATION") == "" {
		t.Skip("hypopg is not installed (apt-get install postgresql-15-hypopg)")
	}
	return srv, srv.Loaded(t, name, filepath.Join(dir, "migrations"), filepath.Join(dir, "seed.sql"))
}

// runText runs the driver as the command line would, returning stdout and
// stderr.
func runText(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb, analyzer.Analyzers())
	return code, out.String(), errb.String()
}

// TestLiveDemo: the demo's missing index, confirmed by the planner, with
// its costs in JSON and on the detail line of the text report.
func TestLiveDemo(t *testing.T) {
	_, dsn := liveDB(t, "demo", demoDir)
	rep, code, stderr := runJSON(t, analyzer.Analyzers(), "-C", demoDir, "-dsn", dsn, "./...")
	if code != ExitFindings {
		t.Fatalf("exit code %d, stderr:\n%s", code, stderr)
	}
	var ev *report.Evidence
	for _, f := range rep.Findings {
		if f.Check == "missingindex" {
			ev = f.Evidence
		} else if f.Evidence != nil {
			t.Errorf("%s finding has evidence: %+v", f.Check, f.Evidence)
		}
	}
	if ev == nil || ev.Verdict != "confirmed" || !ev.IndexUsed || ev.TableRows != 100000 || ev.TableBytes == 0 ||
		!strings.HasSuffix(ev.PlanNode, "Seq Scan on orders") || ev.CostBefore < 1000 || ev.CostAfter > ev.CostBefore/10 {
		t.Errorf("evidence %+v, want confirmed: a seq scan of 100,000 orders, cost falling tenfold", ev)
	}
	if l := rep.Live; l == nil || l.HypoPG == "" || l.Scratch || len(l.Drift) != 0 || len(l.Retracted) != 0 {
		t.Errorf("live %+v, want the demo database, hypopg, no drift, nothing retracted", l)
	}

	_, stdout, _ := runText(t, "-C", demoDir, "-dsn", dsn, "./...")
	_, block, _ := strings.Cut(stdout, "(missingindex)\n")
	if i := regexp.MustCompile(`(?m)^\S`).FindStringIndex(block); i != nil {
		block = block[:i[0]] // up to the next finding's line
	}
	if !regexp.MustCompile(`(?m)^    confirmed by the planner: Seq Scan on orders, 100,000 rows; cost [\d,]+ → \d+ with the index$`).MatchString(block) {
		t.Errorf("the missingindex finding's detail lines do not say it is confirmed:\n%s", stdout)
	}
	if !strings.Contains(stdout, "\nLive database: database "+rep.Live.Database+" on unix socket in ") {
		t.Errorf("no live section:\n%s", stdout)
	}
}

// TestLivePlanted runs the planted cases end to end: each finding gets
// its verdict, downgraded ones fall to low, retracted ones leave the
// findings for the live section, with the drift.
func TestLivePlanted(t *testing.T) {
	_, dsn := liveDB(t, "planted", plantedDir)
	rep, code, stderr := runJSON(t, analyzer.Analyzers(), "-C", plantedDir, "-dsn", dsn, "./...")
	if code != ExitFindings {
		t.Fatalf("exit code %d, stderr:\n%s", code, stderr)
	}
	got := map[string]string{}
	for _, f := range rep.Findings {
		got[fmt.Sprintf("%s:%d", f.File, f.Line)] = f.Evidence.Verdict + " " + f.Severity
	}
	for _, f := range rep.Live.Retracted {
		got[fmt.Sprintf("%s:%d", f.File, f.Line)] = f.Evidence.Verdict + " " + f.Severity
	}
	want := map[string]string{
		"store/store.go:16": "downgraded low",   // forty warehouses
		"store/store.go:23": "retracted medium", // the hot-fix index
		"store/store.go:29": "retracted medium", // account_id::numeric
		"store/store.go:34": "confirmed medium", // $2 typed from the catalog
		"store/store.go:39": "downgraded low",   // half the events
		"store/store.go:45": "retracted medium", // at::date is not immutable
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("verdicts %v\nwant %v", got, want)
	}
	if len(rep.Findings) != 3 || len(rep.Live.Retracted) != 3 {
		t.Errorf("%d findings and %d retracted, want 3 and 3", len(rep.Findings), len(rep.Live.Retracted))
	}
	drift := strings.Join(rep.Live.Drift, "\n")
	if !strings.Contains(drift, "the database has index shipments_order_ref_hotfix on public.shipments, which the migrations do not create") ||
		!strings.Contains(drift, "the migrations create index shipments_carrier_idx on public.shipments (carrier) (migrations/0001_init.up.sql:21), which the database does not have") {
		t.Errorf("drift:\n%s", drift)
	}
	// The confirmed scan of 200,000 rows ranks above the downgraded ones.
	if f := rep.Findings[0]; f.Line != 34 || f.Rank != 1 {
		t.Errorf("first finding %s:%d, want the confirmed store/store.go:34", f.File, f.Line)
	}
}

// TestLiveStatStatements: pg_stat_statements read live ranks by database
// time, joined to the code by fingerprint.
func TestLiveStatStatements(t *testing.T) {
	srv, dsn := liveDB(t, "planted", plantedDir)
	if !srv.PGSS {
		t.Skip("pg_stat_statements is not preloaded")
	}
	// The application ran the warehouse lookup; the confirmed query on
	// events never ran.
	for range 5 {
		pgtest.Exec(t, dsn, "SELECT id FROM warehouses WHERE city = 'City 3'")
	}
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", plantedDir, "-dsn", dsn, "./...")
	if rep.Traffic == nil || rep.Traffic.Format != "pg_stat_statements" {
		t.Fatalf("traffic %+v, want pg_stat_statements read live; stderr:\n%s", rep.Traffic, stderr)
	}
	if f := rep.Findings[0]; f.Line != 16 || f.ScoreBasis != report.BasisDBTime {
		t.Errorf("first finding %s:%d (%s), want the warehouse lookup ranked by database time", f.File, f.Line, f.ScoreBasis)
	}
}

// TestLiveScratch builds a temporary database from the planted
// migrations on the server, checks usability only, and drops it.
func TestLiveScratch(t *testing.T) {
	srv := pgtest.Start(t)
	rep, code, stderr := runJSON(t, analyzer.Analyzers(), "-C", plantedDir, "-dsn", srv.DSN("postgres"), "-scratch", "./...")
	if code != ExitFindings {
		t.Fatalf("exit code %d, stderr:\n%s", code, stderr)
	}
	if !rep.Live.Scratch || len(rep.Findings) != 4 || len(rep.Live.Retracted) != 2 {
		t.Errorf("live %+v, %d findings; want a scratch database, 4 findings usable, 2 retracted", rep.Live, len(rep.Findings))
	}
	for _, f := range rep.Findings {
		if f.Evidence.Verdict != "usable" || f.Evidence.CostAfter != 0 || !strings.Contains(f.Evidence.Summary, "whether it pays depends on the data") {
			t.Errorf("%s:%d: %+v", f.File, f.Line, f.Evidence)
		}
	}
	conn, err := pgx.Connect(t.Context(), srv.DSN("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(t.Context())
	var left int
	if err := conn.QueryRow(t.Context(), "SELECT count(*) FROM pg_database WHERE datname = $1", rep.Live.Database).Scan(&left); err != nil || left != 0 {
		t.Errorf("scratch database %s left behind (%d, %v)", rep.Live.Database, left, err)
	}
}

// TestLiveSettings: the DSN comes from -dsn, else $SQLHEAT_DSN, else
// dsn: in .sqlheat.yaml; thresholds from live: there, checked.
func TestLiveSettings(t *testing.T) {
	_, dsn := liveDB(t, "planted", plantedDir)
	// Settings files are read once per process: one directory each.
	module := func(settings string) string {
		dir := t.TempDir()
		testenv.CopyTree(t, dir, plantedDir)
		if err := os.WriteFile(filepath.Join(dir, ".sqlheat.yaml"), []byte(settings), 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	// A floor of a million rows downgrades the confirmed finding.
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", module(fmt.Sprintf("dsn: %q\nlive:\n  min_rows: 1000000\n", dsn)), "./...")
	if rep.Live == nil || rep.Findings[0].Evidence == nil || rep.Findings[0].Evidence.Verdict != "downgraded" ||
		!strings.Contains(rep.Findings[0].Evidence.Summary, "events has 200,000 rows, under the floor of 1M") {
		t.Errorf("dsn and thresholds from the settings: live %+v, findings %+v\n%s", rep.Live, rep.Findings, stderr)
	}
	t.Setenv("SQLHEAT_DSN", dsn)
	code, _, stderr := runText(t, "-C", module("live:\n  min_saving: 2\n"), "./...")
	if code != ExitUsage || !strings.Contains(stderr, ".sqlheat.yaml:2: live: min_saving: want a fraction of the cost between 0 and 1, got 2") {
		t.Errorf("a saving of 200%%: exit %d, stderr:\n%s", code, stderr)
	}
	rep, _, _ = runJSON(t, analyzer.Analyzers(), "-C", module(""), "./...")
	if rep.Live == nil {
		t.Error("$SQLHEAT_DSN was not used")
	}
}

// TestLiveErrors: a refused connection is one line naming the host and
// database, exit 2; -scratch needs a server.
func TestLiveErrors(t *testing.T) {
	code, stdout, stderr := runText(t, "-C", plantedDir, "-dsn", "postgres://app:Refused-42@127.0.0.1:1/shop?sslmode=disable", "./...")
	want := "sqlheat: cannot connect to database \"shop\" on 127.0.0.1:1: connect: connection refused\n"
	if code != ExitUsage || stderr != want || stdout != "" {
		t.Errorf("refused: exit %d, stdout %q, stderr %q; want 2 and %q", code, stdout, stderr, want)
	}
	t.Setenv("SQLHEAT_DSN", "")
	code, _, stderr = runText(t, "-C", plantedDir, "-scratch", "./...")
	if code != ExitUsage || !strings.Contains(stderr, "-scratch needs -dsn") {
		t.Errorf("-scratch alone: exit %d, stderr %q", code, stderr)
	}
}

// TestLivePasswordNeverShown runs every report format, and the error
// paths, with a password in the DSN, and greps all they print for it.
func TestLivePasswordNeverShown(t *testing.T) {
	srv, dsn := liveDB(t, "planted", plantedDir)
	const password = "Driver-Never-Shown-9"
	role := srv.PasswordRole(t, dsn, password)
	u, _ := url.Parse(dsn)
	u.User = url.UserPassword(role, password)
	good := u.String()
	u.User = url.UserPassword(role, password+"-wrong")
	wrong := u.String()
	server, _ := url.Parse(srv.DSN("postgres"))
	server.User = url.UserPassword(role, password)

	runs := [][]string{
		{"-dsn", wrong},
		{"-dsn", "postgres://" + role + ":" + password + "@db:notaport/shop"},
		{"-dsn", "host=/nonexistent user=" + role + " password=" + password + " dbname=shop"},
		{"-dsn", server.String(), "-scratch"},
	}
	for _, format := range report.Formats {
		runs = append(runs, []string{"-dsn", good, "-format", format, "-routes"})
	}
	for _, args := range runs {
		code, stdout, stderr := runText(t, append(append([]string{"-C", plantedDir}, args...), "./...")...)
		if strings.Contains(stdout+stderr, password) {
			t.Errorf("%v: the password is in the output", args[2:])
		}
		if code == ExitUsage && stderr == "" {
			t.Errorf("%v: exit 2 without a message", args[2:])
		}
		if code == ExitFindings && !strings.Contains(stdout, "planner") {
			t.Errorf("%v: the output does not carry the verdicts:\n%s", args[2:], stdout)
		}
	}
}
