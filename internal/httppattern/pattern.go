package httppattern

import (
	"net/url"
	"regexp"
	"strings"
)

// AnyMethod is the method of a pattern that names none: it serves every
// method.
const AnyMethod = "ANY"

// Pattern is a parsed route pattern.
type Pattern struct {
	Method string // upper-case method, or AnyMethod
	Host   string // ServeMux host part ("example.com"), "" when none; not used for matching
	Path   string // canonical path: "/items/{}", "/static/{...}", "/{$}"
	Raw    string // the path as written, parameter names kept: "/items/{id}"

	segs   []segment
	opaque bool // Raw is not a path (a handler's function name): it matches no request
}

// Key is the canonical identity of the pattern, "GET /items/{}": two
// patterns with equal keys name the same route.
func (p Pattern) Key() string { return p.Method + " " + p.Path }

// String is the display form, "GET /items/{id}", or the bare path when the
// pattern serves any method.
func (p Pattern) String() string {
	if p.Method == AnyMethod {
		return p.Host + p.Raw
	}
	return p.Method + " " + p.Host + p.Raw
}

// Normalize returns the method (upper-case, AnyMethod when the pattern names
// none) and the canonical path of pattern. Patterns that differ only in how
// their parameters are spelled ("{id}", ":id", "<id>") normalize equally.
func Normalize(pattern string) (method, path string) {
	p := Parse(pattern)
	return p.Method, p.Path
}

// Parse parses a route pattern of any supported router. It never fails:
// text it does not recognise as a parameter is taken literally, because a
// pattern the routes pass found in code must still be shown and compared,
// even when no router would accept it. A pattern without any "/" (a handler
// shown by its function name) is kept as an opaque name that compares
// equal only to itself.
func Parse(pattern string) Pattern {
	method, rest := splitMethod(strings.TrimSpace(pattern))
	p := Pattern{Method: method}
	slash := strings.IndexByte(rest, '/')
	switch {
	case slash < 0:
		p.Raw, p.Path, p.opaque = rest, rest, true
		return p
	case slash > 0:
		// ServeMux: whatever precedes the first slash is a host.
		p.Host, rest = rest[:slash], rest[slash:]
	}
	p.Raw = rest
	p.segs = parseSegments(rest)
	p.Path = canonical(p.segs)
	return p
}

// splitMethod separates an optional leading method ("GET /x", "get\t/x").
func splitMethod(s string) (method, rest string) {
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return AnyMethod, s
	}
	first, tail := s[:i], strings.TrimSpace(s[i:])
	if strings.Contains(first, "/") || tail == "" {
		return AnyMethod, s // a path that contains a space, not a method
	}
	return strings.ToUpper(first), tail
}

type segKind uint8

// Segment kinds, in decreasing order of specificity: at the first segment
// where two matching patterns differ, the lower kind wins.
const (
	segLiteral  segKind = iota // matches itself (after unescaping)
	segMixed                   // literal text around parameters: "{name}.json", "v{major}"
	segParam                   // one whole, non-empty segment, maybe constrained by a regexp
	segWildcard                // the rest of the path: one or more segments
)

type segment struct {
	kind  segKind
	text  string         // canonical text; for literals, the unescaped literal
	re    *regexp.Regexp // param constraint, or the whole-segment matcher of a mixed segment
	nlits int            // literal bytes in a mixed segment, its specificity
}

// parseSegments splits a path that starts with "/" into segments. A "{$}"
// final segment becomes an empty literal: "/a/{$}" matches exactly "/a/",
// whose last segment is empty. An empty final segment (trailing slash)
// becomes a wildcard, as in ServeMux's subtree patterns.
func parseSegments(path string) []segment {
	parts := splitBraced(path[1:])
	segs := make([]segment, 0, len(parts))
	for i, s := range parts {
		last := i == len(parts)-1
		switch {
		case last && s == "":
			segs = append(segs, segment{kind: segWildcard, text: "{...}"})
		case last && s == "{$}":
			segs = append(segs, segment{kind: segLiteral, text: ""})
		default:
			segs = append(segs, parseSegment(s, last))
		}
	}
	return segs
}

// splitBraced splits on "/" outside braces and angle brackets, so that a
// regexp constraint such as "{id:[0-9]{3}}" or "{p:a/b}" stays one segment.
func splitBraced(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{', '<':
			depth++
		case '}', '>':
			if depth > 0 {
				depth--
			}
		case '/':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

func parseSegment(s string, last bool) segment {
	switch {
	case strings.HasPrefix(s, "*") || s == "+":
		// chi "*", gin "*filepath", echo "*", fiber's "*" and "+" (one or
		// more characters): the rest of the path. Not at the end, no router
		// accepts it; one segment is the kindest reading.
		if last {
			return segment{kind: segWildcard, text: "{...}"}
		}
		return segment{kind: segParam, text: "{}"}
	case len(s) > 1 && s[0] == ':':
		// gin, echo, httprouter; fiber's ":id?" (optional) and ":id<int>"
		// (constrained) too.
		return segment{kind: segParam, text: "{}"}
	}
	toks, ok := tokenize(s)
	if !ok {
		return literal(s)
	}
	if len(toks) == 1 && toks[0].param {
		return wholeParam(toks[0], last)
	}
	for _, t := range toks {
		if t.param {
			return mixed(toks)
		}
	}
	return literal(s)
}

func literal(s string) segment {
	if u, err := url.PathUnescape(s); err == nil {
		s = u // ServeMux unescapes pattern literals too: "/a%20b" serves "/a b"
	}
	return segment{kind: segLiteral, text: s}
}

// token is a run of literal text or one "{...}" / "<...>" parameter.
type token struct {
	param bool
	text  string // literal text, or the parameter's inside without delimiters
	open  byte
}

// tokenize cuts a segment into literal runs and parameters; ok is false
// when a delimiter is unbalanced, and the segment is then a literal.
func tokenize(s string) (toks []token, ok bool) {
	for len(s) > 0 {
		i := strings.IndexAny(s, "{<")
		if i < 0 {
			return append(toks, token{text: s}), true
		}
		if i > 0 {
			toks = append(toks, token{text: s[:i]})
		}
		end := closing(s, i)
		if end < 0 {
			return nil, false
		}
		toks = append(toks, token{param: true, text: s[i+1 : end], open: s[i]})
		s = s[end+1:]
	}
	return toks, true
}

// closing finds the delimiter closing the one at s[i], counting nesting so
// that "{id:[0-9]{3}}" closes at its last brace.
func closing(s string, i int) int {
	open, shut := s[i], byte('}')
	if open == '<' {
		shut = '>'
	}
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case open:
			depth++
		case shut:
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// wholeParam reads a parameter that fills its segment: "{id}", "{id:re}",
// "{path...}", "{path:*}", "{id?}" (fasthttp/router's optional segment,
// read as a required one), "<id>", "<int:id>", "<path:rest>".
func wholeParam(t token, last bool) segment {
	if t.open == '<' {
		conv, _, named := strings.Cut(t.text, ":")
		if named && conv == "path" && last {
			return segment{kind: segWildcard, text: "{...}"} // Flask/Werkzeug path converter
		}
		return segment{kind: segParam, text: "{}"}
	}
	if strings.HasSuffix(t.text, "...") {
		if last {
			return segment{kind: segWildcard, text: "{...}"}
		}
		return segment{kind: segParam, text: "{}"}
	}
	if _, c, _ := strings.Cut(t.text, ":"); c == "*" {
		// fasthttp/router's catch-all "{filepath:*}".
		if last {
			return segment{kind: segWildcard, text: "{...}"}
		}
		return segment{kind: segParam, text: "{}"}
	}
	re, spansSlash := constraint(t.text)
	if spansSlash && last {
		// gorilla's "{rest:.*}" matches across slashes: a wildcard.
		return segment{kind: segWildcard, text: "{...}"}
	}
	return segment{kind: segParam, text: "{}", re: re}
}

// constraint compiles the regexp of a "{name:re}" parameter, anchored to
// the whole segment as chi and gorilla do. A regexp that does not compile
// constrains nothing: the pattern is still worth matching.
func constraint(inside string) (re *regexp.Regexp, spansSlash bool) {
	_, src, ok := strings.Cut(inside, ":")
	if !ok || src == "" {
		return nil, false
	}
	re, err := regexp.Compile("^(?:" + src + ")$")
	if err != nil {
		return nil, false
	}
	return re, re.MatchString("a/b")
}

// mixed builds a segment of literal text around parameters; each parameter
// matches a non-empty run, lazily, so "{name}.{ext}" splits at the first dot.
func mixed(toks []token) segment {
	var canon, expr strings.Builder
	expr.WriteString("^")
	n := 0
	for _, t := range toks {
		if !t.param {
			canon.WriteString(t.text)
			expr.WriteString(regexp.QuoteMeta(t.text))
			n += len(t.text)
			continue
		}
		canon.WriteString("{}")
		src := ".+?"
		if t.open == '{' {
			if _, c, ok := strings.Cut(t.text, ":"); ok && c != "" {
				if _, err := regexp.Compile(c); err == nil {
					src = c
				}
			}
		}
		expr.WriteString("(?:" + src + ")")
	}
	expr.WriteString("$")
	re, err := regexp.Compile(expr.String())
	if err != nil {
		return literal(canon.String()) // unreachable: every piece compiled
	}
	return segment{kind: segMixed, text: canon.String(), re: re, nlits: n}
}

func canonical(segs []segment) string {
	var b strings.Builder
	for i, s := range segs {
		b.WriteByte('/')
		if s.kind == segLiteral && s.text == "" && i == len(segs)-1 {
			b.WriteString("{$}") // "/a/{$}": spelled so that it differs from "/a/" (subtree)
			continue
		}
		b.WriteString(s.text)
	}
	return b.String()
}

// Literal is what every request path the pattern serves starts with: its
// text up to the first parameter or wildcard ("/api/users/" for
// "/api/users/{id}"); exact says the pattern has none, and serves that
// path alone. ok is false for a pattern that is no path (a handler's
// name) or names a host, whose path the text does not say in full.
func (p Pattern) Literal() (prefix string, exact, ok bool) {
	if p.opaque || p.Host != "" {
		return "", false, false
	}
	var b strings.Builder
	for _, s := range p.segs {
		b.WriteByte('/')
		if !s.fixed() {
			return b.String(), false, true
		}
		b.WriteString(s.text)
	}
	return b.String(), true, true
}

// LiteralTail is what every request path the pattern serves ends with:
// its text after the last parameter ("/validate" for
// "/cas/{org}/validate"); "" when it ends with a parameter or wildcard,
// or is no path.
func (p Pattern) LiteralTail() string {
	if p.opaque || p.Host != "" {
		return ""
	}
	var tail []string
	for i := len(p.segs) - 1; i >= 0 && p.segs[i].fixed(); i-- {
		tail = append([]string{p.segs[i].text}, tail...)
	}
	if len(tail) == 0 {
		return ""
	}
	return "/" + strings.Join(tail, "/")
}

// fixed reports whether s serves its own text alone: a literal segment
// without ':' or '*', which echo and fiber read inside a segment too
// ("/v:version", "/static*": a parameter, the rest of the path), nor
// "…", the routes pass's mark of a part only run time knows
// ("/api/…/users": maybe several segments, maybe none).
func (s segment) fixed() bool {
	return s.kind == segLiteral && !strings.ContainsAny(s.text, ":*…")
}
