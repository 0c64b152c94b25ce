package sqlparse

import "strings"

// Placeholder is one placeholder of an ORM's SQL fragment, as Bind
// finds it.
type Placeholder struct {
	// Index counts the plain `?` before this one: the fragment's
	// argument it takes, when Name is "".
	Index int
	// Name is what follows a named placeholder's sigil: "TableAlias" in
	// bun's ?TableAlias, "0" in ?0, "id" in gorm's @id.
	Name string
	// Before is the fragment's text before the placeholder, so that a
	// list can be written `IN (?)` or `IN ?` as the ORM does.
	Before string
	// Quoted marks dbx's quoting syntax, {{table}} or [[column]]: Name
	// is an identifier to quote, not a value.
	Quoted bool
}

// Bind returns an ORM's SQL fragment (a gorm Where string, a bun
// Where, ColumnExpr or Join) with each placeholder replaced by what fill
// returns for it. ORMs expand placeholders themselves, each in its own
// way — an identifier for bun.Ident, a list for a slice, a subquery for a
// gorm chain — so the caller decides the text; Bind only knows where
// placeholders are: `?`, `?name` and `?NNN` (bun), `@name` (gorm),
// `{:name}` (dbx) and dbx's quoted names `{{table}}` and `[[column]]`, never
// inside strings, quoted identifiers or comments, and never the jsonb
// `?|` `?&` operators.
func Bind(text string, fill func(Placeholder) string) string {
	var b strings.Builder
	n := len(text)
	last, index := 0, 0
	emit := func(start, end int, p Placeholder) {
		p.Before = text[:start]
		b.WriteString(text[last:start])
		b.WriteString(fill(p))
		last = end
	}
	for i := 0; i < n; {
		c := text[i]
		switch {
		case c == '\'':
			i = skipString(text, i, isEscapePrefix(text, i))
		case c == '"':
			i = skipQuoted(text, i, '"')
		case c == '-' && i+1 < n && text[i+1] == '-':
			i = skipLineComment(text, i)
		case c == '/' && i+1 < n && text[i+1] == '*':
			i = skipBlockComment(text, i)
		case c == '$':
			if end, ok := skipDollarQuote(text, i); ok {
				i = end
				continue
			}
			i++
		case c == '?':
			if j := digitsEnd(text, i+1); j > i+1 {
				emit(i, j, Placeholder{Index: -1, Name: text[i+1 : j]})
				i = j
				continue
			}
			if i+1 < n && isIdentStart(text[i+1]) {
				j := wordEnd(text, i+1)
				emit(i, j, Placeholder{Index: -1, Name: text[i+1 : j]})
				i = j
				continue
			}
			if questionIsOperator(text, i) {
				i++
				continue
			}
			emit(i, i+1, Placeholder{Index: index})
			index++
			i++
		case c == '{' && i+1 < n && (text[i+1] == ':' || text[i+1] == '{'),
			c == '[' && i+1 < n && text[i+1] == '[':
			// dbx: braces and double brackets are no PostgreSQL syntax
			// outside strings, which were skipped.
			closing := "}"
			if text[i+1] == '{' {
				closing = "}}"
			} else if c == '[' {
				closing = "]]"
			}
			j := strings.Index(text[i+2:], closing)
			if j <= 0 || !dottedName(text[i+2:i+2+j]) {
				i++ // ARRAY[[1,2],[3,4]] is PostgreSQL's
				continue
			}
			name := text[i+2 : i+2+j]
			emit(i, i+2+j+len(closing), Placeholder{Index: -1, Name: name, Quoted: closing != "}"})
			i += 2 + j + len(closing)
		case c == '@':
			if i+1 < n && text[i+1] == '@' || i > 0 && (isIdentChar(text[i-1]) || text[i-1] == '<') {
				i += 2
				continue
			}
			if j := wordEnd(text, i+1); j > i+1 && isIdentStart(text[i+1]) {
				emit(i, j, Placeholder{Index: -1, Name: text[i+1 : j]})
				i = j
				continue
			}
			i++
		default:
			i++
		}
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// dottedName reports whether s is a name, maybe qualified (t.id).
func dottedName(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isIdentChar(s[i]) && s[i] != '.' {
			return false
		}
	}
	return true
}

// wordEnd returns the end of the name starting at text[i]: letters,
// digits and _, so that bun's ?TableAlias.id keeps its ".id".
func wordEnd(text string, i int) int {
	for i < len(text) && isIdentChar(text[i]) && text[i] != '$' {
		i++
	}
	return i
}
