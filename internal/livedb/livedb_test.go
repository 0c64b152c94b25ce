package livedb

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/internal/pgtest"
	"github.com/sqlheat/sqlheat/internal/schema"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// The schemas under test: the demo's, and the planted cases of
// testdata/livedb, each with its rows.
var (
	demoMigrations    = filepath.Join("..", "..", "testdata", "demo", "migrations")
	plantedMigrations = filepath.Join("..", "..", "testdata", "livedb", "migrations")
)

// demoDB returns a fresh copy of the demo's database, and the catalog
// sqlheat reads from its migrations.
func demoDB(t *testing.T) (*pgtest.Server, string, *schema.Catalog) {
	return loaded(t, "demo", demoMigrations)
}

// plantedDB is demoDB for the planted cases.
func plantedDB(t *testing.T) (*pgtest.Server, string, *schema.Catalog) {
	return loaded(t, "planted", plantedMigrations)
}

func loaded(t *testing.T, name, migrations string) (*pgtest.Server, string, *schema.Catalog) {
	t.Helper()
	srv := pgtest.Start(t)
	dsn := srv.Loaded(t, name, migrations, filepath.Join(migrations, "..", "seed.sql"))
	cat, err := schema.Load([]string{migrations})
	if err != nil {
		t.Fatal(err)
	}
	return srv, dsn, cat
}

func session(t *testing.T, dsn string, opts Options) *Session {
	t.Helper()
	s, err := Open(context.Background(), dsn, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

func needHypoPG(t *testing.T, srv *pgtest.Server) {
	t.Helper()
	if !srv.HypoPG && os.Getenv("SQLHEAT_INTEGRATION") == "" {
		t.Skip("hypopg is not installed (apt-get install postgresql-15-hypopg)")
	}
}

// The demo's missingindex finding, as sqlheat reports it.
var demoCandidate = Candidate{
	SQL:   "SELECT id, customer_id, status, total_cents, created_at, updated_at FROM orders WHERE customer_id = $1 ORDER BY created_at DESC",
	Index: "CREATE INDEX CONCURRENTLY idx_orders_customer_id ON orders (customer_id);",
}

// TestDemoConfirmed: the demo's one planted missing index is confirmed by
// the planner, with the costs of the plans with and without it.
func TestDemoConfirmed(t *testing.T) {
	srv, dsn, cat := demoDB(t)
	needHypoPG(t, srv)
	s := session(t, dsn, Options{Catalog: cat})
	evs, err := s.Evidence(context.Background(), []Candidate{demoCandidate})
	if err != nil {
		t.Fatal(err)
	}
	ev := evs[0]
	if ev.Verdict != Confirmed || !ev.IndexUsed {
		t.Fatalf("verdict %s (%s), want confirmed", ev.Verdict, ev.Reason)
	}
	if ev.Table != "public.orders" || ev.TableRows != 100000 || ev.TableBytes < 5<<20 {
		t.Errorf("table %s: %v rows, %d bytes; want public.orders, 100000 rows, over 5 MB", ev.Table, ev.TableRows, ev.TableBytes)
	}
	if !strings.Contains(ev.PlanNode, "Seq Scan on orders") {
		t.Errorf("plan node %q, want a seq scan on orders", ev.PlanNode)
	}
	// A scan of 100,000 rows costs thousands; an index probe, tens.
	if ev.CostBefore < 1000 || ev.CostAfter <= 0 || ev.CostAfter > ev.CostBefore/10 {
		t.Errorf("cost %v → %v, want over 1,000 falling tenfold", ev.CostBefore, ev.CostAfter)
	}
	if got := ev.String(); !strings.HasPrefix(got, "confirmed by the planner: ") || !strings.Contains(got, "on orders, 100,000 rows; cost ") {
		t.Errorf("detail line %q", got)
	}
	t.Log(ev.String())
}

// TestPlanted puts each planted case of testdata/shop to the planner.
func TestPlanted(t *testing.T) {
	srv, dsn, cat := plantedDB(t)
	needHypoPG(t, srv)
	s := session(t, dsn, Options{Catalog: cat})
	tests := []struct {
		name    string
		cand    Candidate
		verdict Verdict
		reason  string // a regular expression Evidence.Reason matches
		drift   string // a part of Evidence.Drift
	}{
		{"tiny table",
			Candidate{"SELECT id FROM warehouses WHERE city = $1", "CREATE INDEX CONCURRENTLY idx_warehouses_city ON warehouses (city);"},
			Downgraded, regexp.QuoteMeta("the planner keeps a seq scan: 40 rows"), ""},
		{"index the migrations lack",
			Candidate{"SELECT id, carrier FROM shipments WHERE order_ref = $1", "CREATE INDEX CONCURRENTLY idx_shipments_order_ref ON shipments (order_ref);"},
			Retracted, regexp.QuoteMeta("already reads shipments through index shipments_order_ref_hotfix"), "the database has index shipments_order_ref_hotfix on public.shipments, which the migrations do not create"},
		{"never usable",
			Candidate{"SELECT id, amount FROM invoices WHERE account_id = $1::numeric", "CREATE INDEX CONCURRENTLY idx_invoices_account_id ON invoices (account_id);"},
			Retracted, regexp.QuoteMeta("cannot use the index for this statement, even with sequential scans off (Filter: ((invoices.account_id)::numeric = $1))"), ""},
		{"parameter typed from the catalog",
			Candidate{"SELECT id, at FROM events WHERE user_id = $1 AND ($2 IS NULL OR kind = $2)", "CREATE INDEX CONCURRENTLY idx_events_user_id ON events (user_id);"},
			Confirmed, "", ""},
		// ANALYZE samples rows: the estimate is about half, not exactly.
		{"half the table",
			Candidate{"SELECT id FROM events WHERE kind = $1", "CREATE INDEX CONCURRENTLY idx_events_kind ON events (kind);"},
			Downgraded, `the planner keeps a seq scan: the filter matches about (9[5-9]|10[0-4]),\d{3} of 200,000 rows$`, ""},
		{"refused",
			Candidate{"SELECT id FROM events WHERE at::date = $1", "CREATE INDEX CONCURRENTLY idx_events_at_date ON events ((at::date));"},
			Retracted, regexp.QuoteMeta("PostgreSQL refuses the index: functions in index expression must be marked IMMUTABLE"), ""},
		{"not a query",
			Candidate{"SELECT 1; DROP TABLE events", "CREATE INDEX i ON events (kind)"},
			Unverified, regexp.QuoteMeta("the text holds 2 statements, not one"), ""},
		{"unknown table",
			Candidate{"SELECT id FROM parcels WHERE ref = $1", "CREATE INDEX i ON parcels (ref)"},
			Unverified, regexp.QuoteMeta("the database has no table parcels"), ""},
		{"unknown column",
			Candidate{"SELECT id FROM events WHERE colour = $1", "CREATE INDEX i ON events (colour)"},
			Unverified, `PostgreSQL cannot plan the statement: column "colour" does not exist`, ""},
	}
	cands := make([]Candidate, len(tests))
	for i, tt := range tests {
		cands[i] = tt.cand
	}
	// All in one session, in one go: a case that fails must not disturb
	// the next.
	evs, err := s.Evidence(context.Background(), cands)
	if err != nil {
		t.Fatal(err)
	}
	for i, tt := range tests {
		ev := evs[i]
		if ev.Verdict != tt.verdict || !regexp.MustCompile(tt.reason).MatchString(ev.Reason) || !strings.Contains(ev.Drift, tt.drift) || (tt.drift == "") != (ev.Drift == "") {
			t.Errorf("%s: %s, reason %q, drift %q\nwant %s, reason matching %q, drift %q", tt.name, ev.Verdict, ev.Reason, ev.Drift, tt.verdict, tt.reason, tt.drift)
		}
		t.Logf("%s: %s", tt.name, ev)
	}
}

// TestDrift compares the planted schema's migrations with its database.
func TestDrift(t *testing.T) {
	_, dsn, cat := plantedDB(t)
	s := session(t, dsn, Options{Catalog: cat})
	drift, err := s.Drift(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range drift {
		got = append(got, d.String())
	}
	want := []string{
		"the database has index shipments_order_ref_hotfix on public.shipments, which the migrations do not create: CREATE INDEX shipments_order_ref_hotfix ON public.shipments USING btree (order_ref)",
		"the migrations create index shipments_carrier_idx on public.shipments (carrier) (" + filepath.Join(plantedMigrations, "0001_init.up.sql") + ":21), which the database does not have",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("drift:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The demo's database is its migrations: no drift.
	_, demo, demoCat := demoDB(t)
	if drift, err := session(t, demo, Options{Catalog: demoCat}).Drift(context.Background()); err != nil || len(drift) != 0 {
		t.Errorf("demo drift: %v, %v; want none", drift, err)
	}
}

// TestWithoutHypoPG: without the extension, a sequential scan is reported
// unverified, saying why, and an index the database already has still
// retracts the finding.
func TestWithoutHypoPG(t *testing.T) {
	_, dsn, cat := plantedDB(t)
	pgtest.Exec(t, dsn, "DROP EXTENSION IF EXISTS hypopg")
	s := session(t, dsn, Options{Catalog: cat})
	evs, err := s.Evidence(context.Background(), []Candidate{
		{"SELECT id FROM events WHERE kind = $1", "CREATE INDEX CONCURRENTLY idx_events_kind ON events (kind);"},
		{"SELECT id, carrier FROM shipments WHERE order_ref = $1", "CREATE INDEX CONCURRENTLY idx_shipments_order_ref ON shipments (order_ref);"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if ev := evs[0]; ev.Verdict != Unverified || !strings.Contains(ev.Reason, "hypopg is not installed") || ev.PlanNode != "Seq Scan on events" || ev.CostBefore == 0 {
		t.Errorf("without hypopg: %+v", ev)
	}
	if ev := evs[1]; ev.Verdict != Retracted || ev.Drift == "" {
		t.Errorf("existing index without hypopg: %+v", ev)
	}
}

// TestReadOnly proves that nothing can be written through a session: the
// transaction is read-only, so a write sent inside it fails, and a
// statement of the audited code is planned, never run.
func TestReadOnly(t *testing.T) {
	_, dsn, _ := plantedDB(t)
	s := session(t, dsn, Options{})
	ctx := context.Background()
	for _, q := range []string{
		"INSERT INTO warehouses (city) VALUES ('Nowhere')",
		"CREATE TABLE intruder (id int)",
		"SELECT nextval('warehouses_id_seq')",
	} {
		err := s.within(ctx, func() error { _, err := s.tx.Exec(ctx, q); return err })
		if err == nil || !strings.Contains(err.Error(), "read-only transaction") {
			t.Errorf("%s: %v, want a read-only transaction error", q, err)
		}
	}
	// A write statement is only planned.
	evs, err := s.Evidence(ctx, []Candidate{{"DELETE FROM warehouses WHERE city = $1", "CREATE INDEX ON warehouses (city)"}})
	if err != nil {
		t.Fatal(err)
	}
	if evs[0].PlanNode != "Seq Scan on warehouses" {
		t.Errorf("DELETE's plan: %+v", evs[0])
	}
	s.Close(ctx)
	var n int
	check := session(t, dsn, Options{})
	if err := check.tx.QueryRow(ctx, "SELECT count(*) FROM warehouses").Scan(&n); err != nil || n != 40 {
		t.Errorf("warehouses after the session: %d rows, %v; want 40", n, err)
	}
}

// TestStatStatements reads pg_stat_statements live: a statement run 3
// times in the database shows up with its calls, and joins the code's
// text by fingerprint.
func TestStatStatements(t *testing.T) {
	srv, dsn, _ := plantedDB(t)
	if !srv.PGSS {
		t.Skip("pg_stat_statements is not preloaded")
	}
	for range 3 {
		pgtest.Exec(t, dsn, "SELECT id FROM warehouses WHERE city = 'City 7'")
	}
	s := session(t, dsn, Options{})
	stmts, err := s.StatStatements(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, st := range stmts {
		if st.Query == "SELECT id FROM warehouses WHERE city = $1" {
			found = true
			if st.Calls != 3 || st.TotalTime <= 0 {
				t.Errorf("calls %d, time %v; want 3 calls and some time", st.Calls, st.TotalTime)
			}
		}
	}
	if !found {
		t.Errorf("the warehouse query is not among the %d statements", len(stmts))
	}
}
