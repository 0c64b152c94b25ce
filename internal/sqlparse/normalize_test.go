package sqlparse

import (
	"strings"
	"testing"
	"unsafe"
)

func TestNormalize(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		// Each dialect's rewrite.
		{"mysql ?", "SELECT a FROM t WHERE id = ? AND b > ?", "SELECT a FROM t WHERE id = $1 AND b > $2"},
		{"? without spaces", "SELECT a FROM t WHERE id=? AND b IN(?,?)", "SELECT a FROM t WHERE id=$1 AND b IN($2,$3)"},
		{"sqlite ?NNN", "SELECT a FROM t WHERE a = ?2 AND b = ?1 AND c = ?", "SELECT a FROM t WHERE a = $2 AND b = $1 AND c = $3"},
		{"sqlx :name", "INSERT INTO t (a, b) VALUES (:a, :b)", "INSERT INTO t (a, b) VALUES ($1, $2)"},
		{"same name same number", "SELECT a FROM t WHERE a = :x OR b = :y OR c = :x", "SELECT a FROM t WHERE a = $1 OR b = $2 OR c = $1"},
		{"sqlx dotted name", "UPDATE t SET a = :user.name WHERE id = :user.id", "UPDATE t SET a = $1 WHERE id = $2"},
		{"@name", "SELECT a FROM t WHERE id = @id AND org = @org", "SELECT a FROM t WHERE id = $1 AND org = $2"},
		{"@name glued to operator", "SELECT a FROM t WHERE id=@id", "SELECT a FROM t WHERE id=$1"},
		{"backquotes", "SELECT `order`, `a``b`, `x\"y` FROM `t`", `SELECT "order", "a` + "`" + `b", "x""y" FROM "t"`},
		{"? concatenated", "SELECT a FROM t WHERE name LIKE ?||'%'", "SELECT a FROM t WHERE name LIKE $1||'%'"},
		{"? glued to a word", "SELECT a FROM t LIMIT?", "SELECT a FROM t LIMIT $1"},

		// PostgreSQL text stays as it is.
		{"pg params", "SELECT a FROM t WHERE id = $1 AND b = $2", "SELECT a FROM t WHERE id = $1 AND b = $2"},
		{"casts", "SELECT a::text, b::int[] FROM t WHERE id = $1::bigint", "SELECT a::text, b::int[] FROM t WHERE id = $1::bigint"},
		{"array slice", "SELECT a[1:2], a[lo:hi] FROM t", "SELECT a[1:2], a[lo:hi] FROM t"},
		{"jsonb ? with $n", "SELECT a FROM t WHERE data ? $1 AND data ?| $2 AND data ?& $3", "SELECT a FROM t WHERE data ? $1 AND data ?| $2 AND data ?& $3"},
		{"jsonb ?| beside ?", "SELECT a FROM t WHERE data ?| array['a'] AND id = ?", "SELECT a FROM t WHERE data ?| array['a'] AND id = $1"},
		{"jsonb ?& beside ?", "SELECT a FROM t WHERE data ?& array['a'] AND id = ?", "SELECT a FROM t WHERE data ?& array['a'] AND id = $1"},
		{"jsonb ? before literal", "SELECT a FROM t WHERE data ? 'k' AND id = ?", "SELECT a FROM t WHERE data ? 'k' AND id = $1"},
		{"jsonpath @?", "SELECT a FROM t WHERE data @? '$.a' AND id = ?", "SELECT a FROM t WHERE data @? '$.a' AND id = $1"},
		{"containment", "SELECT a FROM t WHERE tags @> $1 AND tags <@ $2 AND d @@ q", "SELECT a FROM t WHERE tags @> $1 AND tags <@ $2 AND d @@ q"},
		{"containment glued", "SELECT a FROM t WHERE tags<@arr", "SELECT a FROM t WHERE tags<@arr"},
		{"named after $n", "SELECT a FROM t WHERE a = $1 AND b = @b", "SELECT a FROM t WHERE a = $1 AND b = $2"},
		{"dollar in identifier", "SELECT a$b FROM t WHERE x = ?", "SELECT a$b FROM t WHERE x = $1"},

		// Nothing inside strings, identifiers or comments is rewritten.
		{"string", "SELECT 'a ? :b @c `d`' FROM t WHERE x = ?", "SELECT 'a ? :b @c `d`' FROM t WHERE x = $1"},
		{"string with ''", "SELECT 'it''s ?' FROM t WHERE x = ?", "SELECT 'it''s ?' FROM t WHERE x = $1"},
		{"E string", `SELECT E'a\' ?' FROM t WHERE x = ?`, `SELECT E'a\' ?' FROM t WHERE x = $1`},
		{"plain string backslash", `SELECT 'a\' FROM t WHERE x = ?`, `SELECT 'a\' FROM t WHERE x = $1`},
		{"dollar quote", "SELECT $$ ? :a $$, $fn$ @b ' $fn$ FROM t WHERE x = ?", "SELECT $$ ? :a $$, $fn$ @b ' $fn$ FROM t WHERE x = $1"},
		{"quoted identifier", `SELECT "a?b", "c""?" FROM t WHERE x = ?`, `SELECT "a?b", "c""?" FROM t WHERE x = $1`},
		{"line comment", "SELECT a -- why? :x @y\nFROM t WHERE x = ?", "SELECT a -- why? :x @y\nFROM t WHERE x = $1"},
		{"block comment", "SELECT a /* ? /* nested ? */ :x */ FROM t WHERE x = ?", "SELECT a /* ? /* nested ? */ :x */ FROM t WHERE x = $1"},
		{"unterminated string", "SELECT a FROM t WHERE x = ? AND y = 'abc ?", "SELECT a FROM t WHERE x = $1 AND y = 'abc ?"},
		{"unterminated backquote", "SELECT `a ?", "SELECT `a ?"},

		{"empty", "", ""},
		{"nothing to do", "SELECT 1", "SELECT 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Normalize(tt.in)
			if got != tt.want {
				t.Errorf("Normalize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if again := Normalize(got); again != got {
				t.Errorf("Normalize is not idempotent on %q: %q", got, again)
			}
		})
	}
}

// The rewritten text must parse; the point of Normalize is to feed the
// PostgreSQL parser.
func TestNormalizeParses(t *testing.T) {
	t.Parallel()
	for _, q := range []string{
		"SELECT a FROM t WHERE id = ? AND b IN (?, ?)",
		"SELECT `a` FROM `t` WHERE `b` = :b",
		"SELECT a FROM t WHERE id = @id",
		"SELECT a FROM t WHERE data ? 'k' AND id = ?",
		"SELECT a FROM t WHERE name LIKE ?||'%'",
		"SELECT a FROM t LIMIT?",
	} {
		if _, err := Parse(q); err != nil {
			t.Errorf("Parse(%q) = %v (normalized: %q)", q, err, Normalize(q))
		}
	}
}

// Unchanged text is returned as is, not copied.
func TestNormalizeUnchangedIsSame(t *testing.T) {
	t.Parallel()
	in := "SELECT a FROM t WHERE data ? $1"
	if got := Normalize(in); unsafe.StringData(got) != unsafe.StringData(in) {
		t.Fatalf("Normalize(%q) = %q", in, got)
	}
}

// FuzzNormalize checks the properties every caller relies on:
//   - it never panics;
//   - it is idempotent: normalized text normalizes to itself;
//   - it keeps every line: a line number in the output is one in the input;
//   - text with none of the characters it rewrites comes back unchanged;
//   - when it changes text, it only rewrites placeholders and backquotes:
//     taking them away from both sides leaves equal texts.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"SELECT a FROM t WHERE id = ?",
		"SELECT a FROM t WHERE id = :id AND x = @x",
		"SELECT `a` FROM `t`",
		"SELECT $1::int, 'it''s ?', E'\\' ?', $$ ? $$ -- ?\n/* ? */",
		"SELECT a FROM t WHERE data ?| array['a'] AND b ? 'k'",
		"SELECT a[lo:hi] FROM t WHERE d @@ q AND t <@ u",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Normalize(in)
		if again := Normalize(out); again != out {
			t.Fatalf("not idempotent:\n in  %q\n out %q\n out2 %q", in, out, again)
		}
		if strings.Count(in, "\n") != strings.Count(out, "\n") {
			t.Fatalf("lines changed: %q -> %q", in, out)
		}
		if !strings.ContainsAny(in, "?:@`") && out != in {
			t.Fatalf("changed text with nothing to rewrite: %q -> %q", in, out)
		}
		strip := func(s string) string {
			return strings.Map(func(r rune) rune {
				if strings.ContainsRune("?:@`\"$ 0123456789", r) {
					return -1
				}
				return r
			}, s)
		}
		// Names of :name and @name parameters vanish; compare what is
		// left once every name character of the input is ignored too.
		if out != in {
			si, so := strip(in), strip(out)
			if !isSubsequence(so, si) {
				t.Fatalf("rewrote more than placeholders: %q -> %q", in, out)
			}
		}
	})
}

// isSubsequence reports whether every byte of sub appears in s, in order.
func isSubsequence(sub, s string) bool {
	i := 0
	for j := 0; j < len(s) && i < len(sub); j++ {
		if s[j] == sub[i] {
			i++
		}
	}
	return i == len(sub)
}

func TestRenumberParams(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"UPDATE t SET a = $2, b = $3 WHERE id = $1", "UPDATE t SET a = $1, b = $2 WHERE id = $3"},
		{"SELECT $2 WHERE a = $2 OR b = $1", "SELECT $1 WHERE a = $1 OR b = $2"}, // a repeated number stays one
		// Not placeholders: a string, a quoted name, a comment, a
		// dollar quote, an identifier.
		{"UPDATE t SET a = '$1', \"$1\" = $2 -- $1\nWHERE x$1 = $$ $1 $$ AND id = $3", "UPDATE t SET a = '$1', \"$1\" = $1 -- $1\nWHERE x$1 = $$ $1 $$ AND id = $2"},
		{"SELECT 1", "SELECT 1"},
	} {
		if got := RenumberParams(c.in); got != c.want {
			t.Errorf("RenumberParams(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
