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

func TestLeading(t *testing.T) {
	t.Parallel()
	for head, want := range map[string]Kind{
		"CREATE TABLE IF NOT EXISTS":               KindDDL,
		"-- one partition\n drop table if exists ": KindDDL,
		"/* first */ TRUNCATE ":                    KindDDL,
		"COMMENT ON TABLE t IS '":                  KindDDL, // ends inside a string
		"ALTER TABLE \"":                           KindDDL, // ends inside a quoted name
		"ALTER TABLE `":                            KindDDL, // MySQL's quote
		"GRANT SELECT ON ":                         KindDDL,
		"REVOKE ALL ON ":                           KindDDL,
		"CREATE TABLE t AS SELECT * FROM ":         KindDDL,   // creates a table, as CREATE TABLE AS parses
		"SET search_path TO ":                      KindOther, // a session's setting
		"SET ROLE '":                               KindOther,
		"reset ":                                   KindOther,
		// Not told from a head: what a read or a write is matters to
		// the fix, which the part known at run time decides.
		"SELECT count(*) FROM ":        KindUnknown,
		"DELETE FROM ":                 KindUnknown,
		"WITH d AS (DELETE FROM ":      KindUnknown,
		"(CREATE":                      KindUnknown, // no statement starts so
		"":                             KindUnknown,
		"  ":                           KindUnknown,
		"'":                            KindUnknown,
		"create_partition":             KindUnknown, // a word, not the keyword
		"\"CREATE\" TABLE":             KindUnknown, // a quoted name
		"SELECT 1; CREATE TABLE t (a ": KindUnknown, // the first statement is not DDL
	} {
		if got := Leading(head); got != want {
			t.Errorf("Leading(%q) = %v, want %v", head, got, want)
		}
	}
}

func TestPragmas(t *testing.T) {
	for text, want := range map[string]bool{
		"PRAGMA foreign_keys = ON":                       true,
		"pragma journal_mode=WAL;":                       true,
		"PRAGMA foreign_keys=OFF; PRAGMA user_version=3": true,
		"-- settings\nPRAGMA wal_checkpoint(TRUNCATE)":   true,
		"PRAGMA foreign_keys=OFF; DROP TABLE items":      false,
		"SELECT 1":                           false,
		"":                                   false,
		"INSERT OR IGNORE INTO t VALUES (1)": false,
	} {
		if got := Pragmas(text); got != want {
			t.Errorf("Pragmas(%q) = %v, want %v", text, got, want)
		}
	}
}
