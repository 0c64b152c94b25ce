package sqlparse

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// ddlString prints a DDL compactly for the tables below.
func ddlString(d DDL) string {
	switch x := d.(type) {
	case *CreateTable:
		var cols []string
		for _, c := range x.Columns {
			s := c.Name + " " + c.Type
			if c.NotNull {
				s += "!"
			}
			cols = append(cols, s)
		}
		s := fmt.Sprintf("create table %s (%s)", x.Table, strings.Join(cols, ", "))
		for _, k := range x.Keys {
			s += " " + keyString(k)
		}
		if x.FromQuery {
			s += " as query"
		}
		if x.MoreColumns {
			s += " +more"
		}
		return s
	case *CreateIndex:
		s := "create "
		if x.Unique {
			s += "unique "
		}
		s += fmt.Sprintf("index %s on %s using %s (%s)", x.Name, x.Table, x.Method, keysString(x.Keys))
		if x.Where != "" {
			s += fmt.Sprintf(" where %s %q simple=%v", x.Where, filterStrings(x.WhereFilters), x.WhereSimple)
		}
		return s
	case *AddColumn:
		s := fmt.Sprintf("add column %s.%s %s", x.Table, x.Column.Name, x.Column.Type)
		for _, k := range x.Keys {
			s += " " + keyString(k)
		}
		return s
	case *DropColumn:
		return fmt.Sprintf("drop column %s.%s", x.Table, x.Column)
	case *AlterColumnType:
		return fmt.Sprintf("alter column %s.%s type %s", x.Table, x.Column, x.Type)
	case *AddConstraint:
		return fmt.Sprintf("add constraint %s %s", x.Table, keyString(x.Key))
	case *DropConstraint:
		return fmt.Sprintf("drop constraint %s %s", x.Table, x.Name)
	case *RenameTable:
		return fmt.Sprintf("rename table %s to %s", x.Table, x.NewName)
	case *RenameColumn:
		return fmt.Sprintf("rename column %s.%s to %s", x.Table, x.Column, x.NewName)
	case *RenameIndex:
		return fmt.Sprintf("rename index %s to %s", x.Index, x.NewName)
	case *RenameConstraint:
		return fmt.Sprintf("rename constraint %s %s to %s", x.Table, x.Name, x.NewName)
	case *DropTable:
		return fmt.Sprintf("drop table %s", x.Table)
	case *DropIndex:
		return fmt.Sprintf("drop index %s", x.Index)
	case *SetSearchPath:
		return fmt.Sprintf("search_path %v", x.Schemas)
	}
	return fmt.Sprintf("%T", d)
}

func keyString(k Key) string {
	kind := "unique"
	if k.Primary {
		kind = "pk"
	}
	if k.Index != "" {
		return fmt.Sprintf("%s[%s] using %s", kind, k.Name, k.Index)
	}
	return fmt.Sprintf("%s[%s](%s)", kind, k.Name, strings.Join(k.Columns, ","))
}

func keysString(keys []IndexKey) string {
	var out []string
	for _, k := range keys {
		switch {
		case k.Func != "":
			out = append(out, fmt.Sprintf("%s:%s(%s)", k.Expr, k.Func, k.Column))
		case k.Expr != "":
			out = append(out, k.Expr)
		default:
			out = append(out, k.Column)
		}
	}
	return strings.Join(out, ", ")
}

func filterStrings(fs []Filter) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s %s %s %s", col(f.Column), f.Op, f.Value, f.Literal))
	}
	return out
}

func TestParseDDL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		sql  string
		want []string
	}{
		{`CREATE TABLE users (
			id bigserial PRIMARY KEY,
			email text NOT NULL UNIQUE,
			org_id int REFERENCES orgs (id),
			tags text[]
		)`, []string{"create table users (id bigserial!, email text!, org_id int4, tags text[]) pk[](id) unique[](email)"}},
		{`CREATE TABLE IF NOT EXISTS billing.invoices (
			org_id int, number int, note varchar(20),
			CONSTRAINT invoices_pk PRIMARY KEY (org_id, number),
			UNIQUE (note),
			FOREIGN KEY (org_id) REFERENCES orgs (id),
			CHECK (number > 0)
		)`, []string{"create table billing.invoices (org_id int4!, number int4!, note varchar) pk[invoices_pk](org_id,number) unique[](note)"}},
		{"CREATE TABLE `t` (`id` int)", []string{"create table t (id int4)"}},
		{"CREATE TABLE t2 (LIKE t INCLUDING ALL, extra int)", []string{"create table t2 (extra int4) +more"}},
		{"CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1)", []string{"create table p1 () +more"}},
		{"CREATE MATERIALIZED VIEW mv AS SELECT a FROM t", []string{"create table mv () as query"}},
		{"CREATE INDEX ON orders (user_id, created_at DESC)", []string{"create index  on orders using btree (user_id, created_at)"}},
		{"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email ON public.users (LOWER( email ))", []string{"create unique index users_email on public.users using btree (lower(email):lower(email))"}},
		{"CREATE INDEX i ON t USING gin (tags)", []string{"create index i on t using gin (tags)"}},
		{"CREATE INDEX i ON t ((a || b), (c))", []string{"create index i on t using btree (a || b, c)"}},
		{"CREATE INDEX i ON t ((created_at::date))", []string{"create index i on t using btree (created_at::date:date(created_at))"}},
		{"CREATE INDEX i ON t (org_id) WHERE deleted_at IS NULL AND status = 'active'",
			[]string{`create index i on t using btree (org_id) where deleted_at IS NULL AND status = 'active' ["t.deleted_at IS NULL const " "t.status = const active"] simple=true`}},
		{"CREATE INDEX i ON t (org_id) WHERE a = 1 OR b = 2",
			[]string{`create index i on t using btree (org_id) where a = 1 OR b = 2 ["t.a = const 1" "t.b = const 2"] simple=false`}},
		{"ALTER TABLE t ADD COLUMN a int UNIQUE, DROP COLUMN IF EXISTS b, ALTER COLUMN c TYPE bigint",
			[]string{"add column t.a int4 unique[](a)", "drop column t.b", "alter column t.c type int8"}},
		{"ALTER TABLE t ADD CONSTRAINT t_pk PRIMARY KEY (id), ADD UNIQUE (a, b), ADD FOREIGN KEY (x) REFERENCES u (id)",
			[]string{"add constraint t pk[t_pk](id)", "add constraint t unique[](a,b)"}},
		{"ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE USING INDEX t_a_idx", []string{"add constraint t unique[t_a_key] using t_a_idx"}},
		{"ALTER TABLE s.t DROP CONSTRAINT t_pkey", []string{"drop constraint s.t t_pkey"}},
		{"ALTER TABLE t RENAME TO u", []string{"rename table t to u"}},
		{"ALTER TABLE t RENAME COLUMN a TO b", []string{"rename column t.a to b"}},
		{"ALTER TABLE t RENAME a TO b", []string{"rename column t.a to b"}},
		{"ALTER INDEX s.i RENAME TO j", []string{"rename index s.i to j"}},
		{"ALTER TABLE t RENAME CONSTRAINT t_pkey TO t_pk", []string{"rename constraint t t_pkey to t_pk"}},
		{"DROP TABLE IF EXISTS a, s.b CASCADE", []string{"drop table a", "drop table s.b"}},
		{"DROP INDEX CONCURRENTLY IF EXISTS i", []string{"drop index i"}},
		{"SET search_path TO app, public", []string{"search_path [app public]"}},
		{"INSERT INTO t VALUES (1); GRANT SELECT ON t TO x; BEGIN; COMMIT", nil},
	}
	for _, tt := range tests {
		t.Run(tt.sql, func(t *testing.T) {
			t.Parallel()
			ddls, errs := ParseDDL(tt.sql)
			if errs != nil {
				t.Fatalf("errors: %v", errs)
			}
			var got []string
			for _, d := range ddls {
				got = append(got, ddlString(d))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseDDL(%q)\n got %q\nwant %q", tt.sql, got, tt.want)
			}
		})
	}
}

// A broken statement is an error at its place, and the others still count.
func TestParseDDLBroken(t *testing.T) {
	t.Parallel()
	text := "CREATE TABLE a (id int);\n\n-- oops\nCREATE TABLE b (id int,,);\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\nCREATE INDEX ON a (id)"
	ddls, errs := ParseDDL(text)
	var got []string
	for _, d := range ddls {
		got = append(got, fmt.Sprintf("%d:%s", d.At().Line, ddlString(d)))
	}
	want := []string{"1:create table a (id int4)", "6:create index  on a using btree (id)"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if len(errs) != 1 || errs[0].Line != 4 || !strings.HasPrefix(text[errs[0].Offset:], ",);") {
		t.Fatalf("errors = %+v", errs)
	}
	if s := ddls[1].At(); !strings.HasPrefix(text[s.Offset:], "CREATE INDEX") {
		t.Errorf("offset %d points at %q", s.Offset, text[s.Offset:])
	}
}

func TestSplitStatements(t *testing.T) {
	t.Parallel()
	text := "SELECT ';'; -- ;\nSELECT $x$;$x$ /* ; */;;  \nSELECT \"a;b\""
	var got []string
	for _, p := range splitStatements(text) {
		got = append(got, strings.TrimSpace(text[p[0]:p[1]]))
	}
	want := []string{"SELECT ';'", "-- ;\nSELECT $x$;$x$ /* ; */", `SELECT "a;b"`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestSplit(t *testing.T) {
	t.Parallel()
	body := "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END"
	tests := []struct {
		name, text string
		want       []Piece
	}{
		{"parses", "-- head\nCREATE TABLE t (a int);\n\n/* c */ CREATE INDEX CONCURRENTLY i ON t (a);\n" + body + ";\n",
			[]Piece{{"CREATE TABLE t (a int)", 2}, {"CREATE INDEX CONCURRENTLY i ON t (a)", 4}, {body, 5}}},
		// A statement pg_query refuses: cut at the semicolons, the
		// others still come out whole, with their lines.
		{"broken", "CREATE TABLE t (a int);\nCREATE TABLEX u;\nSELECT ';'",
			[]Piece{{"CREATE TABLE t (a int)", 1}, {"CREATE TABLEX u", 2}, {"SELECT ';'", 3}}},
		{"empty", "-- nothing\n;;\n", nil},
	}
	for _, tt := range tests {
		if got := Split(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Split = %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func TestIndexInTx(t *testing.T) {
	t.Parallel()
	ci, sql, err := IndexInTx("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_customer_id ON billing.orders (customer_id, (lower(note))) WHERE status = 'open';", "sqlheat_1")
	if err != nil {
		t.Fatal(err)
	}
	want := "CREATE INDEX sqlheat_1 ON billing.orders USING btree (customer_id, lower(note)) WHERE status = 'open'"
	if sql != want {
		t.Errorf("IndexInTx = %q\nwant %q", sql, want)
	}
	if ci.Table.String() != "billing.orders" || len(ci.Keys) != 2 || ci.Keys[1].Func != "lower" || !ci.Concurrently {
		t.Errorf("IndexInTx model = %+v", ci)
	}
	for _, bad := range []string{"SELECT 1", "CREATE INDEX i ON t (a); DROP TABLE t", "CREATE INDEX ON"} {
		if _, _, err := IndexInTx(bad, "x"); err == nil {
			t.Errorf("IndexInTx(%q): no error", bad)
		}
	}
}

// SQLite's DDL is read as PostgreSQL would read it without the words only
// SQLite knows (AUTOINCREMENT, WITHOUT ROWID, STRICT), and its statements
// that change no schema (PRAGMA, INSERT OR IGNORE of seed rows) are
// skipped like PostgreSQL's. A statement broken in any dialect, or one
// whose first word is no statement's, is still an error.
func TestParseDDLSQLite(t *testing.T) {
	t.Parallel()
	text := `PRAGMA foreign_keys = OFF;
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  note TEXT DEFAULT 'autoincrement'
);
CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID;
CREATE TABLE s (id INTEGER PRIMARY KEY, x TEXT) STRICT, WITHOUT ROWID;
INSERT OR IGNORE INTO users (name) VALUES ('admin');
CREATE TABLE "autoincrement" (id int AUTOINCREMENT BY 1);
CREATE TABLE bad (id int,,);
CRATE TABLE typo (id int);
CREATE INDEX users_name ON users (name)`
	ddls, errs := ParseDDL(text)
	var got []string
	for _, d := range ddls {
		got = append(got, fmt.Sprintf("%d:%s", d.At().Line, ddlString(d)))
	}
	want := []string{
		"2:create table users (id int4!, name text!, note text) pk[](id) unique[](name)",
		"7:create table kv (k text!, v blob) pk[](k)",
		"8:create table s (id int4!, x text) pk[](id)",
		"13:create index users_name on users using btree (name)",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	var lines []int
	for _, e := range errs {
		lines = append(lines, e.Line)
	}
	// "autoincrement" quoted is a name, and AUTOINCREMENT BY no SQLite:
	// broken; so are the doubled comma and the typo.
	if want := []int{10, 11, 12}; !reflect.DeepEqual(lines, want) {
		t.Errorf("errors at lines %v, want %v: %+v", lines, want, errs)
	}
	if len(errs) > 0 && !strings.Contains(errs[0].Message, "AUTOINCREMENT") {
		t.Errorf("the error names the word PostgreSQL refused: %q", errs[0].Message)
	}
}

func TestWithoutSQLiteWords(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"CREATE TABLE t (id INTEGER PRIMARY KEY DESC ON CONFLICT ROLLBACK AUTOINCREMENT, n int)", "CREATE TABLE t (id INTEGER PRIMARY KEY DESC ON CONFLICT ROLLBACK              , n int)"},
		{"CREATE TEMP TABLE t (id int) STRICT", "CREATE TEMP TABLE t (id int)       "},
		// Not after PRIMARY KEY, not a table, or nothing to blank: no.
		{"CREATE TABLE t (id int AUTOINCREMENT)", ""},
		{"CREATE INDEX autoincrement ON t (a)", ""},
		{"CREATE TABLE t (id int PRIMARY KEY, autoincrement int)", ""},
		{"CREATE TABLE t (id int)", ""},
	} {
		got, ok := withoutSQLiteWords(tt.in)
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("withoutSQLiteWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
