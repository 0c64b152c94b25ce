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
