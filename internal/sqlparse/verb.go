package sqlparse

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// Guess classifies text the parser refused (MySQL's INSERT IGNORE, SQLite's
// PRAGMA or INSERT OR REPLACE, a fragment) by its first word, read with the
// PostgreSQL lexer rather than by pattern: a write in a loop must not be
// ranked as a read just because its dialect is not PostgreSQL's.
func Guess(text string) (Kind, string) {
	res, err := pg_query.Scan(Normalize(text))
	if err != nil || res == nil {
		return KindUnknown, ""
	}
	src := Normalize(text)
	for _, tok := range res.GetTokens() {
		if tok.GetToken() == pg_query.Token_SQL_COMMENT || tok.GetToken() == pg_query.Token_C_COMMENT {
			continue
		}
		if tok.GetToken() == '(' {
			continue // (SELECT ...) UNION ...
		}
		start, end := int(tok.GetStart()), int(tok.GetEnd())
		if start < 0 || end > len(src) || start >= end {
			return KindUnknown, ""
		}
		word := strings.ToUpper(src[start:end])
		if k, ok := verbs[word]; ok {
			return k, word
		}
		return KindUnknown, word // a typo or an unknown dialect's verb
	}
	return KindUnknown, ""
}

// Leading is the kind of a statement known only in part, from head, the
// constant text it starts with ("CREATE TABLE " + name + " PARTITION OF
// ..."): DDL when head's first token, read with the PostgreSQL lexer, is
// a keyword only a schema change starts with (CREATE, ALTER, DROP,
// COMMENT, GRANT, REVOKE, TRUNCATE), KindUnknown otherwise. A CREATE ...
// AS SELECT is DDL, as the parser classes it: it creates a table. A head
// starting with SELECT, INSERT, UPDATE or DELETE is not told apart: the
// part only run time knows is most often a name (a table per item),
// where the fixes for a read or a write (a list of keys, rows of
// VALUES) do not apply. A head that ends inside a quoted string or name
// ("ALTER TABLE \"" + name + "\"") is read up to that quote. A head
// starting with SET or RESET is a session's setting (KindOther): no
// other statement starts so.
func Leading(head string) Kind {
	src := Normalize(head)
	res, err := pg_query.Scan(src)
	if err != nil {
		// Where the lexer stopped: an unterminated quote, whose end is
		// in the part known at run time.
		pe := newParseError(src, 0, src, err)
		if pe.Offset <= 0 {
			return KindUnknown
		}
		if res, err = pg_query.Scan(src[:pe.Offset]); err != nil {
			return KindUnknown
		}
	}
	for _, tok := range res.GetTokens() {
		switch tok.GetToken() {
		case pg_query.Token_SQL_COMMENT, pg_query.Token_C_COMMENT:
			continue
		case pg_query.Token_CREATE, pg_query.Token_ALTER, pg_query.Token_DROP, pg_query.Token_COMMENT,
			pg_query.Token_GRANT, pg_query.Token_REVOKE, pg_query.Token_TRUNCATE:
			return KindDDL
		case pg_query.Token_SET, pg_query.Token_RESET:
			return KindOther // a session's setting ("SET ROLE '" + role + "'"), whatever its value
		}
		return KindUnknown
	}
	return KindUnknown
}

// verbs are the words a statement starts with, in any dialect sqlheat
// reads, and the kind of statement each starts.
var verbs = func() map[string]Kind {
	m := map[string]Kind{}
	for k, words := range map[Kind][]string{
		KindRead:  {"SELECT", "WITH", "VALUES", "SHOW", "TABLE", "EXPLAIN", "DESCRIBE", "DESC"},
		KindWrite: {"INSERT", "UPDATE", "DELETE", "REPLACE", "UPSERT", "MERGE", "COPY", "LOAD"},
		KindDDL:   {"CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "COMMENT", "GRANT", "REVOKE"},
		KindOther: {"PRAGMA", "SET", "RESET", "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "SAVEPOINT",
			"RELEASE", "USE", "LOCK", "UNLOCK", "LISTEN", "UNLISTEN", "NOTIFY", "VACUUM", "ANALYZE",
			"REINDEX", "CALL", "DO", "DECLARE", "FETCH", "CLOSE", "DISCARD", "CHECKPOINT",
			"PREPARE", "EXECUTE", "DEALLOCATE", "ATTACH", "DETACH"},
	} {
		for _, w := range words {
			m[w] = k
		}
	}
	return m
}()

// StartsLikeSQL reports whether the first word of text, after blanks,
// comments and opening parentheses, is one a statement starts with. It
// is a cheap test, in Go and without the parser, for callers that look
// at every string of a program (struct fields, variables) before asking
// Parse about the few that may be SQL; it decides nothing by itself.
func StartsLikeSQL(text string) bool {
	i := skipSpaceAndComments(text, 0)
	for i < len(text) && text[i] == '(' {
		i = skipSpaceAndComments(text, i+1)
	}
	j := i
	for j < len(text) && isIdentStart(text[j]) {
		j++
	}
	_, ok := verbs[strings.ToUpper(text[i:j])]
	return ok && (j == len(text) || !isIdentChar(text[j]))
}

// Pragmas reports whether every statement of text is SQLite's PRAGMA
// (PRAGMA foreign_keys = ON, PRAGMA journal_mode=WAL): settings of the
// connection or the file, which PostgreSQL's parser refuses and no check
// has anything to read in. They are no statement that failed to parse.
func Pragmas(text string) bool {
	pieces := Split(text)
	for _, p := range pieces {
		if _, word := Guess(p.SQL); word != "PRAGMA" {
			return false
		}
	}
	return len(pieces) > 0
}
