package sqlparse

import "strings"

// Programs keep some queries as templates: text with holes the program
// fills at run time, so the text as written never parses.
//
//	-- name: query-subscribers
//	-- raw: true
//	SELECT subscribers.* FROM subscribers WHERE status != 'blocklisted' %query% ORDER BY %order%
//
//	SELECT id, title FROM notes WHERE owner_id = $1 {{if .Tag}}AND tag = $2{{end}} {{.Order}}
//
// What surrounds the holes is still a statement worth checking: the
// subscribers.* above fetches every column whatever %query% becomes. So a
// text the parser refuses is parsed again with its holes filled: a value
// hole (%name%, {{.Field}}, a Sprintf verb) becomes TRUE, a neutral
// expression that parses wherever a condition, a sort key or a value
// stands; where that does not parse, SELECT (a whole statement, as in
// WITH subs AS (%query%)) or nothing (a hole that adds an optional
// clause) is tried instead. A template's control actions ({{if ...}},
// {{else}}, {{end}}) become blanks, which keeps every branch's text, as
// the Go resolver keeps every optional filter. Holes are recognized only
// outside strings, quoted identifiers and comments ('%done%' is a LIKE
// pattern). A hole standing for a table name leaves the text unparsed, as
// before.

// fillers are what a value hole is tried as, in order.
var fillers = []string{"TRUE", "SELECT", ""}

// maxCombined bounds the holes whose fillers are tried in every
// combination (3^n parses of a text the parser refused); beyond it every
// hole gets the same filler.
const maxCombined = 3

// ParseTemplate parses text as Parse does; when the parser refuses it and
// it holds holes, it parses the text with the holes filled instead, and
// returns how many it filled. The error is the unfilled text's when no
// filling parses either.
func ParseTemplate(text string) ([]*Statement, int, error) {
	stmts, err := Parse(text)
	if err == nil {
		return stmts, 0, nil
	}
	holes := scanHoles(text)
	if len(holes) == 0 {
		return nil, 0, err
	}
	values := 0
	for _, h := range holes {
		if !h.control {
			values++
		}
	}
	combos := 1
	if values <= maxCombined {
		for range values {
			combos *= len(fillers)
		}
	} else {
		combos = len(fillers)
	}
	for c := 0; c < combos; c++ {
		// Combination c gives hole i filler digit i of c in base
		// len(fillers): all TRUE first.
		choice := make([]string, values)
		for i := range choice {
			if values <= maxCombined {
				choice[i] = fillers[c/pow(len(fillers), i)%len(fillers)]
			} else {
				choice[i] = fillers[c]
			}
		}
		if fs, ferr := Parse(fill(text, holes, choice)); ferr == nil {
			return fs, len(holes), nil
		}
	}
	return nil, 0, err
}

func pow(b, e int) int {
	n := 1
	for range e {
		n *= b
	}
	return n
}

// IsHole reports whether s is exactly one template hole: what a program
// replaces at run time (strings.Replace(q, "%query%", cond, 1)).
func IsHole(s string) bool {
	holes := scanHoles(s)
	return len(holes) == 1 && holes[0].start == 0 && holes[0].end == len(s)
}

// IsPlaceholderList reports whether s is only bind placeholders, commas
// and parentheses, such as "($1)" or "?": the list a program widens at
// run time to one placeholder per value (strings.Replace(q, "($1)",
// variadic(len(ids)), 1)), which leaves the statement what it was.
func IsPlaceholderList(s string) bool {
	seen := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '$' || c == '?':
			j := digitsEnd(s, i+1)
			if c == '$' && j == i+1 {
				return false // a lone $
			}
			i = j - 1
			seen = true
		case c == '(' || c == ')' || c == ',' || isSpace(c):
		default:
			return false
		}
	}
	return seen
}

// hole is one template marker in a text.
type hole struct {
	start, end int
	control    bool // a text/template control action: {{if}}, {{end}}...
}

// fillHoles fills every value hole of text with TRUE (see fill).
func fillHoles(text string) (string, int) {
	holes := scanHoles(text)
	var choice []string
	for _, h := range holes {
		if !h.control {
			choice = append(choice, fillers[0])
		}
	}
	return fill(text, holes, choice), len(holes)
}

// fill replaces the holes of text: value hole i by choice[i] (padded
// with blanks to the hole's length when it is longer), control actions by
// blanks. Newlines are never added or removed, so lines stay the text's.
func fill(text string, holes []hole, choice []string) string {
	var b strings.Builder
	last, v := 0, 0
	for _, h := range holes {
		b.WriteString(text[last:h.start])
		keep := 0 // characters of the hole the filler stands for
		if !h.control {
			b.WriteString(choice[v])
			keep = len(choice[v])
			v++
		}
		for k, c := range []byte(text[h.start:h.end]) {
			switch {
			case c == '\n':
				b.WriteByte('\n')
			case k >= keep:
				b.WriteByte(' ')
			}
		}
		last = h.end
	}
	b.WriteString(text[last:])
	return b.String()
}

// scanHoles finds the holes of text, in order, outside strings, quoted
// identifiers and comments.
func scanHoles(text string) []hole {
	var out []hole
	n := len(text)
	for i := 0; i < n; {
		if end, ok := skipLiteral(text, i); ok {
			i = end
			continue
		}
		c := text[i]
		switch {
		case c == '$':
			if end, ok := skipDollarQuote(text, i); ok && (i == 0 || !isIdentChar(text[i-1])) {
				i = end
				continue
			}
			i++
		case c == '{' && strings.HasPrefix(text[i:], "{{"):
			j := strings.Index(text[i+2:], "}}")
			if j < 0 {
				return out
			}
			end := i + 2 + j + 2
			out = append(out, hole{start: i, end: end, control: controlAction(text[i+2 : end-2])})
			i = end
		case c == '%':
			if end := percentHole(text, i); end > i {
				out = append(out, hole{start: i, end: end})
				i = end
				continue
			}
			i++
		default:
			i++
		}
	}
	return out
}

// percentHole returns the end of a %name% marker or a Sprintf verb (%s,
// %d, %v, %q, %[1]s) starting at text[i], or i when there is none.
func percentHole(text string, i int) int {
	j := i + 1
	if j < len(text) && isIdentStart(text[j]) {
		k := j + 1
		for k < len(text) && (isIdentChar(text[k]) && text[k] != '$' || text[k] == '.') {
			k++
		}
		if k < len(text) && text[k] == '%' {
			return k + 1 // %query%
		}
	}
	if j < len(text) && text[j] == '[' {
		k := digitsEnd(text, j+1)
		if k == j+1 || k >= len(text) || text[k] != ']' {
			return i
		}
		j = k + 1
	}
	if j < len(text) && strings.IndexByte("sdvq", text[j]) >= 0 && (j+1 == len(text) || !isIdentChar(text[j+1])) {
		return j + 1
	}
	return i
}

// controlAction reports whether the inside of a {{...}} action is a
// control action or comment, which produces no text of its own.
func controlAction(action string) bool {
	a := strings.TrimSpace(strings.Trim(strings.TrimSpace(action), "-"))
	if strings.HasPrefix(a, "/*") {
		return true
	}
	word, _, _ := strings.Cut(a, " ")
	switch word {
	case "if", "else", "end", "range", "with", "define", "break", "continue":
		return true
	}
	return false
}
