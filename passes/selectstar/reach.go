package selectstar

import (
	"strings"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// reachesOutput reports whether the columns a star fetches reach the rows
// the statement returns, so that "fetches every column" is what the code
// gets.
//
// A star in the statement's own select list (outside any parentheses)
// always does. A star inside a CTE or a FROM subquery does only when the
// statement hands that result on whole: `SELECT * FROM cte`, `rm.*` where
// rm is the CTE, `RETURNING messages.*`. Otherwise the outer query picks
// its columns, or only locks, counts, joins or tests the rows — the idiom
//
//	WITH locked AS (SELECT * FROM jobs WHERE ... FOR UPDATE SKIP LOCKED)
//	UPDATE jobs SET status = 'running' FROM locked WHERE jobs.id = locked.id
//
// which sqlc users write freely, since sqlc expands the star — and naming
// the columns changes nothing the code sees. A star nested deeper is
// judged by the CTE or subquery of the statement that holds it.
//
// This reads the statement's text, not its tree: the parse tree sqlparse
// gives has no notion of which CTE a star is in. What it cannot place (a
// star in a scalar subquery, a CTE with a column list) counts as not
// reaching the output.
func reachesOutput(st *sqlparse.Statement, star sqlparse.Star) bool {
	if star.Location < 0 || star.Location >= len(st.SQL) {
		return true
	}
	toks := tokenize(st.SQL)
	at := -1
	for i, t := range toks {
		if t.pos >= star.Location {
			at = i
			break
		}
	}
	if at < 0 || toks[at].depth == 0 {
		return true // the statement's own select list
	}
	// The parenthesized group of the statement that holds the star.
	open := at
	for open >= 0 && !(toks[open].text == "(" && toks[open].depth == 0) {
		open--
	}
	closer := at
	for closer < len(toks) && !(toks[closer].text == ")" && toks[closer].depth == 0) {
		closer++
	}
	if open < 0 {
		return true
	}
	if setOp(toks, open-1) || setOp(toks, closer+1) {
		return true // (SELECT * FROM a) UNION (...): an arm of the result
	}
	container := groupName(toks, open, closer)
	if container == "" {
		return false // a scalar subquery, IN (...), EXISTS (...)
	}
	for i, t := range toks {
		if t.text != "*" || t.depth != 0 || !targetStar(toks, i) {
			continue
		}
		if i > 1 && toks[i-1].text == "." {
			q := toks[i-2].text
			if sameName(q, container) || sameName(aliased(toks, q), container) {
				return true // cte.*, or alias.* of the CTE
			}
			continue
		}
		// A bare star returns every FROM item of its own SELECT.
		for j := i + 1; j < len(toks) && !setOp(toks, j) && toks[j].text != ";"; j++ {
			if toks[j].depth == 0 && sameName(toks[j].text, container) {
				return true
			}
		}
	}
	return false
}

// tok is a token of a statement's text, with the parenthesis depth it
// stands at (a parenthesis at the depth outside it).
type tok struct {
	text  string
	pos   int
	depth int
}

// tokenize splits SQL text into words (identifiers, keywords, numbers,
// $n), quoted identifiers (with their quotes), and single punctuation
// bytes, skipping blanks, strings, dollar quotes and comments.
func tokenize(s string) []tok {
	var out []tok
	depth := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isBlank(c):
			i++
		case c == '-' && strings.HasPrefix(s[i:], "--"):
			i = after(s, i+2, "\n")
		case c == '/' && strings.HasPrefix(s[i:], "/*"):
			i = after(s, i+2, "*/")
		case c == '\'':
			i = after(s, i+1, "'")
		case c == '"':
			end := after(s, i+1, `"`)
			out = append(out, tok{s[i:end], i, depth})
			i = end
		case c == '$' && i+1 < len(s) && !isDigit(s[i+1]):
			if j := strings.IndexByte(s[i+1:], '$'); j >= 0 && isWord(s[i+1:i+1+j]) {
				tag := s[i : i+2+j]
				i = after(s, i+len(tag), tag)
				continue
			}
			i++
		case isWordByte(c) || c == '$':
			j := i + 1
			for j < len(s) && isWordByte(s[j]) {
				j++
			}
			out = append(out, tok{s[i:j], i, depth})
			i = j
		default:
			if c == ')' {
				depth--
			}
			out = append(out, tok{s[i : i+1], i, depth})
			if c == '(' {
				depth++
			}
			i++
		}
	}
	return out
}

// after returns the offset just after the next end at or after from, or
// the end of s.
func after(s string, from int, end string) int {
	if from >= len(s) {
		return len(s)
	}
	if j := strings.Index(s[from:], end); j >= 0 {
		return from + j + len(end)
	}
	return len(s)
}

// groupName names the CTE or FROM subquery that the depth-0 group
// toks[open:closer+1] is: `name AS [NOT] [MATERIALIZED] (...)`, or
// `(...) [AS] alias`; "" for anything else.
func groupName(toks []tok, open, closer int) string {
	i := open - 1
	for i >= 0 && (upper(toks[i].text) == "MATERIALIZED" || upper(toks[i].text) == "NOT") {
		i--
	}
	if i >= 1 && upper(toks[i].text) == "AS" && isName(toks[i-1].text) {
		return toks[i-1].text // WITH name AS (...)
	}
	j := closer + 1
	if j < len(toks) && upper(toks[j].text) == "AS" {
		j++
	}
	if j < len(toks) && isName(toks[j].text) {
		return toks[j].text // FROM (...) alias
	}
	return ""
}

// aliased returns what the alias q stands for in the statement's own
// clauses (`runs r`, `"RateLimit" AS rl`), or q when it is no alias.
func aliased(toks []tok, q string) string {
	for i, t := range toks {
		if t.depth != 0 || !sameName(t.text, q) || i == 0 {
			continue
		}
		j := i - 1
		if upper(toks[j].text) == "AS" {
			j--
		}
		if j >= 0 && toks[j].depth == 0 && isName(toks[j].text) {
			return toks[j].text
		}
	}
	return q
}

// targetStar reports whether the '*' token at i stands for columns
// (SELECT *, t.*, a, *, RETURNING *) rather than for a multiplication.
func targetStar(toks []tok, i int) bool {
	if i == 0 {
		return false
	}
	switch p := toks[i-1].text; {
	case p == "." || p == ",":
		return true
	default:
		switch upper(p) {
		case "SELECT", "DISTINCT", "ALL", "RETURNING":
			return true
		}
	}
	return false
}

// setOp reports whether toks[i] is a set operation of the statement.
func setOp(toks []tok, i int) bool {
	if i < 0 || i >= len(toks) || toks[i].depth != 0 {
		return false
	}
	switch upper(toks[i].text) {
	case "UNION", "INTERSECT", "EXCEPT":
		return true
	}
	return false
}

// keywords that can follow a FROM item or a CTE's parenthesis, and so
// are never an alias.
var keywords = map[string]bool{
	"AS": true, "ON": true, "USING": true, "WHERE": true, "JOIN": true, "LEFT": true, "RIGHT": true,
	"INNER": true, "OUTER": true, "FULL": true, "CROSS": true, "NATURAL": true, "LATERAL": true,
	"GROUP": true, "ORDER": true, "HAVING": true, "LIMIT": true, "OFFSET": true, "FETCH": true,
	"FOR": true, "UNION": true, "INTERSECT": true, "EXCEPT": true, "WINDOW": true, "RETURNING": true,
	"SELECT": true, "INSERT": true, "UPDATE": true, "DELETE": true, "MERGE": true, "VALUES": true,
	"SET": true, "FROM": true, "WITH": true, "AND": true, "OR": true, "NOT": true, "IN": true,
	"IS": true, "NULL": true, "THEN": true, "WHEN": true, "ELSE": true, "END": true, "INTO": true,
	"DO": true, "CONFLICT": true, "MATERIALIZED": true, "RECURSIVE": true, "TABLESAMPLE": true,
}

// isName reports whether a token can name a CTE, a table or an alias.
func isName(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '"' {
		return len(s) > 2
	}
	return isWord(s) && !isDigit(s[0]) && !keywords[upper(s)]
}

// sameName compares identifiers as PostgreSQL does: unquoted ones
// case-insensitively, quoted ones exactly.
func sameName(a, b string) bool {
	return a != "" && unquote(a) == unquote(b)
}

func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return s[1 : len(s)-1]
	}
	return strings.ToLower(s)
}

func upper(s string) string { return strings.ToUpper(s) }

func isWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) {
			return false
		}
	}
	return s != ""
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isWordByte(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigit(c) || c >= 0x80
}
