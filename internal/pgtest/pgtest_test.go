package pgtest

import (
	"context"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// TestServer checks what the package promises its users: a database per
// test copied from a template, the extensions in it, no TCP listener.
func TestServer(t *testing.T) {
	srv := Start(t)
	tpl := srv.Template(t, "pgtest_tpl", func(dsn string) error {
		return ExecErr(dsn, "CREATE TABLE t (id int); INSERT INTO t SELECT generate_series(1, 100)")
	})
	dsn := srv.NewDB(t, tpl)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM t").Scan(&n); err != nil || n != 100 {
		t.Errorf("rows copied from the template: %d, %v; want 100", n, err)
	}
	var listen string
	if err := conn.QueryRow(ctx, "SHOW listen_addresses").Scan(&listen); err != nil || listen != "" {
		t.Errorf("listen_addresses = %q, %v; want none", listen, err)
	}
	rows, _ := conn.Query(ctx, "SELECT extname FROM pg_extension")
	exts, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"hypopg": srv.HypoPG, "pg_stat_statements": srv.PGSS}
	for name, ok := range want {
		has := false
		for _, e := range exts {
			has = has || e == name
		}
		if has != ok {
			t.Errorf("extension %s in the test database: %v, want %v", name, has, ok)
		}
	}
	if os.Getenv("SQLHEAT_INTEGRATION") != "" && (!srv.HypoPG || !srv.PGSS) {
		t.Errorf("SQLHEAT_INTEGRATION is set but hypopg (%v) or pg_stat_statements (%v) is missing", srv.HypoPG, srv.PGSS)
	}
	// A second database from the same template is independent of the first.
	other := srv.NewDB(t, tpl)
	Exec(t, other, "DELETE FROM t")
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM t").Scan(&n); err != nil || n != 100 {
		t.Errorf("rows after deleting in another copy: %d, %v; want 100", n, err)
	}
}

func TestDBName(t *testing.T) {
	if got := dbName("TestX/sub case-1"); got != "testx_sub_case_1" {
		t.Errorf("dbName = %q", got)
	}
	if got := dbName(string(make([]byte, 100))); len(got) != 40 {
		t.Errorf("len(dbName) = %d, want 40", len(got))
	}
}
