package sqlparse

import (
	"strconv"
	"strings"
)

// Normalize rewrites the placeholder and quoting syntax of MySQL, SQLite
// and named-parameter libraries (sqlx, database/sql's sql.Named) into
// PostgreSQL's, so that one parser serves every dialect:
//
//   - `?` placeholders become $1, $2, ... in order; SQLite's numbered `?NNN`
//     becomes $NNN, and a later bare `?` takes the largest number so far
//     plus one, as SQLite does;
//   - `:name` and `@name` become $n, the same name always getting the same n;
//   - backquoted identifiers `x` become "x".
//
// It is a small hand-written scanner, not a parser and never a regular
// expression: it only has to know where single-quoted strings (a doubled
// quote inside, backslash escapes after E), dollar-quoted strings,
// double-quoted identifiers and comments begin and end, since nothing
// inside them may be rewritten.
//
// What stays untouched, and why:
//
//   - text that already uses $n placeholders is PostgreSQL: its `?` are
//     jsonb/geometric operators and its numbers are kept. Named parameters
//     are still rewritten there (numbered after the largest $n), because
//     PostgreSQL would silently parse `@id` as the absolute-value operator
//     applied to a column.
//   - `::type` casts, `a[lo:hi]` slices, `@>` `<@` `@@` `@?` operators;
//   - `?|` and `?&` (but not `?||`, which is a placeholder followed by
//     concatenation, as SQLite users write `LIKE ?||'%'`), and a `?`
//     directly followed by a string literal (`data ? 'key'`): those are
//     jsonb operators, never a placeholder, since no dialect allows a
//     placeholder right before a literal.
//
// Plain '...' strings follow PostgreSQL's standard_conforming_strings:
// a backslash is an ordinary character there, so MySQL's 'it\'s' is not
// understood (such text does not parse as PostgreSQL anyway). Likewise
// "..." is an identifier, as in PostgreSQL and ANSI-mode MySQL.
//
// Normalize never adds or removes a newline, so a line number computed in
// its output is the line in its input. It returns text itself, unchanged,
// when nothing applies, and Normalize(Normalize(x)) == Normalize(x).
func Normalize(text string) string {
	toks, maxDollar := scanPlaceholders(text)
	if len(toks) == 0 {
		return text
	}
	pgText := maxDollar > 0

	var b strings.Builder
	b.Grow(len(text) + 2*len(toks))
	last := 0 // text[last:] is not written yet
	top := 0  // largest $n assigned so far (SQLite numbering)
	if pgText {
		top = maxDollar // named parameters continue after the author's own $n
	}
	names := map[string]int{}
	for _, t := range toks {
		var repl string
		switch t.kind {
		case tokQuestion:
			if pgText {
				continue // an operator in PostgreSQL text
			}
			top++
			repl = "$" + strconv.Itoa(top)
		case tokQuestionNum:
			if pgText {
				continue
			}
			n, err := strconv.Atoi(t.name)
			if err != nil || n <= 0 {
				continue // ?0 or an absurd number: leave it for the parser to refuse
			}
			if n > top {
				top = n
			}
			repl = "$" + strconv.Itoa(n) // ?007 is $7
		case tokNamed:
			n, ok := names[t.name]
			if !ok {
				top++
				n = top
				names[t.name] = n
			}
			repl = "$" + strconv.Itoa(n)
		case tokBackquote:
			repl = t.name
		}
		b.WriteString(text[last:t.start])
		// A $n glued to an identifier would become part of it ("x$1"),
		// so keep placeholders apart from their neighbours.
		if repl[0] == '$' && b.Len() > 0 && isIdentChar(lastByte(&b)) {
			b.WriteByte(' ')
		}
		b.WriteString(repl)
		if repl[0] == '$' && t.end < len(text) && isIdentChar(text[t.end]) {
			b.WriteByte(' ')
		}
		last = t.end
	}
	if last == 0 {
		return text // only operators were found
	}
	b.WriteString(text[last:])
	return b.String()
}

func lastByte(b *strings.Builder) byte {
	s := b.String() // no copy: String returns the builder's bytes
	return s[len(s)-1]
}

type tokKind int

const (
	tokQuestion    tokKind = iota // ?
	tokQuestionNum                // ?NNN; name holds NNN
	tokNamed                      // :name or @name; name holds the name with its sigil
	tokBackquote                  // `x`; name holds the replacement "x"
)

type token struct {
	kind       tokKind
	start, end int
	name       string
}

// scanPlaceholders finds the rewritable tokens of text, in order, outside
// strings, quoted identifiers and comments, and the largest $n it uses
// (0 when there is none).
func scanPlaceholders(text string) (toks []token, maxDollar int) {
	n := len(text)
	for i := 0; i < n; {
		if end, ok := skipLiteral(text, i); ok {
			i = end
			continue
		}
		c := text[i]
		switch {
		case c == '`':
			end := skipQuoted(text, i, '`')
			if end > n {
				return toks, maxDollar // unterminated: leave the rest alone
			}
			name := strings.ReplaceAll(text[i+1:end-1], "``", "`")
			name = `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
			toks = append(toks, token{kind: tokBackquote, start: i, end: end, name: name})
			i = end
		case c == '$':
			if i > 0 && isIdentChar(text[i-1]) {
				i++ // inside an identifier such as a$b
				continue
			}
			if j := digitsEnd(text, i+1); j > i+1 {
				v, err := strconv.Atoi(text[i+1 : j])
				if err != nil {
					v = 1 // out of range: still PostgreSQL text
				}
				maxDollar = max(maxDollar, v)
				i = j
				continue
			}
			if end, ok := skipDollarQuote(text, i); ok {
				i = end
				continue
			}
			i++
		case c == '?':
			if j := digitsEnd(text, i+1); j > i+1 {
				toks = append(toks, token{kind: tokQuestionNum, start: i, end: j, name: text[i+1 : j]})
				i = j
				continue
			}
			if !questionIsOperator(text, i) {
				toks = append(toks, token{kind: tokQuestion, start: i, end: i + 1})
			}
			i++
		case c == ':':
			if i+1 < n && text[i+1] == ':' {
				i += 2 // a ::cast
				continue
			}
			if i > 0 && (isIdentChar(text[i-1]) || text[i-1] == '[' || text[i-1] == ']') {
				i++ // an array slice a[lo:hi]
				continue
			}
			if j := nameEnd(text, i+1); j > i+1 {
				toks = append(toks, token{kind: tokNamed, start: i, end: j, name: text[i:j]})
				i = j
				continue
			}
			i++
		case c == '@':
			if i+1 < n && text[i+1] == '@' {
				i += 2 // @@ text search, or MySQL's @@system variables
				continue
			}
			if i > 0 && (isIdentChar(text[i-1]) || text[i-1] == '<') {
				i++ // <@ containment
				continue
			}
			if j := nameEnd(text, i+1); j > i+1 {
				toks = append(toks, token{kind: tokNamed, start: i, end: j, name: text[i:j]})
				i = j
				continue
			}
			i++
		default:
			i++
		}
	}
	return toks, maxDollar
}

// skipLiteral returns the index just after the string, quoted
// identifier or comment that starts at text[i], where nothing may be
// rewritten or recognized; false when none starts there.
func skipLiteral(text string, i int) (int, bool) {
	n := len(text)
	switch c := text[i]; {
	case c == '\'':
		return skipString(text, i, isEscapePrefix(text, i)), true
	case c == '"':
		return skipQuoted(text, i, '"'), true
	case c == '-' && i+1 < n && text[i+1] == '-':
		return skipLineComment(text, i), true
	case c == '/' && i+1 < n && text[i+1] == '*':
		return skipBlockComment(text, i), true
	}
	return i, false
}

// questionIsOperator reports whether the `?` at text[i] is one of
// PostgreSQL's jsonb or jsonpath operators rather than a placeholder.
func questionIsOperator(text string, i int) bool {
	if i > 0 && text[i-1] == '@' {
		return true // @? jsonpath exists
	}
	if i+1 < len(text) {
		switch text[i+1] {
		case '&':
			return true // ?& all keys exist
		case '|':
			// ?| is "any key exists"; ?|| is a placeholder then ||.
			return !(i+2 < len(text) && text[i+2] == '|')
		}
	}
	// `data ? 'key'`: a placeholder is never followed by a literal.
	j := i + 1
	for j < len(text) && isSpace(text[j]) {
		j++
	}
	if j < len(text) && text[j] == '\'' {
		return true
	}
	if j+1 < len(text) && (text[j] == 'E' || text[j] == 'e') && text[j+1] == '\'' {
		return true
	}
	return false
}

// isEscapePrefix reports whether the quote at text[i] opens an E'...'
// string, whose backslashes escape the next character.
func isEscapePrefix(text string, i int) bool {
	if i == 0 || (text[i-1] != 'E' && text[i-1] != 'e') {
		return false
	}
	return i == 1 || !isIdentChar(text[i-2])
}

// skipString returns the index just after the single-quoted string that
// starts at text[i] (len(text) when it never ends).
func skipString(text string, i int, backslash bool) int {
	for j := i + 1; j < len(text); j++ {
		switch text[j] {
		case '\\':
			if backslash {
				j++
			}
		case '\'':
			if j+1 < len(text) && text[j+1] == '\'' {
				j++ // '' is a quote inside the string
				continue
			}
			return j + 1
		}
	}
	return len(text)
}

// skipQuoted returns the index just after the identifier quoted with q
// that starts at text[i], where a doubled q stands for itself.
func skipQuoted(text string, i int, q byte) int {
	for j := i + 1; j < len(text); j++ {
		if text[j] == q {
			if j+1 < len(text) && text[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(text) + 1 // unterminated; callers compare with len(text)
}

func skipLineComment(text string, i int) int {
	if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(text)
}

// skipBlockComment skips a /* */ comment; they nest in PostgreSQL.
func skipBlockComment(text string, i int) int {
	depth := 0
	for j := i; j+1 < len(text); j++ {
		switch {
		case text[j] == '/' && text[j+1] == '*':
			depth++
			j++
		case text[j] == '*' && text[j+1] == '/':
			depth--
			j++
			if depth == 0 {
				return j + 1
			}
		}
	}
	return len(text)
}

// skipDollarQuote skips a $tag$...$tag$ string starting at text[i]. It
// reports false when text[i] does not open one (a lone $).
func skipDollarQuote(text string, i int) (int, bool) {
	j := i + 1
	if j < len(text) && isIdentStart(text[j]) {
		j++
		for j < len(text) && isIdentChar(text[j]) && text[j] != '$' {
			j++
		}
	}
	if j >= len(text) || text[j] != '$' {
		return 0, false
	}
	tag := text[i : j+1]
	if k := strings.Index(text[j+1:], tag); k >= 0 {
		return j + 1 + k + len(tag), true
	}
	return len(text), true
}

// skipSpaceAndComments returns the index of the first token at or after i.
func skipSpaceAndComments(text string, i int) int {
	for i < len(text) {
		switch {
		case isSpace(text[i]):
			i++
		case strings.HasPrefix(text[i:], "--"):
			i = skipLineComment(text, i)
		case strings.HasPrefix(text[i:], "/*"):
			i = skipBlockComment(text, i)
		default:
			return i
		}
	}
	return i
}

func digitsEnd(text string, i int) int {
	for i < len(text) && '0' <= text[i] && text[i] <= '9' {
		i++
	}
	return i
}

// nameEnd returns the end of a parameter name starting at text[i]: an
// identifier, with sqlx's dotted form (:user.id) allowed.
func nameEnd(text string, i int) int {
	if i >= len(text) || !isIdentStart(text[i]) {
		return i
	}
	j := i + 1
	for j < len(text) {
		c := text[j]
		switch {
		case isIdentChar(c) && c != '$':
			j++
		case c == '.' && j+1 < len(text) && isIdentStart(text[j+1]):
			j += 2
		default:
			return j
		}
	}
	return j
}

func isIdentStart(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}

// isIdentChar follows PostgreSQL, where $ may continue an identifier.
func isIdentChar(c byte) bool {
	return isIdentStart(c) || '0' <= c && c <= '9' || c == '$'
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// RenumberParams numbers the $n placeholders of one statement in the
// order they are written, $1 first, each number kept where it repeats:
// an ORM that writes the SET of an UPDATE before the conditions its
// chain gathered earlier sends the arguments in that written order.
// Strings, quoted identifiers, comments and dollar quotes are left
// alone.
func RenumberParams(text string) string {
	var b strings.Builder
	renamed := map[string]int{}
	last := 0
	for i := 0; i < len(text); {
		if end, ok := skipLiteral(text, i); ok {
			i = end
			continue
		}
		if text[i] != '$' {
			i++
			continue
		}
		if i > 0 && isIdentChar(text[i-1]) {
			i++ // inside an identifier such as a$b
			continue
		}
		j := digitsEnd(text, i+1)
		if j == i+1 {
			if end, ok := skipDollarQuote(text, i); ok {
				i = end
				continue
			}
			i++
			continue
		}
		old := text[i+1 : j]
		n, ok := renamed[old]
		if !ok {
			n = len(renamed) + 1
			renamed[old] = n
		}
		b.WriteString(text[last:i])
		b.WriteString("$" + strconv.Itoa(n))
		last, i = j, j
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}
