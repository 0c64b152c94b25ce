package schema

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// describe prints a catalog compactly: one line per table, its columns,
// then one line per index.
func describe(c *Catalog) []string {
	var out []string
	for _, t := range c.Tables() {
		out = append(out, fmt.Sprintf("%s(%s)", t.QualifiedName(), strings.Join(t.ColumnNames(), ",")))
		for _, ix := range t.Indexes {
			var keys []string
			for _, k := range ix.Keys {
				if k.Expr != "" {
					keys = append(keys, k.Expr)
				} else {
					keys = append(keys, k.Column)
				}
			}
			s := fmt.Sprintf("  %s(%s)", ix.Name, strings.Join(keys, ","))
			switch {
			case ix.Primary:
				s += " pk"
			case ix.Unique:
				s += " unique"
			}
			if ix.Where != "" {
				s += " where " + ix.Where
			}
			out = append(out, s)
		}
	}
	return out
}

func warnings(c *Catalog) []string {
	var out []string
	for _, w := range c.Warnings {
		out = append(out, w.String())
	}
	return out
}

func same(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

func load(t *testing.T, paths ...string) *Catalog {
	t.Helper()
	c, err := Load(paths)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A golang-migrate directory: up files only, in version order (10 after
// 2), with columns and indexes added, dropped and renamed along the way.
func TestLoadMigrate(t *testing.T) {
	t.Parallel()
	c := load(t, "testdata/migrate")
	same(t, "files", c.Files, []string{
		filepath.Join("testdata/migrate/1_init.up.sql"),
		filepath.Join("testdata/migrate/2_orders.up.sql"),
		filepath.Join("testdata/migrate/10_rework.up.sql"),
	})
	same(t, "catalog", describe(c), []string{
		"public.customers(id,email,name,org_id)",
		"  users_pkey(id) pk",
		"  users_email_idx(lower(email)) unique",
		"  customers_org_name(org_id,name) unique",
		"public.orders(id,customer_id,status,created_at)",
		"  orders_pkey(id) pk",
		"  orders_customer_idx(customer_id)",
	})
	same(t, "warnings", warnings(c), nil)
	if tb := c.Table("customers"); tb == nil || tb.File != filepath.Join("testdata/migrate/1_init.up.sql") || tb.Line != 1 {
		t.Errorf("customers created at %+v", tb)
	}
}

// goose: Up sections only, StatementBegin/End blocks kept whole, and a
// broken statement is a warning at its line in the file while the
// statements around it still apply.
func TestLoadGoose(t *testing.T) {
	t.Parallel()
	c := load(t, "testdata/goose")
	same(t, "catalog", describe(c), []string{
		"public.accounts(id,owner,balance)",
		"  accounts_pkey(id) pk",
		"  accounts_owner(owner)",
		"public.entries(id,account_id)",
		"  entries_pkey(id) pk",
	})
	w := warnings(c)
	if len(w) != 1 || !strings.HasPrefix(w[0], filepath.Join("testdata/goose/00002_broken.sql")+":6: statement skipped: syntax error") {
		t.Errorf("warnings = %q", w)
	}
	if tb := c.Table("entries"); tb == nil || tb.Line != 7 {
		t.Errorf("entries created at line %d, want 7", tb.Line)
	}
}

func TestSchemaQualified(t *testing.T) {
	t.Parallel()
	c := load(t, "testdata/plain/schema.sql")
	same(t, "catalog", describe(c), []string{
		"audit.events(id,at)",
		"  events_at_idx(at)",
		"billing.invoices(org_id,number,total)",
		"  invoices_pkey(org_id,number) pk",
		"public.orgs(id,name)",
		"  orgs_pkey(id) pk",
		"  orgs_name_key(name) unique",
	})
	for _, tt := range []struct{ name, want string }{
		{"orgs", "public.orgs"},
		{"public.orgs", "public.orgs"},
		{"billing.invoices", "billing.invoices"},
		{"invoices", "billing.invoices"}, // the only table of that name
		{"events", "audit.events"},
		{"public.invoices", ""},
		{"nope", ""},
	} {
		got := ""
		if tb := c.Table(tt.name); tb != nil {
			got = tb.QualifiedName()
		}
		if got != tt.want {
			t.Errorf("Table(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	// Primary key columns are NOT NULL.
	if col := c.Table("billing.invoices").Column("number"); col == nil || !col.NotNull {
		t.Errorf("invoices.number = %+v", col)
	}
}

// Statement by statement, in order: later changes win.
func TestApplySequence(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		steps []string
		want  []string
		warns []string
	}{
		{
			name: "drop column drops its indexes",
			steps: []string{
				"CREATE TABLE t (a int, b int, c int)",
				"CREATE INDEX t_ab ON t (a, b); CREATE INDEX t_c ON t (c) WHERE b > 0; CREATE INDEX t_ca ON t (c, a)",
				"ALTER TABLE t DROP COLUMN b",
			},
			want: []string{"public.t(a,c)", "  t_ca(c,a)"},
		},
		{
			name: "constraints by name, chosen like PostgreSQL",
			steps: []string{
				"CREATE TABLE t (id int PRIMARY KEY, a int UNIQUE, b int, UNIQUE (a, b))",
				"ALTER TABLE t DROP CONSTRAINT t_a_key",
				"ALTER TABLE t RENAME CONSTRAINT t_a_b_key TO t_ab",
				"CREATE INDEX ON t (lower(b::text)); CREATE INDEX ON t (b); CREATE INDEX ON t (b); CREATE INDEX ON t ((a::text), (a + b))",
			},
			want: []string{"public.t(id,a,b)", "  t_pkey(id) pk", "  t_ab(a,b) unique", "  t_lower_idx(lower(b::text))", "  t_b_idx(b)", "  t_b_idx1(b)", "  t_a_expr_idx(a::text,a + b)"},
		},
		{
			name: "drop and re-add a primary key",
			steps: []string{
				"CREATE TABLE t (id int, k int, CONSTRAINT t_pk PRIMARY KEY (id))",
				"ALTER TABLE t DROP CONSTRAINT t_pk",
				"ALTER TABLE t ADD PRIMARY KEY (k)",
			},
			want: []string{"public.t(id,k)", "  t_pkey(k) pk"},
		},
		{
			name: "unique constraint from an existing index",
			steps: []string{
				"CREATE TABLE t (a int)",
				"CREATE UNIQUE INDEX CONCURRENTLY t_a_tmp ON t (a)",
				"ALTER TABLE t ADD CONSTRAINT t_a_uniq UNIQUE USING INDEX t_a_tmp",
				"DROP INDEX t_a_uniq", // refused: a constraint owns it
			},
			want: []string{"public.t(a)", "  t_a_uniq(a) unique"},
		},
		{
			name: "rename column follows into indexes",
			steps: []string{
				"CREATE TABLE t (email text)",
				"CREATE INDEX t_e ON t (lower(email)); CREATE INDEX t_e2 ON t (email)",
				"ALTER TABLE t RENAME email TO mail",
			},
			want: []string{"public.t(mail)", "  t_e(lower(mail))", "  t_e2(mail)"},
		},
		{
			name: "if not exists and replacements",
			steps: []string{
				"CREATE TABLE t (a int); CREATE TABLE IF NOT EXISTS t (b int)",
				"CREATE INDEX i ON t (a); CREATE INDEX IF NOT EXISTS i ON t (b)",
				"ALTER TABLE t ADD COLUMN IF NOT EXISTS a int",
			},
			want: []string{"public.t(a)", "  i(a)"},
		},
		{
			name: "drop table, drop index, rename index in a schema",
			steps: []string{
				"CREATE TABLE s.t (a int); CREATE INDEX i ON s.t (a); CREATE TABLE u (a int)",
				"ALTER INDEX s.i RENAME TO j",
				"DROP INDEX i", // public.i: no such index
				"DROP TABLE IF EXISTS u, nope",
			},
			want: []string{"s.t(a)", "  j(a)"},
		},
		{
			name:  "index on an unknown table",
			steps: []string{"CREATE INDEX i ON ghost (a)"},
			warns: []string{"m.sql:1: index i on unknown table ghost"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := New()
			for i, s := range tt.steps {
				c.ApplyDDL(s, "m.sql", i+1)
			}
			same(t, "catalog", describe(c), tt.want)
			same(t, "warnings", warnings(c), tt.warns)
		})
	}
}

// DDL from a Go constant: lines count from where the constant starts.
func TestApplyDDLLines(t *testing.T) {
	t.Parallel()
	c := New()
	c.ApplyDDL("CREATE TABLE a (id int);\nCREATE TABLE b (id int,,);\nCREATE TABLE c (id int)", "store/migrate.go", 40)
	same(t, "catalog", describe(c), []string{"public.a(id)", "public.c(id)"})
	w := warnings(c)
	if len(w) != 1 || !strings.HasPrefix(w[0], "store/migrate.go:41: statement skipped:") {
		t.Errorf("warnings = %q", w)
	}
	if tb := c.Table("c"); tb.Line != 42 {
		t.Errorf("c at line %d", tb.Line)
	}
	same(t, "files", c.Files, []string{"store/migrate.go"})
}

func TestServes(t *testing.T) {
	t.Parallel()
	c := New()
	c.ApplyDDL(`
		CREATE TABLE orders (id bigint PRIMARY KEY, org_id int, user_id int, status text, email text, created_at timestamptz, deleted_at timestamptz, tags text[]);
		CREATE INDEX orders_org_user ON orders (org_id, user_id);
		CREATE INDEX orders_email ON orders (lower(email));
		CREATE INDEX orders_tags ON orders USING gin (tags);
		CREATE INDEX orders_status_hash ON orders USING hash (status);
		CREATE INDEX orders_live ON orders (user_id, created_at) WHERE deleted_at IS NULL;
		CREATE INDEX orders_odd ON orders (created_at) WHERE status = 'a' OR status = 'b';
	`, "s.sql", 1)
	tb := c.Table("orders")
	tests := []struct {
		cols []string
		want string
		n    int
	}{
		{[]string{"id"}, "orders_pkey", 1},
		{[]string{"org_id"}, "orders_org_user", 1},
		{[]string{"user_id", "org_id"}, "orders_org_user", 2},
		{[]string{"user_id"}, "", 0}, // not the leading column, and the partial index needs deleted_at IS NULL
		{[]string{"email"}, "", 0},   // only lower(email) is indexed
		{[]string{"tags"}, "", 0},    // gin does not serve equality
		{[]string{"status"}, "orders_status_hash", 1},
		{[]string{"created_at"}, "orders_odd", 1}, // an OR predicate counts as implied
	}
	for _, tt := range tests {
		ix, n := tb.Serves(tt.cols)
		got := ""
		if ix != nil {
			got = ix.Name
		}
		if got != tt.want || n != tt.n {
			t.Errorf("Serves(%v) = %q, %d; want %q, %d", tt.cols, got, n, tt.want, tt.n)
		}
	}

	// Expression keys, matched by function and column.
	if ix, n := tb.ServesKeys([]sqlparse.IndexKey{{Column: "email", Func: "lower"}}, nil); ix == nil || ix.Name != "orders_email" || n != 1 {
		t.Errorf("lower(email) served by %v", ix)
	}
	// Partial indexes, when the query's filters imply the predicate.
	st, err := sqlparse.Parse("SELECT id FROM orders WHERE user_id = $1 AND deleted_at IS NULL")
	if err != nil {
		t.Fatal(err)
	}
	ix, n := tb.ServesKeys([]sqlparse.IndexKey{{Column: "user_id"}}, st[0].Filters)
	if ix == nil || ix.Name != "orders_live" || n != 1 {
		t.Errorf("partial index: %v, %d", ix, n)
	}
	st, _ = sqlparse.Parse("SELECT id FROM orders WHERE user_id = $1 AND deleted_at IS NOT NULL")
	if ix, _ := tb.ServesKeys([]sqlparse.IndexKey{{Column: "user_id"}}, st[0].Filters); ix != nil {
		t.Errorf("partial index used without its predicate: %v", ix.Name)
	}

	// ORDER BY ... LIMIT.
	st, _ = sqlparse.Parse("SELECT id FROM orders WHERE deleted_at IS NULL")
	for _, tt := range []struct {
		eq, order []string
		want      string
	}{
		{[]string{"user_id"}, []string{"created_at"}, "orders_live"},
		{nil, []string{"id"}, "orders_pkey"},
		{[]string{"org_id"}, []string{"user_id"}, "orders_org_user"},
		{nil, []string{"user_id"}, "orders_live"},
		{[]string{"status"}, []string{"id"}, "orders_pkey"},
		{[]string{"org_id"}, []string{"created_at"}, "orders_odd"},
		{[]string{"email"}, []string{"status"}, ""},
	} {
		got := ""
		if ix := tb.ServesOrder(tt.eq, tt.order, st[0].Filters); ix != nil {
			got = ix.Name
		}
		if got != tt.want {
			t.Errorf("ServesOrder(%v, %v) = %q, want %q", tt.eq, tt.order, got, tt.want)
		}
	}
}

func TestFilesOrderAndErrors(t *testing.T) {
	t.Parallel()
	files, err := Files([]string{"testdata/migrate/*.up.sql", "testdata/plain"})
	if err != nil {
		t.Fatal(err)
	}
	same(t, "files", files, []string{
		filepath.Join("testdata/migrate/1_init.up.sql"),
		filepath.Join("testdata/migrate/2_orders.up.sql"),
		filepath.Join("testdata/migrate/10_rework.up.sql"),
		filepath.Join("testdata/plain/schema.sql"),
	})
	for _, p := range []string{"testdata/nope", "testdata/nope/*.sql"} {
		if _, err := Load([]string{p}); err == nil {
			t.Errorf("Load(%q): no error", p)
		}
	}
	// A down file named explicitly is what the user asked for.
	files, _ = Files([]string{"testdata/migrate/1_init.down.sql"})
	same(t, "explicit down", files, []string{"testdata/migrate/1_init.down.sql"})
}

func TestMigrationOrder(t *testing.T) {
	t.Parallel()
	names := []string{"b.sql", "10_x.sql", "2_y.sql", "002_a.sql", "20240101120000_z.sql", "a.sql", "9_q.sql"}
	got := append([]string(nil), names...)
	slices.SortFunc(got, migrationOrder)
	same(t, "order", got, []string{"002_a.sql", "2_y.sql", "9_q.sql", "10_x.sql", "20240101120000_z.sql", "a.sql", "b.sql"})
}

func TestDiscover(t *testing.T) {
	t.Parallel()
	tests := []struct {
		root string
		want []string
	}{
		{"testdata/sqlcv1", []string{"testdata/sqlcv1/db/schema.sql"}},
		{"testdata/sqlcv2", []string{"testdata/sqlcv2/schema", "testdata/sqlcv2/extra.sql"}}, // missing.sql is left out
		{"testdata/sqlcjson", []string{"testdata/sqlcjson/schema.sql"}},
		// Migration directories win over a dump; vendor and hidden
		// directories are not searched.
		{"testdata/project", []string{"testdata/project/db/migrations"}},
		{"testdata/dumps", []string{"testdata/dumps/app/schema.sql", "testdata/dumps/structure.sql"}},
		{"testdata/migrate", []string{"testdata/migrate"}}, // the root itself
		// pgmigrations/ beside chmigrations/ (ClickHouse): PostgreSQL's only.
		{"testdata/dialects", []string{"testdata/dialects/pkg/app/pgmigrations"}},
		// pop's migrations/sql, not its neighbours.
		{"testdata/poplayout", []string{"testdata/poplayout/persistence/migrations/sql"}},
	}
	for _, tt := range tests {
		got := Discover(tt.root)
		for i := range tt.want {
			tt.want[i] = filepath.FromSlash(tt.want[i])
		}
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		same(t, "Discover("+tt.root+")", got, tt.want)
	}
	// What sqlc names loads.
	c := load(t, Discover("testdata/sqlcv2")...)
	same(t, "sqlc v2 catalog", describe(c), []string{"public.v2_a(id)", "public.v2_b(id)"})
}

// Tables whose columns come partly from elsewhere say so, so that no one
// replaces a SELECT * with an incomplete list.
func TestColumnsKnown(t *testing.T) {
	t.Parallel()
	c := New()
	c.ApplyDDL(`CREATE TABLE t (a int, b text);
		CREATE TABLE t2 (LIKE t, c int);
		CREATE MATERIALIZED VIEW mv AS SELECT a FROM t;
		CREATE INDEX ON mv (a);`, "m.sql", 1)
	for _, tt := range []struct {
		name  string
		known bool
	}{{"t", true}, {"t2", false}, {"mv", false}} {
		if tb := c.Table(tt.name); tb == nil || tb.ColumnsKnown != tt.known {
			t.Errorf("%s: %+v, want ColumnsKnown %v", tt.name, tb, tt.known)
		}
	}
	if ix, _ := c.Table("mv").Serves([]string{"a"}); ix == nil || ix.Name != "mv_a_idx" {
		t.Errorf("materialized view index: %v", ix)
	}
}

// A clone changes apart from its original: packages apply their own
// migrations to a clone of the shared catalog.
func TestClone(t *testing.T) {
	t.Parallel()
	c := New()
	c.ApplyDDL("CREATE TABLE a (id int PRIMARY KEY, b text); CREATE INDEX a_b ON a (b) WHERE b IS NOT NULL", "x.sql", 1)
	before := describe(c)
	d := c.Clone()
	d.ApplyDDL("ALTER TABLE a ADD COLUMN c int; DROP INDEX a_b; ALTER TABLE a RENAME COLUMN id TO key; CREATE TABLE z (id int)", "m.go", 10)
	same(t, "original", describe(c), before)
	same(t, "clone", describe(d), []string{"public.a(key,b,c)", "  a_pkey(key) pk", "public.z(id)"})
	same(t, "files", d.Files, []string{"x.sql", "m.go"})
	if c.Len() != 1 || d.Len() != 2 {
		t.Errorf("Len = %d, %d", c.Len(), d.Len())
	}
}

// An embedded goose file applies as a schema file would: Up only.
func TestApplyFile(t *testing.T) {
	t.Parallel()
	c := New()
	c.ApplyFile("-- +goose Up\nCREATE TABLE a (id int);\n-- +goose Down\nDROP TABLE a;\n", "migrations/1_a.sql")
	same(t, "catalog", describe(c), []string{"public.a(id)"})
}

func TestLeadingAndSearchable(t *testing.T) {
	t.Parallel()
	c := New()
	c.ApplyDDL(`
		CREATE TABLE t (id int PRIMARY KEY, a int, b int, s text, doc text, at timestamptz, gone timestamptz);
		CREATE INDEX t_a_b ON t (a, b);
		CREATE INDEX t_s_hash ON t USING hash (s);
		CREATE INDEX t_doc ON t USING gin (to_tsvector('english', doc));
		CREATE INDEX t_at ON t USING brin (at);
		CREATE INDEX t_b_live ON t (b) WHERE gone IS NULL;
	`, "s.sql", 1)
	tb := c.Table("t")
	name := func(ix *Index) string {
		if ix == nil {
			return ""
		}
		return ix.Name
	}
	live, _ := sqlparse.Parse("SELECT 1 FROM t WHERE gone IS NULL")
	for _, tt := range []struct {
		key     sqlparse.IndexKey
		filters []sqlparse.Filter
		eq      bool
		want    string
	}{
		{sqlparse.IndexKey{Column: "a"}, nil, true, "t_a_b"},
		{sqlparse.IndexKey{Column: "b"}, nil, true, ""}, // second key only
		{sqlparse.IndexKey{Column: "b"}, live[0].Filters, true, "t_b_live"},
		{sqlparse.IndexKey{Column: "s"}, nil, true, "t_s_hash"},
		{sqlparse.IndexKey{Column: "s"}, nil, false, ""}, // a hash index has no order
		{sqlparse.IndexKey{Column: "id"}, nil, false, "t_pkey"},
		{sqlparse.IndexKey{Column: "a", Func: "abs"}, nil, true, ""},
	} {
		if got := name(tb.Leading(tt.key, tt.filters, tt.eq)); got != tt.want {
			t.Errorf("Leading(%+v, eq=%v) = %q, want %q", tt.key, tt.eq, got, tt.want)
		}
	}
	for col, want := range map[string]string{"doc": "t_doc", "at": "t_at", "a": ""} {
		if got := name(tb.Searchable(col, nil)); got != want {
			t.Errorf("Searchable(%s) = %q, want %q", col, got, want)
		}
	}
}

// Discovery prefers sqlc's schema and offers the migrations beside it as
// a second view; per-database directories give their PostgreSQL part.
func TestDiscoverAll(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("db/migrations/postgres/1_a.up.sql", "CREATE TABLE a (id int);")
	write("db/migrations/postgres/1_a.down.sql", "DROP TABLE a;")
	write("db/migrations/mysql/1_a.up.sql", "CREATE TABLE a (id int) ENGINE=InnoDB;")
	primary, secondary := DiscoverAll(root)
	rel := func(ps []string) []string {
		var out []string
		for _, p := range ps {
			r, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(r))
		}
		return out
	}
	same(t, "without sqlc", rel(primary), []string{"db/migrations/postgres"})
	same(t, "second view", rel(secondary), nil)

	write("sqlc.yaml", "version: \"2\"\nsql:\n  - schema: db/schema.sql\n")
	write("db/schema.sql", "CREATE TABLE a (id int);")
	primary, secondary = DiscoverAll(root)
	same(t, "with sqlc", rel(primary), []string{"db/schema.sql"})
	same(t, "second view", rel(secondary), []string{"db/migrations/postgres"})

	// Go sources holding migrations, when nothing else is there.
	root2 := t.TempDir()
	os.MkdirAll(filepath.Join(root2, "internal", "database"), 0o755)
	os.WriteFile(filepath.Join(root2, "internal", "database", "migrations.go"), []byte(goMigrationsSrc), 0o644)
	primary, _ = DiscoverAll(root2)
	if len(primary) != 1 || filepath.Base(primary[0]) != "migrations.go" {
		t.Fatalf("Go migrations not discovered: %v", primary)
	}
	c := load(t, primary...)
	same(t, "Go migrations", describe(c), []string{"public.users(id,name,email)", "  users_pkey(id) pk", "  users_email_idx(email)"})
	if len(c.Warnings) != 0 {
		t.Errorf("warnings: %v", c.Warnings)
	}

	// A base schema in a Go string (schema.go), run before SQL
	// migrations that alter it: read first, then the migrations. A Go
	// file of migrations beside them is not (the SQL ones are those).
	root3 := t.TempDir()
	root = root3
	write("database/schema.go", "package database\n\nvar Schema = `CREATE TABLE tasks (id serial PRIMARY KEY, name text);`\n")
	write("database/migrations/2_status.up.sql", "ALTER TABLE tasks ADD COLUMN status text; CREATE INDEX tasks_status_idx ON tasks (status);")
	write("database/migrate.go", "package database\n\nconst old = `CREATE TABLE legacy (id int)`\n")
	primary, _ = DiscoverAll(root3)
	same(t, "base schema in Go", rel(primary), []string{"database/schema.go", "database/migrations"})
	c = load(t, primary...)
	same(t, "base schema in Go", describe(c), []string{"public.tasks(id,name,status)", "  tasks_pkey(id) pk", "  tasks_status_idx(status)"})
	if len(c.Warnings) != 0 {
		t.Errorf("warnings: %v", c.Warnings)
	}
}

const goMigrationsSrc = `package database

var migrations = []func(tx *sql.Tx) error{
	func(tx *sql.Tx) error {
		_, err := tx.Exec(` + "`" + `CREATE TABLE users (id serial PRIMARY KEY, name text)` + "`" + `)
		return err
	},
	func(tx *sql.Tx) error {
		sql := "ALTER TABLE users ADD COLUMN email text; CREATE INDEX users_email_idx ON users (email)"
		_, err := tx.Exec(sql)
		return err
	},
	func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE users SET name = 'x' WHERE name IS NULL") // data: not a schema change
		return err
	},
}

// downAddEmail undoes the second migration: never applied.
func downAddEmail(tx *sql.Tx) error {
	_, err := tx.Exec("DROP INDEX users_email_idx")
	return err
}

var msg = fmt.Sprintf("DROP TABLE %s", "x") // not SQL that parses
`

// Partial-index predicates PostgreSQL proves from the query: IS NOT NULL
// from any strict comparison, a constant comparison from `= $1` (in the
// custom plan); never from a comparison under an OR.
func TestImpliedByProofs(t *testing.T) {
	t.Parallel()
	c := New()
	c.ApplyDDL(`
		CREATE TABLE s (id int PRIMARY KEY, user_id int, ext text);
		CREATE INDEX s_user ON s (user_id) WHERE user_id IS NOT NULL;
		CREATE UNIQUE INDEX s_ext ON s (ext) WHERE ext <> '';
	`, "s.sql", 1)
	tb := c.Table("s")
	for q, want := range map[string]bool{
		"SELECT 1 FROM s WHERE user_id = $1":               true,
		"SELECT 1 FROM s WHERE user_id > 3":                true,
		"SELECT 1 FROM s WHERE user_id IS NULL":            false,
		"SELECT 1 FROM s WHERE id = 1 OR user_id = $1":     false,
		"SELECT 1 FROM s WHERE ext = $1":                   true,
		"SELECT 1 FROM s WHERE ext = 'a'":                  false, // a constant is not the predicate's: not proved here
		"SELECT 1 FROM s WHERE ext IN ($1, $2) AND id > 0": true,
	} {
		st, err := sqlparse.Parse(q)
		if err != nil {
			t.Fatal(err)
		}
		col := st[0].Filters[len(st[0].Filters)-1].Column.Column
		if col == "id" {
			col = st[0].Filters[0].Column.Column
		}
		got := tb.Leading(sqlparse.IndexKey{Column: col}, st[0].Filters, true) != nil
		if got != want {
			t.Errorf("%s: served = %v, want %v", q, got, want)
		}
	}
}

// An EXCLUDE constraint builds a GiST index, which serves its columns;
// DROP CONSTRAINT removes it.
func TestExclusionIndex(t *testing.T) {
	t.Parallel()
	c := New()
	c.ApplyDDL(`
		CREATE TABLE blocks (day date NOT NULL, ids uuidrange NOT NULL, key text,
			CONSTRAINT blocks_excl EXCLUDE USING gist (day WITH =, ids WITH &&));
		CREATE TABLE rooms (room int, during tstzrange);
		ALTER TABLE rooms ADD EXCLUDE USING gist (room WITH =, during WITH &&);
	`, "s.sql", 1)
	same(t, "catalog", describe(c), []string{
		"public.blocks(day,ids,key)", "  blocks_excl(day,ids)",
		"public.rooms(room,during)", "  rooms_room_during_excl(room,during)",
	})
	if c.Table("blocks").Searchable("day", nil) == nil {
		t.Error("the exclusion index does not serve day")
	}
	c.ApplyDDL("ALTER TABLE blocks DROP CONSTRAINT blocks_excl", "s.sql", 9)
	if len(c.Table("blocks").Indexes) != 0 {
		t.Error("DROP CONSTRAINT left the exclusion index")
	}
}

// TestScript checks that a database built from Script gets what the
// catalog got: goose Up sections only, function bodies whole, broken
// statements still passed on (PostgreSQL judges them), the DDL literals of
// a Go migrations file but not its undo function's.
func TestScript(t *testing.T) {
	dir := t.TempDir()
	gofile := filepath.Join(dir, "migrations.go")
	os.WriteFile(gofile, []byte(goMigrationsSrc), 0o644)
	files, err := Files([]string{"testdata/goose"})
	if err != nil {
		t.Fatal(err)
	}
	stmts, err := Script(append(files, gofile))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range stmts {
		first, _, _ := strings.Cut(s.SQL, "\n")
		got = append(got, fmt.Sprintf("%s:%d: %s", filepath.Base(s.File), s.Line, first))
	}
	same(t, "statements", got, []string{
		"00001_init.sql:2: CREATE TABLE accounts (id int PRIMARY KEY, owner text)",
		"00001_init.sql:5: CREATE FUNCTION touch() RETURNS trigger AS $$",
		"00001_init.sql:13: CREATE INDEX accounts_owner ON accounts (owner)",
		"00002_broken.sql:3: ALTER TABLE accounts ADD COLUMN balance numeric",
		"00002_broken.sql:6: CREATE TABLE ledger (id int,, amount numeric)",
		"00002_broken.sql:7: CREATE TABLE entries (id int PRIMARY KEY, account_id int)",
		"migrations.go:5: CREATE TABLE users (id serial PRIMARY KEY, name text)",
		"migrations.go:9: ALTER TABLE users ADD COLUMN email text",
		"migrations.go:9: CREATE INDEX users_email_idx ON users (email)",
	})
	if _, err := Script([]string{filepath.Join(dir, "missing.sql")}); err == nil {
		t.Error("Script of a missing file: no error")
	}
}

// Migrations kept per database side by side (1_init_postgres.up.sql
// beside 1_init_sqlite.up.sql): a file named for another database whose
// PostgreSQL twin is there is not read, and is counted; one without a twin
// is read, SQLite's words left out, with no warning.
func TestDialectTwins(t *testing.T) {
	t.Parallel()
	files, err := Files([]string{"testdata/twins"})
	if err != nil {
		t.Fatal(err)
	}
	same(t, "files", files, []string{
		filepath.Join("testdata/twins/1_init_postgres.up.sql"),
		filepath.Join("testdata/twins/2_tags_sqlite.up.sql"),
	})
	c := load(t, "testdata/twins")
	same(t, "catalog", describe(c), []string{
		"public.tags(id,label)", "  tags_pkey(id) pk",
		"public.users(id,name)", "  users_pkey(id) pk", "  users_name(name)",
	})
	same(t, "warnings", warnings(c), nil)
	same(t, "skipped", c.Skipped, []string{filepath.Join("testdata/twins/1_init_sqlite.up.sql")})
	// A glob, and a list of files, skip the same twin.
	files, _ = Files([]string{"testdata/twins/*.sql"})
	same(t, "glob", files, []string{
		filepath.Join("testdata/twins/1_init_postgres.up.sql"),
		filepath.Join("testdata/twins/2_tags_sqlite.up.sql"),
	})
	// Named alone, the SQLite file is what the user asked for.
	files, _ = Files([]string{"testdata/twins/1_init_sqlite.up.sql"})
	same(t, "alone", files, []string{"testdata/twins/1_init_sqlite.up.sql"})
}

func TestDialectOfName(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]string{
		"0001_create_tables_sqlite.up.sql":   "sqlite",
		"0001_create_tables_postgres.up.sql": "postgres",
		"2_x.mysql.sql":                      "mysql",
		"sqlite3-schema.sql":                 "sqlite3",
		"1_pgsql_init.sql":                   "pgsql",
		"1_sqlitestuff.up.sql":               "",
		"1_init.up.sql":                      "",
	} {
		if _, got := dialectOfName(name); got != want {
			t.Errorf("dialectOfName(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestSystemTable(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		schema, name string
		want         bool
	}{
		{"information_schema", "tables", true},
		{"pg_catalog", "pg_class", true},
		{"", "pg_namespace", true},
		{"", "sqlite_master", true},
		{"", "users", false},
		{"app", "pg_stuff", false}, // a schema of the program's
		{"", "pgusers", false},
	} {
		if got := SystemTable(tt.schema, tt.name); got != tt.want {
			t.Errorf("SystemTable(%q, %q) = %v, want %v", tt.schema, tt.name, got, tt.want)
		}
	}
}

// pop's migrations name their database as an element (2_x.mysql.up.sql)
// beside a PostgreSQL one or one for every database (3_x.up.sql): only
// that is read; a migration for several other databases and none for
// PostgreSQL (4_x.mysql / 4_x.sqlite3) runs on none of its; an
// .autocommit element changes no twin (5_x.autocommit.up.sql and
// 5_x.mysql.up.sql, 6_x.cockroach.autocommit.up.sql and 6_x.up.sql).
func TestPopMigrations(t *testing.T) {
	t.Parallel()
	dir := filepath.FromSlash("testdata/poplayout/persistence/migrations/sql")
	files, err := Files([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	same(t, "files", files, []string{
		filepath.Join(dir, "1_users.up.sql"),
		filepath.Join(dir, "2_users_idx.postgres.up.sql"),
		filepath.Join(dir, "3_users_email.up.sql"),
		filepath.Join(dir, "5_cleanup.autocommit.up.sql"),
		filepath.Join(dir, "6_hint.up.sql"),
	})
	c := load(t, dir)
	same(t, "catalog", describe(c), []string{
		"public.users(id,nid,email)", "  users_pkey(id) pk", "  users_nid_email_idx(nid,email)", "  users_email_idx(email)",
		"  users_created_idx(email)", "  users_nid_idx(nid)",
	})
}
