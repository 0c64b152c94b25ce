package sqlparse

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// one parses q, which must hold exactly one statement.
func one(t *testing.T, q string) *Statement {
	t.Helper()
	stmts, err := Parse(q)
	if err != nil {
		t.Fatalf("Parse(%q): %v", q, err)
	}
	if len(stmts) != 1 {
		t.Fatalf("Parse(%q): %d statements, want 1", q, len(stmts))
	}
	return stmts[0]
}

// The helpers below print findings compactly, so that the tables read
// like the SQL they test.

func tablesOf(st *Statement) []string {
	var out []string
	for _, tr := range st.Tables {
		s := qualified(tr.Schema, tr.Name)
		if tr.Alias != "" {
			s += " " + tr.Alias
		}
		out = append(out, s)
	}
	return out
}

func starsOf(st *Statement) []string {
	var out []string
	for _, s := range st.Stars {
		q := "*"
		if s.Qualifier != "" {
			q = s.Qualifier + ".*"
		}
		out = append(out, q+":"+strings.Join(s.Tables, ","))
	}
	return out
}

func col(c ColumnRef) string {
	if c.Table == "" {
		return "?." + c.Column
	}
	return c.Table + "." + c.Column
}

func filtersOf(st *Statement) []string {
	var out []string
	for _, f := range st.Filters {
		c := col(f.Column)
		if f.Func != "" {
			c = f.Func + "(" + c + ")"
		}
		s := c + " " + f.Op + " " + f.Value
		if f.Pattern != "" {
			s += " '" + f.Pattern + "'"
		}
		out = append(out, s)
	}
	return out
}

func orderOf(st *Statement) []string {
	var out []string
	for _, c := range st.OrderBy {
		out = append(out, col(c))
	}
	return out
}

func check(t *testing.T, what, q string, got, want []string) {
	t.Helper()
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s of %q\n got %q\nwant %q", what, q, got, want)
	}
}

func TestKind(t *testing.T) {
	t.Parallel()
	tests := []struct {
		sql  string
		kind Kind
		cmd  string
	}{
		{"SELECT 1", KindRead, "SELECT"},
		{"VALUES (1), (2)", KindRead, "SELECT"},
		{"SELECT a FROM t UNION ALL SELECT a FROM u", KindRead, "SELECT"},
		{"WITH x AS (SELECT 1) SELECT * FROM x", KindRead, "SELECT"},
		{"WITH d AS (DELETE FROM t RETURNING id) SELECT count(*) FROM d", KindWrite, "SELECT"},
		{"WITH x AS (SELECT id FROM t) UPDATE u SET a = 1 FROM x WHERE u.id = x.id", KindWrite, "UPDATE"},
		{"INSERT INTO t (a) VALUES (1)", KindWrite, "INSERT"},
		{"UPDATE t SET a = 1", KindWrite, "UPDATE"},
		{"DELETE FROM t", KindWrite, "DELETE"},
		{"MERGE INTO t USING u ON t.id = u.id WHEN MATCHED THEN UPDATE SET a = u.a", KindWrite, "MERGE"},
		{"COPY t FROM STDIN", KindWrite, "COPY"},
		{"EXPLAIN SELECT * FROM t", KindRead, "EXPLAIN"},
		{"EXPLAIN DELETE FROM t", KindRead, "EXPLAIN"},
		{"EXPLAIN ANALYZE DELETE FROM t", KindWrite, "EXPLAIN"},
		{"SHOW search_path", KindRead, "SHOW"},
		{"CREATE TABLE t (id int)", KindDDL, "CREATE TABLE"},
		{"CREATE TABLE t2 AS SELECT * FROM t", KindDDL, "CREATE TABLE"},
		{"CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)", KindDDL, "CREATE INDEX"},
		{"ALTER TABLE t ADD COLUMN b int", KindDDL, "ALTER TABLE"},
		{"ALTER TABLE t RENAME COLUMN a TO b", KindDDL, "ALTER TABLE"},
		{"ALTER INDEX i RENAME TO j", KindDDL, "ALTER INDEX"},
		{"DROP TABLE t", KindDDL, "DROP TABLE"},
		{"DROP INDEX IF EXISTS i", KindDDL, "DROP INDEX"},
		{"TRUNCATE t", KindDDL, "TRUNCATE"},
		{"COMMENT ON TABLE t IS 'x'", KindDDL, "COMMENT"},
		{"GRANT SELECT ON t TO bob", KindDDL, "GRANT"},
		{"REVOKE SELECT ON t FROM bob", KindDDL, "REVOKE"},
		{"CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql", KindDDL, "CREATE FUNCTION"},
		{"CREATE VIEW v AS SELECT * FROM t", KindDDL, "CREATE VIEW"},
		{"CREATE MATERIALIZED VIEW v AS SELECT a FROM t", KindDDL, "CREATE MATERIALIZED VIEW"},
		{"REFRESH MATERIALIZED VIEW v", KindWrite, "REFRESH MATERIALIZED VIEW"},
		{"BEGIN", KindOther, "BEGIN"},
		{"COMMIT", KindOther, "COMMIT"},
		{"ROLLBACK", KindOther, "ROLLBACK"},
		{"SET search_path TO app", KindOther, "SET"},
		{"LOCK TABLE t IN ACCESS EXCLUSIVE MODE", KindOther, "LOCK"},
		{"LISTEN ch", KindOther, "LISTEN"},
		{"NOTIFY ch", KindOther, "NOTIFY"},
		{"VACUUM t", KindOther, "VACUUM"},
	}
	for _, tt := range tests {
		t.Run(tt.sql, func(t *testing.T) {
			t.Parallel()
			st := one(t, tt.sql)
			if st.Kind != tt.kind || st.Command != tt.cmd {
				t.Errorf("%q: kind %v command %q, want %v %q", tt.sql, st.Kind, st.Command, tt.kind, tt.cmd)
			}
		})
	}
}

func TestTables(t *testing.T) {
	t.Parallel()
	tests := []struct {
		sql  string
		want []string
	}{
		{"SELECT a FROM t", []string{"t"}},
		{"SELECT a FROM public.orders o", []string{"public.orders o"}},
		{`SELECT a FROM "Users" AS u`, []string{"Users u"}},
		{"SELECT a FROM t JOIN u ON t.id = u.tid LEFT JOIN v USING (id)", []string{"t", "u", "v"}},
		{"SELECT a FROM t, LATERAL (SELECT b FROM u WHERE u.x = t.x) s", []string{"t", "u"}},
		{"SELECT (SELECT max(b) FROM u) FROM t", []string{"u", "t"}},
		{"SELECT a FROM t WHERE id IN (SELECT tid FROM u) AND EXISTS (SELECT 1 FROM v)", []string{"t", "u", "v"}},
		{"SELECT a FROM t UNION SELECT a FROM u", []string{"t", "u"}},
		// CTE names are not tables; their bodies' tables are.
		{"WITH x AS (SELECT a FROM t) SELECT a FROM x", []string{"t"}},
		{"WITH users AS (SELECT * FROM users WHERE active) SELECT * FROM users", []string{"users"}},
		{"WITH RECURSIVE r AS (SELECT id FROM nodes UNION ALL SELECT n.id FROM nodes n JOIN r ON n.parent = r.id) SELECT id FROM r", []string{"nodes", "nodes n"}},
		{"SELECT x FROM generate_series(1, 3) AS x", nil},
		{"SELECT a FROM (SELECT a FROM t) s", []string{"t"}},
		{"INSERT INTO t (a) VALUES (1)", []string{"t"}},
		{"INSERT INTO t (a) SELECT a FROM u WHERE b = 1", []string{"t", "u"}},
		{"INSERT INTO t AS x (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = excluded.a", []string{"t x"}},
		{"UPDATE t SET a = u.a FROM u WHERE t.id = u.id", []string{"t", "u"}},
		{"UPDATE t SET a = (SELECT max(a) FROM v) FROM u WHERE t.id = u.id", []string{"t", "v", "u"}},
		{"DELETE FROM t USING u WHERE t.id = u.id", []string{"t", "u"}},
		{"MERGE INTO t USING u ON t.id = u.id WHEN MATCHED THEN DELETE", []string{"t", "u"}},
		{"SELECT a FROM t TABLESAMPLE SYSTEM (10)", []string{"t"}},
		{"CREATE INDEX i ON s.t (a)", []string{"s.t"}},
		{"COPY t TO STDOUT", []string{"t"}},
		{"EXPLAIN SELECT a FROM t", []string{"t"}},
	}
	for _, tt := range tests {
		t.Run(tt.sql, func(t *testing.T) {
			t.Parallel()
			check(t, "tables", tt.sql, tablesOf(one(t, tt.sql)), tt.want)
		})
	}
}

func TestStars(t *testing.T) {
	t.Parallel()
	tests := []struct {
		sql  string
		want []string
	}{
		{"SELECT * FROM users", []string{"*:users"}},
		{"SELECT u.* FROM users u JOIN orders o ON o.uid = u.id", []string{"u.*:users"}},
		{"SELECT * FROM users u JOIN orders o ON o.uid = u.id", []string{"*:users,orders"}},
		{"SELECT public.users.* FROM public.users", []string{"public.users.*:public.users"}},
		{"SELECT id FROM t WHERE id IN (SELECT * FROM u)", []string{"*:u"}},
		{"SELECT * FROM t UNION ALL SELECT * FROM u", []string{"*:t", "*:u"}},
		{"WITH x AS (SELECT * FROM t) SELECT id FROM x", []string{"*:t"}},
		{"SELECT s.id FROM (SELECT * FROM t) s", []string{"*:t"}},
		{"INSERT INTO t SELECT * FROM u", []string{"*:u"}},
		// A bare * over a CTE and a real table still fetches the real
		// table's every column.
		{"WITH x AS (SELECT id FROM t) SELECT * FROM x JOIN u ON u.id = x.id", []string{"*:u"}},
		{"SELECT * FROM (SELECT id FROM t) s JOIN u ON u.id = s.id", []string{"*:u"}},

		// Silent: none of these fetches all the columns of a table.
		{"SELECT count(*) FROM t", nil},
		{"SELECT COUNT(*) OVER () FROM t", nil},
		{"SELECT id, count(*) OVER (PARTITION BY a) FROM t", nil},
		{"INSERT INTO t (a) VALUES (1) RETURNING *", nil},
		{"UPDATE t SET a = 1 RETURNING *", nil},
		{"DELETE FROM t RETURNING *", nil},
		{"SELECT id FROM t WHERE EXISTS (SELECT * FROM u WHERE u.tid = t.id)", nil},
		{"SELECT id FROM t WHERE NOT EXISTS (SELECT * FROM u WHERE u.tid = t.id)", nil},
		{"SELECT * FROM generate_series(1, 3)", nil},
		{"SELECT * FROM unnest($1::int[]) AS x(id)", nil},
		{"WITH x AS (SELECT id FROM t) SELECT * FROM x", nil},
		{"WITH x AS (SELECT id FROM t) SELECT x.* FROM x JOIN u ON u.id = x.id", nil},
		{"SELECT * FROM (SELECT id FROM t) s", nil},
		{"SELECT s.* FROM (SELECT id FROM t) s JOIN u ON u.id = s.id", nil},
		{"SELECT row_to_json(t.*) FROM t", nil},
		{"EXPLAIN SELECT * FROM t", nil},
		{"CREATE VIEW v AS SELECT * FROM t", nil},
	}
	for _, tt := range tests {
		t.Run(tt.sql, func(t *testing.T) {
			t.Parallel()
			check(t, "stars", tt.sql, starsOf(one(t, tt.sql)), tt.want)
		})
	}
}

func TestStarLocation(t *testing.T) {
	t.Parallel()
	q := "  -- list\n  SELECT id, u.* FROM users u"
	st := one(t, q)
	if st.SQL != "SELECT id, u.* FROM users u" {
		t.Fatalf("SQL = %q", st.SQL)
	}
	if len(st.Stars) != 1 || st.SQL[st.Stars[0].Location:][:3] != "u.*" {
		t.Fatalf("stars = %+v", st.Stars)
	}
	if loc := st.Tables[0].Location; st.SQL[loc:loc+5] != "users" {
		t.Fatalf("table location %d", loc)
	}
}

func TestFilters(t *testing.T) {
	t.Parallel()
	tests := []struct {
		sql  string
		want []string
	}{
		{"SELECT a FROM t WHERE id = $1", []string{"t.id = param"}},
		{"SELECT a FROM t WHERE $1 = id", []string{"t.id = param"}},
		{"SELECT a FROM t WHERE 10 < n", []string{"t.n > const"}},
		{"SELECT a FROM t WHERE a <> 1 AND b != 'x' AND c >= $1 AND d < now()", []string{"t.a <> const", "t.b <> const", "t.c >= param", "t.d < expr"}},
		{"SELECT a FROM t WHERE (a = 1 OR (b = 2 AND (c = 3)))", []string{"t.a = const", "t.b = const", "t.c = const"}},
		{"SELECT a FROM t WHERE NOT (a = 1) AND NOT b IN (1, 2)", []string{"t.a <> const", "t.b NOT IN const"}},
		{"SELECT a FROM t WHERE id IN ($1, $2) AND k NOT IN (1, 2) AND m IN (1, $1)", []string{"t.id IN param", "t.k NOT IN const", "t.m IN param"}},
		{"SELECT a FROM t WHERE id IN (SELECT tid FROM u WHERE u.x = 1)", []string{"t.id IN subquery", "u.x = const"}},
		{"SELECT a FROM t WHERE id NOT IN (SELECT tid FROM u)", []string{"t.id NOT IN subquery"}},
		{"SELECT a FROM t WHERE id = ANY($1)", []string{"t.id ANY param"}},
		{"SELECT a FROM t WHERE id = ANY($1::bigint[])", []string{"t.id ANY param"}},
		{"SELECT a FROM t WHERE id = ANY(ARRAY[1, 2])", []string{"t.id ANY const"}},
		{"SELECT a FROM t WHERE id <> ALL($1)", []string{"t.id <> ALL param"}},
		{"SELECT a FROM t WHERE id = (SELECT max(tid) FROM u)", []string{"t.id = subquery"}},
		{"SELECT a FROM t WHERE created_at BETWEEN $1 AND $2", []string{"t.created_at BETWEEN param"}},
		{"SELECT a FROM t WHERE n NOT BETWEEN 1 AND 2", []string{"t.n NOT BETWEEN const"}},
		{"SELECT a FROM t WHERE name LIKE 'ab%' AND mail ILIKE $1 AND x NOT LIKE '%z'", []string{"t.name LIKE const 'ab%'", "t.mail ILIKE param", "t.x NOT LIKE const '%z'"}},
		{`SELECT a FROM t WHERE name LIKE '%a\_%' ESCAPE '\'`, []string{`t.name LIKE const '%a\_%'`}},
		{"SELECT a FROM t WHERE deleted_at IS NULL AND b IS NOT NULL", []string{"t.deleted_at IS NULL const", "t.b IS NOT NULL const"}},
		{"SELECT a FROM t WHERE NOT (deleted_at IS NULL)", []string{"t.deleted_at IS NOT NULL const"}},
		{"SELECT a FROM t WHERE active AND NOT archived", []string{"t.active = const", "t.archived <> const"}},
		{"SELECT a FROM t WHERE flag IS TRUE", []string{"t.flag IS TRUE const"}},
		{"SELECT a FROM t WHERE a IS DISTINCT FROM $1", []string{"t.a IS DISTINCT FROM param"}},
		{"SELECT a FROM t WHERE lower(email) = lower($1)", []string{"lower(t.email) = param"}},
		{"SELECT a FROM t WHERE date_trunc('day', created_at) = $1", []string{"date_trunc(t.created_at) = param"}},
		{"SELECT a FROM t WHERE created_at::date = $1", []string{"date(t.created_at) = param"}},
		{"SELECT a FROM t WHERE tags @> $1 AND doc @@ to_tsquery($2)", []string{"t.tags @> param", "t.doc @@ param"}},
		{"SELECT a FROM t WHERE (org_id, id) = ($1, $2)", []string{"t.org_id = param", "t.id = param"}},
		{"SELECT a FROM t WHERE (id, at) IN (SELECT unnest($1::bigint[]), unnest($2::timestamptz[])) AND k = $3", []string{"t.id IN subquery", "t.at IN subquery", "t.k = param"}},
		{"SELECT a FROM t WHERE (id, at) IN (($1, $2), ($3, $4))", []string{"t.id IN param", "t.at IN param"}},
		{"SELECT a FROM t WHERE (id, at) = ANY($1)", []string{"t.id ANY param", "t.at ANY param"}},
		{"SELECT a FROM t WHERE (created_at, id) < ($1, $2) ORDER BY created_at, id LIMIT 20", []string{"t.created_at < param", "t.id < param"}},
		{"SELECT a FROM t WHERE a + b > 3", nil},
		{"SELECT a FROM t WHERE $1 = ANY(tags)", nil},
		{"SELECT a FROM t WHERE coalesce(a, 0) = 1", nil},

		// Tables resolved through aliases, and left alone when ambiguous.
		{"SELECT a FROM users u WHERE u.id = $1", []string{"users.id = param"}},
		{"SELECT a FROM s.users u WHERE u.id = $1", []string{"s.users.id = param"}},
		{"SELECT a FROM users u JOIN orders o ON o.user_id = u.id WHERE status = $1", []string{"orders.user_id JOIN column", "users.id JOIN column", "?.status = param"}},
		{"SELECT a FROM users u JOIN orders o ON o.user_id = u.id AND o.kind = 'x'", []string{"orders.user_id JOIN column", "users.id JOIN column", "orders.kind = const"}},
		{"SELECT a FROM t1 JOIN t2 USING (id, org)", []string{"t1.id JOIN column", "t2.id JOIN column", "t1.org JOIN column", "t2.org JOIN column"}},
		{"SELECT a FROM t x JOIN t y ON x.parent = y.id", []string{"t.parent JOIN column", "t.id JOIN column"}},
		{"SELECT a FROM t WHERE a = b", []string{"t.a = column", "t.b = column"}},
		{"SELECT a FROM t WHERE a < b", []string{"t.a < column", "t.b > column"}},
		// Correlated subqueries see the outer query's names.
		{"SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.tid = t.id AND u.k = $1)", []string{"u.tid JOIN column", "t.id JOIN column", "u.k = param"}},
		{"SELECT a FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE tid = t.id)", []string{"u.tid JOIN column", "t.id JOIN column"}},
		{"WITH x AS (SELECT id FROM t WHERE k = $1) SELECT a FROM x WHERE x.id = 2", []string{"t.k = param", "?.id = const"}},
		{"UPDATE t SET a = 1 WHERE id = $1", []string{"t.id = param"}},
		{"UPDATE t SET a = u.a FROM u WHERE t.id = u.tid AND flag", []string{"t.id JOIN column", "u.tid JOIN column", "?.flag = const"}},
		{"DELETE FROM t WHERE created_at < $1", []string{"t.created_at < param"}},
		{"DELETE FROM t USING u WHERE t.uid = u.id AND u.gone", []string{"t.uid JOIN column", "u.id JOIN column", "u.gone = const"}},
		{"INSERT INTO t (a) SELECT a FROM u WHERE u.k = 1", []string{"u.k = const"}},
		{"SELECT a FROM t WHERE a = 1 UNION SELECT a FROM u WHERE b = 2", []string{"t.a = const", "u.b = const"}},
	}
	for _, tt := range tests {
		t.Run(tt.sql, func(t *testing.T) {
			t.Parallel()
			check(t, "filters", tt.sql, filtersOf(one(t, tt.sql)), tt.want)
		})
	}
}

func TestFilterLocation(t *testing.T) {
	t.Parallel()
	st := one(t, "SELECT a FROM t WHERE lower(email) = ?")
	f := st.Filters[0]
	if got := st.SQL[f.Column.Location:]; !strings.HasPrefix(got, "email") {
		t.Errorf("filter location points at %q", got)
	}
}

func TestOrderByLimit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		sql   string
		order []string
		limit bool
		count int
	}{
		{"SELECT a FROM t ORDER BY created_at DESC LIMIT 10", []string{"t.created_at"}, true, 10},
		{"SELECT a FROM t u ORDER BY u.a, b", []string{"t.a", "t.b"}, false, 0},
		{"SELECT a FROM t ORDER BY 1 FETCH FIRST 5 ROWS ONLY", nil, true, 5},
		{"SELECT a FROM t ORDER BY lower(a) LIMIT $1", nil, true, 0},
		{"SELECT a FROM t LIMIT ALL", nil, false, 0},
		{"SELECT created_at AS c FROM t ORDER BY c LIMIT 1", []string{"t.created_at"}, true, 1},
		{"SELECT a FROM t JOIN u ON u.id = t.uid ORDER BY u.n, a LIMIT 3", []string{"u.n", "?.a"}, true, 3},
		{"WITH x AS (SELECT a FROM t ORDER BY a LIMIT 1) SELECT a FROM x", nil, false, 0},
		{"SELECT a FROM t UNION SELECT a FROM u ORDER BY a LIMIT 5", []string{"?.a"}, true, 5},
		{"SELECT a FROM t WHERE id IN (SELECT id FROM u ORDER BY n LIMIT 1)", nil, false, 0},
		{"SELECT id FROM jobs WHERE NOT done LIMIT 10 FOR UPDATE SKIP LOCKED", nil, true, 10},
		{"DELETE FROM t WHERE id = 1", nil, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.sql, func(t *testing.T) {
			t.Parallel()
			st := one(t, tt.sql)
			check(t, "order by", tt.sql, orderOf(st), tt.order)
			if st.Limit != tt.limit || st.LimitCount != tt.count {
				t.Errorf("%q: Limit = %v, LimitCount = %d; want %v, %d", tt.sql, st.Limit, st.LimitCount, tt.limit, tt.count)
			}
		})
	}
}

func TestMultiStatement(t *testing.T) {
	t.Parallel()
	q := "-- migration 3\nCREATE TABLE t (id int);\n\n/* seed */ INSERT INTO t VALUES (1);\nSELECT * FROM t WHERE id = 1"
	stmts, err := Parse(q)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range stmts {
		got = append(got, fmt.Sprintf("%s|%s|%s", s.Kind, s.Command, s.SQL))
	}
	want := []string{
		"ddl|CREATE TABLE|CREATE TABLE t (id int)",
		"write|INSERT|INSERT INTO t VALUES (1)",
		"read|SELECT|SELECT * FROM t WHERE id = 1",
	}
	check(t, "statements", q, got, want)
	// Locations are relative to each statement's own text.
	last := stmts[2]
	if loc := last.Tables[0].Location; last.SQL[loc:loc+1] != "t" {
		t.Errorf("location %d in %q", loc, last.SQL)
	}
	// Each statement has its own fingerprint, which is the one of its
	// text alone.
	fp, err := Fingerprint("select * from t where id = 42")
	if err != nil || fp != last.Fingerprint {
		t.Errorf("fingerprint %q, want %q (%v)", last.Fingerprint, fp, err)
	}
	whole, err := Fingerprint(q)
	if err != nil || whole == "" || whole == last.Fingerprint {
		t.Errorf("script fingerprint %q (%v)", whole, err)
	}
}

func TestEmpty(t *testing.T) {
	t.Parallel()
	for _, q := range []string{"", "  \n\t", "-- nothing\n", "/* x */", ";"} {
		stmts, err := Parse(q)
		if stmts != nil || err != nil {
			t.Errorf("Parse(%q) = %v, %v; want nil, nil", q, stmts, err)
		}
	}
}

func TestParseError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		sql        string
		offset     int
		line       int
		msgContain string
	}{
		{"SELECT a FRM t", 13, 1, `syntax error at or near "t"`},
		{"SELECT 1;\nSELEC 2", 10, 2, `syntax error at or near "SELEC"`},
		{"SELECT 'é' frm t", 16, 1, `"t"`}, // é is two bytes, one character
		{"SELECT a FROM t WHERE", 21, 1, "end of input"},
		{"SELECT a FROM t WHERE id = ? AND", 33, 1, "end of input"}, // offset in the normalized text
	}
	for _, tt := range tests {
		t.Run(tt.sql, func(t *testing.T) {
			t.Parallel()
			_, err := Parse(tt.sql)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) error = %v, want *ParseError", tt.sql, err)
			}
			if pe.Offset != tt.offset || pe.Line != tt.line || !strings.Contains(pe.Message, tt.msgContain) {
				t.Errorf("Parse(%q) = %+v, want offset %d line %d message with %q", tt.sql, pe, tt.offset, tt.line, tt.msgContain)
			}
			if _, ferr := Fingerprint(tt.sql); ferr != err {
				t.Errorf("Fingerprint error %v, want the cached %v", ferr, err)
			}
		})
	}
}

func TestCache(t *testing.T) {
	t.Parallel()
	q := "SELECT id FROM cache_test WHERE id = ?"
	var wg sync.WaitGroup
	results := make([][]*Statement, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], _ = Parse(q)
		}()
	}
	wg.Wait()
	for _, r := range results {
		if len(r) != 1 || r[0] != results[0][0] {
			t.Fatalf("cache returned different statements: %p %p", r, results[0])
		}
	}
	fp, err := Fingerprint(q)
	if err != nil || fp != results[0][0].Fingerprint {
		t.Errorf("Fingerprint = %q, %v", fp, err)
	}
}

func TestFingerprintIgnoresConstants(t *testing.T) {
	t.Parallel()
	a, err1 := Fingerprint("SELECT a FROM t WHERE id = 1")
	b, err2 := Fingerprint("select a  from t where id = ? -- mysql")
	c, err3 := Fingerprint("SELECT a FROM t WHERE name = 1")
	if err1 != nil || err2 != nil || err3 != nil {
		t.Fatal(err1, err2, err3)
	}
	if a != b || a == c {
		t.Errorf("fingerprints %s %s %s", a, b, c)
	}
}

var benchSQL = `SELECT u.id, u.email, o.total FROM users u
JOIN orders o ON o.user_id = u.id
WHERE u.org_id = $1 AND o.created_at > $2 AND o.status IN ('paid', 'shipped')
ORDER BY o.created_at DESC LIMIT 50`

func BenchmarkParseCached(b *testing.B) {
	if _, err := Parse(benchSQL); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			Parse(benchSQL)
		}
	})
}

func BenchmarkParseUncached(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := parse(benchSQL); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzParse checks that no text makes Parse or ParseDDL panic, and that
// errors point inside the normalized text.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"WITH x AS (SELECT * FROM orders o WHERE o.user_id = ?) SELECT u.*, x.* FROM users u JOIN x ON x.user_id = u.id WHERE lower(u.email) = lower(?) AND u.id IN (SELECT user_id FROM bans) AND NOT EXISTS (SELECT * FROM t WHERE t.uid = u.id) ORDER BY u.created_at DESC LIMIT 10",
		"UPDATE t SET a = (SELECT max(a) FROM v) FROM u WHERE t.id = u.id AND NOT (b BETWEEN 1 AND 2) RETURNING *",
		"INSERT INTO t AS x (a) SELECT * FROM u ON CONFLICT (a) DO UPDATE SET a = excluded.a WHERE x.b IS NOT NULL",
		"CREATE TABLE t (id int PRIMARY KEY, a text UNIQUE); CREATE INDEX ON t (lower(a)) WHERE id > 0 OR a LIKE 'x%'",
		"ALTER TABLE t ADD COLUMN b int, DROP CONSTRAINT c, RENAME COLUMN a TO b; DROP INDEX i",
		"MERGE INTO t USING u ON t.id = u.id WHEN MATCHED AND u.x = 1 THEN DELETE",
		"INSERT OR IGNORE INTO t (a) VALUES (?); REPLACE INTO u (b) VALUES (?); INSERT IGNORE INTO `v` (c) VALUES (?)",
		"UPDATE t SET a = (SELECT b FROM u ORDER BY b LIMIT 1) WHERE id = ? ORDER BY id LIMIT 1; DELETE FROM v LIMIT 2",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		_, _, err := parse(in)
		if err != nil {
			pe, ok := err.(*ParseError)
			if !ok {
				t.Fatalf("error %T %v", err, err)
			}
			if pe.Offset > len(Normalize(in)) {
				t.Fatalf("offset %d beyond the text (%d bytes)", pe.Offset, len(Normalize(in)))
			}
		}
		_, errs := ParseDDL(in)
		for _, e := range errs {
			if e.Offset > len(Normalize(in)) {
				t.Fatalf("DDL offset %d beyond the text", e.Offset)
			}
		}
	})
}

// What missingindex needs beyond the filters themselves: which FROM item
// each column is (a self join reads one table twice), the other side of a
// join, the comparisons under an OR, the expression a function makes.
func TestFilterStructure(t *testing.T) {
	t.Parallel()
	show := func(st *Statement) []string {
		var out []string
		for _, f := range st.Filters {
			s := fmt.Sprintf("%s#%d %s", col(f.Column), f.Column.Item, f.Op)
			if f.Peer.Column != "" {
				s += fmt.Sprintf(" %s#%d", col(f.Peer), f.Peer.Item)
			}
			if f.Expr != "" {
				s += " expr=" + f.Expr
			}
			if f.Optional {
				s += " optional"
			}
			if f.Column.Ambiguous {
				s += " ambiguous"
			}
			if f.Column.Outer {
				s += " outer"
			}
			out = append(out, s)
		}
		return out
	}
	tests := []struct {
		sql  string
		want []string
	}{
		{"SELECT 1 FROM t x JOIN t y ON x.parent = y.id WHERE y.id = $1", []string{"t.parent#1 JOIN t.id#2", "t.id#2 JOIN t.parent#1", "t.id#2 ="}},
		{"SELECT 1 FROM a JOIN b USING (k)", []string{"a.k#1 JOIN b.k#2", "b.k#2 JOIN a.k#1"}},
		{"SELECT 1 FROM t WHERE a = $1 AND (b = $2 OR c = $3)", []string{"t.a#1 =", "t.b#1 = optional", "t.c#1 = optional"}},
		{"SELECT 1 FROM t WHERE NOT (a = $1 AND b = $2)", []string{"t.a#1 <> optional", "t.b#1 <> optional"}},
		{"SELECT 1 FROM t WHERE NOT (a = $1 OR b = $2)", []string{"t.a#1 <>", "t.b#1 <>"}},
		// A subquery narrows its own scan, whatever OR it sits in.
		{"SELECT 1 FROM t WHERE a = 1 OR id IN (SELECT tid FROM u WHERE u.k = $1)", []string{"t.a#1 = optional", "t.id#1 IN optional", "u.k#2 ="}},
		{"SELECT 1 FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.tid = t.id)", []string{"u.tid#2 JOIN t.id#1", "t.id#1 JOIN u.tid#2 outer"}},
		{"SELECT 1 FROM t u JOIN v ON v.id = u.vid WHERE k = $1", []string{"v.id#2 JOIN t.vid#1", "t.vid#1 JOIN v.id#2", "?.k#0 = ambiguous"}},
		{"SELECT 1 FROM users u WHERE lower(u.email) = $1 AND u.at::date = $2", []string{"users.email#1 = expr=lower(email)", "users.at#1 = expr=at::date"}},
		{"UPDATE t SET a = 1 FROM u WHERE u.id = t.uid", []string{"u.id#2 JOIN t.uid#1", "t.uid#1 JOIN u.id#2"}},
	}
	for _, tt := range tests {
		t.Run(tt.sql, func(t *testing.T) {
			t.Parallel()
			check(t, "filters", tt.sql, show(one(t, tt.sql)), tt.want)
		})
	}
	// LIKE patterns built from parameters keep their constant parts.
	for q, want := range map[string]string{
		"SELECT 1 FROM t WHERE a LIKE '%' || $1 || '%'": "%?%",
		"SELECT 1 FROM t WHERE a ILIKE concat($1, '%')": "?%",
		"SELECT 1 FROM t WHERE a LIKE $1":               "",
		"SELECT 1 FROM t WHERE a LIKE b || '%'":         "",
	} {
		if got := one(t, q).Filters[0].Pattern; got != want {
			t.Errorf("pattern of %q = %q, want %q", q, got, want)
		}
	}
	// Offset places each statement in the text.
	text := "SET x = 1; -- then\n  SELECT * FROM t"
	stmts, err := Parse(text)
	if err != nil || len(stmts) != 2 {
		t.Fatalf("Parse: %v, %d", err, len(stmts))
	}
	if st := stmts[1]; text[st.Offset+st.Stars[0].Location] != '*' || text[st.Offset:st.Offset+6] != "SELECT" {
		t.Errorf("statement 2 at offset %d", st.Offset)
	}
}

func TestQuoteIdent(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"email": "email", "created_at": "created_at", "a1$": "a1$",
		"user": `"user"`, "order": `"order"`, "Kind": `"Kind"`, "1st": `"1st"`,
		`we"ird`: `"we""ird"`, "": `""`, "left": `"left"`,
	} {
		if got := QuoteIdent(in); got != want {
			t.Errorf("QuoteIdent(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestFilterParams checks which parameters a filter says are compared
// with its column directly, and that parameters inside expressions are
// left out (their type is not the column's).
func TestFilterParams(t *testing.T) {
	t.Parallel()
	tests := []struct {
		sql  string
		want string
	}{
		{"SELECT a FROM t WHERE id = $2", "id [2]"},
		{"SELECT a FROM t WHERE $3 < id", "id [3]"},
		{"SELECT a FROM t WHERE ($1 IS NULL OR status = $1)", "status [1]"},
		{"SELECT a FROM t WHERE id IN ($1, $2)", "id [1 2]"},
		{"SELECT a FROM t WHERE at BETWEEN $1 AND $2", "at [1 2]"},
		{"SELECT a FROM t WHERE id = ANY($1)", "id [1]"},
		{"SELECT a FROM t WHERE id IN (1, $2)", "id []"},
		{"SELECT a FROM t WHERE id = ANY($1::bigint[])", "id []"},
		{"SELECT a FROM t WHERE name = lower($1)", "name []"},
		{"SELECT a FROM t WHERE name LIKE $1 || '%'", "name []"},
	}
	for _, tt := range tests {
		st := one(t, tt.sql)
		var got []string
		for _, f := range st.Filters {
			got = append(got, fmt.Sprintf("%s %v", f.Column.Column, f.Params))
		}
		if strings.Join(got, "; ") != tt.want {
			t.Errorf("%s: params %q, want %q", tt.sql, got, tt.want)
		}
	}
}

// Many tells a statement that handles a list of items per execution from
// one that handles one item, which a loop around it multiplies.
func TestManyAndParams(t *testing.T) {
	t.Parallel()
	tests := []struct {
		sql    string
		many   bool
		params int
	}{
		{"SELECT a FROM t WHERE id = $1", false, 1},
		{"SELECT a FROM t WHERE id = ANY($1)", true, 1},
		{"SELECT a FROM t WHERE id = ANY($2::bigint[]) AND org = $1", true, 2},
		{"SELECT a FROM t WHERE id IN (?)", true, 1}, // sqlx.In, gorm and bun expand a slice there
		{"SELECT a FROM t WHERE id IN ($1, $2)", false, 2},
		{"SELECT a FROM t WHERE id IN (SELECT value FROM json_each(?))", true, 1},
		{"SELECT a FROM t WHERE id IN (1, 2, 3)", false, 0},
		{"INSERT INTO t (a, b) VALUES ($1, $2)", false, 2},
		{"INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)", true, 4},
		{"INSERT INTO t (a, b) SELECT * FROM unnest($1::int[], $2::text[])", true, 2},
		{"UPDATE t SET b = v.b FROM unnest($1::int[], $2::text[]) AS v(a, b) WHERE t.a = v.a", true, 2},
		{"UPDATE t SET b = 'x' WHERE a = $1", false, 1},
		{"DELETE FROM t WHERE a = ANY($1)", true, 1},
		{"DELETE FROM t WHERE a = ANY(ARRAY[1, 2])", false, 0},
		{"COPY t (a, b) FROM STDIN", true, 0},
		{"COPY t TO STDOUT", false, 0},
		{"SELECT unnest(tags) FROM t WHERE id = $1", false, 1},
	}
	for _, tt := range tests {
		st := one(t, tt.sql)
		if st.Many != tt.many || st.Params != tt.params {
			t.Errorf("%q: Many, Params = %v, %d; want %v, %d", tt.sql, st.Many, st.Params, tt.many, tt.params)
		}
	}
}

// SQLite's INSERT OR IGNORE and MySQL's INSERT IGNORE and REPLACE INTO
// parse as the INSERT they are, MySQL's UPDATE ... LIMIT n as the
// UPDATE; the same words elsewhere do not.
func TestPlainInserts(t *testing.T) {
	for text, table := range map[string]string{
		"INSERT OR IGNORE INTO blocks (hash, idx) VALUES (?, ?)":                                                           "blocks",
		"insert or replace into files (name) values ($1)":                                                                  "files",
		"INSERT IGNORE INTO `tags` (`name`) VALUES (?)":                                                                    "tags",
		"REPLACE INTO settings (k, v) VALUES (?, ?)":                                                                       "settings",
		"-- upsert\nINSERT OR ROLLBACK INTO t (a) VALUES (1); SELECT 1":                                                    "t",
		"INSERT OR IGNORE INTO a (x) VALUES (1);\nREPLACE INTO b (y) VALUES (2)":                                           "a",
		"INSERT INTO hours (hour, availability) VALUES (?, ?) ON DUPLICATE KEY UPDATE availability = VALUES(availability)": "hours",
		"INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = a + 1; SELECT 1":                                         "t",
		"UPDATE registrations SET status = ? WHERE id = ? AND status = ? LIMIT 1":                                          "registrations",
		"DELETE FROM nonces WHERE expires < ? ORDER BY expires LIMIT 100; SELECT 1":                                        "nonces",
		"UPDATE t SET a = (SELECT b FROM u ORDER BY b LIMIT 1) WHERE id = ? LIMIT 1":                                       "t",
	} {
		stmts, err := Parse(text)
		if err != nil {
			t.Errorf("Parse(%q): %v", text, err)
			continue
		}
		if stmts[0].Kind != KindWrite || len(stmts[0].Tables) == 0 || stmts[0].Tables[0].Name != table {
			t.Errorf("Parse(%q) = %v %v, want a write of %s", text, stmts[0].Kind, stmts[0].Tables, table)
		}
	}
	for _, text := range []string{
		"SELECT REPLACE INTO",
		"INSERT OR WHATEVER INTO t (a) VALUES (1)",
		"UPDATE OR IGNORE t SET a = 1",                     // not rewritten: only INSERT's
		"UPDATE t SET a = 1 ON DUPLICATE KEY UPDATE b = 2", // only an INSERT's
		"SELECT a FROM t LIMIT 1 LIMIT 2",                  // a SELECT's own LIMIT is PostgreSQL's
	} {
		if _, err := Parse(text); err == nil {
			t.Errorf("Parse(%q) parsed; want the parser's error", text)
		}
	}
}
