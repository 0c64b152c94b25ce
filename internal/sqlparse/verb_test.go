package sqlparse

import "testing"

func TestGuess(t *testing.T) {
	for _, c := range []struct {
		sql  string
		kind Kind
		verb string
	}{
		{"INSERT IGNORE INTO t (a) VALUES (?)", KindWrite, "INSERT"},
		{"INSERT OR REPLACE INTO t (a) VALUES (?)", KindWrite, "INSERT"},
		{"REPLACE INTO t (a) VALUES (?)", KindWrite, "REPLACE"},
		{"PRAGMA foreign_keys = ON", KindOther, "PRAGMA"},
		{"-- refresh\nSELECT a FROM t LIMIT ?, ?", KindRead, "SELECT"},
		{"(SELECT 1) UNION (SELECT 2)", KindRead, "SELECT"},
		{"create table if not exists t (a int) engine=innodb", KindDDL, "CREATE"},
		{"", KindUnknown, ""},
	} {
		kind, verb := Guess(c.sql)
		if kind != c.kind || verb != c.verb {
			t.Errorf("Guess(%q) = %v, %q; want %v, %q", c.sql, kind, verb, c.kind, c.verb)
		}
	}
}

func TestStartsLikeSQL(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		"SELECT 1":                               true,
		"  select id from t":                     true,
		"-- name: GetUser :one\nSELECT":          true,
		"/* hint */ (SELECT 1) UNION (SELECT 2)": true,
		"INSERT OR IGNORE INTO t":                true,
		"users":                                  false,
		"Selection":                              false,
		"select_all":                             false,
		"":                                       false,
		"hello, world":                           false,
	} {
		if got := StartsLikeSQL(text); got != want {
			t.Errorf("StartsLikeSQL(%q) = %v", text, got)
		}
	}
}
