package livedb

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/sqlheat/sqlheat/internal/pgtest"
	"github.com/sqlheat/sqlheat/internal/schema"
)

// scratchDatabases lists the scratch databases on the server.
func scratchDatabases(t *testing.T, srv *pgtest.Server) []string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, srv.DSN("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, _ := conn.Query(ctx, "SELECT datname FROM pg_database WHERE datname LIKE 'sqlheat\\_scratch\\_%'")
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// TestScratch builds a scratch database from the demo's and the planted
// migrations, without any data, and checks each suggested index for
// usability only; Close drops the database.
func TestScratch(t *testing.T) {
	srv := pgtest.Start(t)
	files, err := schema.Files([]string{demoMigrations, plantedMigrations})
	if err != nil {
		t.Fatal(err)
	}
	stmts, err := schema.Script(files)
	if err != nil {
		t.Fatal(err)
	}
	// A statement the server refuses is a warning, and the rest applies.
	stmts = append(stmts, schema.Statement{File: "broken.sql", Line: 3, SQL: "CREATE INDEX ON nowhere (id)"})
	ctx := context.Background()
	s, err := OpenScratch(ctx, srv.DSN("postgres"), stmts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !s.Info.Scratch || !strings.HasPrefix(s.Info.Database, "sqlheat_scratch_") {
		t.Errorf("info %+v", s.Info)
	}
	if want := `broken.sql:3: scratch database: statement failed: relation "nowhere" does not exist`; len(s.Warnings) != 1 || s.Warnings[0].String() != want {
		t.Errorf("warnings %q, want [%q]", s.Warnings, want)
	}
	evs, err := s.Evidence(ctx, []Candidate{
		demoCandidate,
		{"SELECT id, amount FROM invoices WHERE account_id = $1::numeric", "CREATE INDEX CONCURRENTLY idx_invoices_account_id ON invoices (account_id);"},
		{"SELECT id FROM events WHERE at::date = $1", "CREATE INDEX CONCURRENTLY idx_events_at_date ON events ((at::date));"},
		// The migrations' own index: usable too, and the empty tables
		// say nothing of whether an index pays.
		{"SELECT id FROM orders WHERE status = $1 ORDER BY created_at DESC LIMIT 20", "CREATE INDEX CONCURRENTLY i ON orders (status, created_at)"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []Verdict{Usable, Retracted, Retracted, Usable}
	for i, ev := range evs {
		if ev.Verdict != want[i] || ev.CostAfter != 0 {
			t.Errorf("candidate %d: %s (%s), want %s without costs", i, ev.Verdict, ev.Reason, want[i])
		}
		t.Log(ev)
	}
	if !strings.Contains(evs[0].String(), "whether it pays depends on the data") {
		t.Errorf("a usable index must not be sold as paying: %s", evs[0])
	}
	// Each index was built in a savepoint and rolled back.
	var n int
	if err := s.tx.QueryRow(ctx, "SELECT count(*) FROM pg_indexes WHERE tablename = 'orders'").Scan(&n); err != nil || n != 2 {
		t.Errorf("indexes on orders after the checks: %d, %v; want the migrations' 2", n, err)
	}
	name := s.Info.Database
	if err := s.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(ctx); err != nil {
		t.Errorf("second Close: %v", err)
	}
	for _, left := range scratchDatabases(t, srv) {
		if left == name {
			t.Errorf("scratch database %s still exists after Close", name)
		}
	}
}
