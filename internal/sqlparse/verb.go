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
		switch word {
		case "SELECT", "WITH", "VALUES", "SHOW", "TABLE", "EXPLAIN", "DESCRIBE", "DESC":
			return KindRead, word
		case "INSERT", "UPDATE", "DELETE", "REPLACE", "UPSERT", "MERGE", "COPY", "LOAD":
			return KindWrite, word
		case "CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "COMMENT", "GRANT", "REVOKE":
			return KindDDL, word
		case "PRAGMA", "SET", "RESET", "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "SAVEPOINT",
			"RELEASE", "USE", "LOCK", "UNLOCK", "LISTEN", "UNLISTEN", "NOTIFY", "VACUUM", "ANALYZE",
			"REINDEX", "CALL", "DO", "DECLARE", "FETCH", "CLOSE", "DISCARD", "CHECKPOINT",
			"PREPARE", "EXECUTE", "DEALLOCATE", "ATTACH", "DETACH":
			return KindOther, word
		}
		return KindUnknown, word // a typo or an unknown dialect's verb
	}
	return KindUnknown, ""
}
