package sqlparse

import (
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
)

// Piece is one statement of a script, as written.
type Piece struct {
	SQL  string // the statement, without its semicolon, trimmed
	Line int    // 1-based line of its first word
}

// Split cuts a script, such as a migration file, into its statements as
// written, for running them one at a time: a migration tool runs a file
// in one transaction, but CREATE INDEX CONCURRENTLY may not run in one,
// and a statement that fails must be told apart from those that don't.
//
// The text is not normalized (it goes to PostgreSQL as the user wrote
// it). When it parses, the parser says where each statement ends, so a
// function body with semicolons stays whole; otherwise it is cut at each
// semicolon outside strings, quoted identifiers and comments.
func Split(text string) []Piece {
	var spans [][2]int
	if tree, err := pg.Parse(text); err == nil {
		for _, raw := range tree.Stmts {
			start := int(raw.StmtLocation)
			end := len(text)
			if raw.StmtLen > 0 {
				end = start + int(raw.StmtLen)
			}
			spans = append(spans, [2]int{start, end})
		}
	} else {
		spans = splitStatements(text)
	}
	var out []Piece
	for _, sp := range spans {
		start := skipSpaceAndComments(text, sp[0])
		if start >= sp[1] {
			continue
		}
		out = append(out, Piece{
			SQL:  strings.TrimSpace(text[start:sp[1]]),
			Line: 1 + strings.Count(text[:start], "\n"),
		})
	}
	return out
}
