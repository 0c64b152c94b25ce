package sqlparse

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	pg "github.com/pganalyze/pg_query_go/v5"
	pgparser "github.com/pganalyze/pg_query_go/v5/parser"
)

// Parse normalizes text (see Normalize) and parses it as PostgreSQL,
// returning one Statement per statement in it, in order: migrations hold
// several. Empty text, or text of only comments, gives nil, nil. A text
// the parser refuses gives a *ParseError.
//
// Each distinct text is parsed once per process and the result kept: a
// service issues the same few hundred texts from many call sites, and a
// parse costs about 80 µs of cgo. The returned Statements are therefore
// shared between all callers and must not be modified. Parse is safe for
// concurrent use; two goroutines asking for the same new text wait for one
// parse instead of doing two.
func Parse(text string) ([]*Statement, error) {
	e := lookup(text)
	return e.stmts, e.err
}

// Fingerprint returns pg_query's fingerprint (hex) of the normalized text:
// equal for texts that differ only in constants, parameter numbers,
// whitespace or comments, which is how pg_stat_statements rows are matched
// to the code that issued them. For a one-statement text it is that
// Statement's Fingerprint. It shares Parse's cache.
func Fingerprint(text string) (string, error) {
	e := lookup(text)
	return e.fp, e.err
}

// A cacheEntry is filled exactly once, by the first caller that needs it.
type cacheEntry struct {
	once  sync.Once
	stmts []*Statement
	fp    string
	err   error
}

// cacheMaxBytes bounds the SQL text held by the cache. Programs hold far
// less (a large service has well under 1 MiB of distinct SQL), so in an
// analyzer run the bound is never reached; it only keeps a long-lived
// process that sees ever new texts (an editor session, a fuzzer) from
// growing without limit. When it is reached the whole cache is dropped:
// re-parsing costs microseconds, an eviction policy would cost code.
const cacheMaxBytes = 32 << 20

var cache struct {
	mu    sync.Mutex
	m     map[string]*cacheEntry
	bytes int
}

func lookup(text string) *cacheEntry {
	cache.mu.Lock()
	e := cache.m[text]
	if e == nil {
		if cache.m == nil || cache.bytes+len(text) > cacheMaxBytes {
			cache.m = make(map[string]*cacheEntry)
			cache.bytes = 0
		}
		e = new(cacheEntry)
		cache.m[text] = e
		cache.bytes += len(text)
	}
	cache.mu.Unlock()
	// Parse outside the lock: the map is shared by every text, the Once
	// only by callers of this one.
	e.once.Do(func() { e.stmts, e.fp, e.err = parse(text) })
	return e
}

// parse does the work of Parse and Fingerprint, without the cache.
func parse(text string) ([]*Statement, string, error) {
	norm := Normalize(text)
	tree, err := pg.Parse(norm)
	if err != nil {
		// SQLite's INSERT OR IGNORE, MySQL's INSERT IGNORE and either's
		// REPLACE INTO: the same rows into the same columns, whatever
		// happens on a conflict, read as PostgreSQL's INSERT; MySQL's
		// UPDATE ... LIMIT 1 as the UPDATE without its limit.
		plain, ok := plainInserts(norm)
		if !ok {
			return nil, "", newParseError(norm, 0, norm, err)
		}
		ptree, perr := pg.Parse(plain)
		if perr != nil {
			return nil, "", newParseError(norm, 0, norm, err)
		}
		norm, tree = plain, ptree
	}
	if len(tree.Stmts) == 0 {
		return nil, "", nil // only whitespace and comments
	}
	stmts := make([]*Statement, 0, len(tree.Stmts))
	for _, raw := range tree.Stmts {
		stmts = append(stmts, analyze(norm, raw))
	}
	fp := stmts[0].Fingerprint
	if len(stmts) > 1 {
		// The whole script's fingerprint: pg_query hashes every statement.
		fp, _ = pg.Fingerprint(norm)
	}
	return stmts, fp, nil
}

// stmtText returns the text of raw inside norm, from its first token (a
// statement's location includes the comments and blanks after the previous
// semicolon) to its end, and the offset where that text starts.
func stmtText(norm string, loc, length int32) (string, int) {
	start, end := int(loc), len(norm)
	if length > 0 {
		end = min(start+int(length), len(norm))
	}
	start = min(skipSpaceAndComments(norm, start), end)
	return strings.TrimRightFunc(norm[start:end], unicode.IsSpace), start
}

// newParseError converts pg_query's error about piece, which starts at
// byte base of text. pg_query's cursor position counts characters from 1
// in piece; ours counts bytes from 0 in text.
func newParseError(text string, base int, piece string, err error) *ParseError {
	pe := &ParseError{Message: err.Error(), Offset: -1}
	var perr *pgparser.Error
	if errors.As(err, &perr) && perr.Cursorpos > 0 {
		off := 0
		for n := 1; n < perr.Cursorpos && off < len(piece); n++ {
			_, size := utf8.DecodeRuneInString(piece[off:])
			off += size
		}
		pe.Offset = base + off
		pe.Line = 1 + strings.Count(text[:pe.Offset], "\n")
	}
	return pe
}

// plainInserts is norm with each statement's INSERT OR <conflict> (SQLite:
// IGNORE, REPLACE, ABORT, FAIL, ROLLBACK), INSERT IGNORE (MySQL) and
// REPLACE INTO (both) spelt as a plain INSERT, and MySQL's ON DUPLICATE
// KEY UPDATE ... and an UPDATE's or a DELETE's ORDER BY ... LIMIT n
// left out, the words dropped blanked
// out so that every other offset stays; false when there is none. The
// words are read with PostgreSQL's lexer, at the start of a statement
// only, never by pattern.
func plainInserts(norm string) (string, bool) {
	res, err := pg.Scan(norm)
	if err != nil {
		return "", false
	}
	var toks []*pg.ScanToken
	for _, t := range res.GetTokens() {
		if t.GetToken() != pg.Token_SQL_COMMENT && t.GetToken() != pg.Token_C_COMMENT {
			toks = append(toks, t)
		}
	}
	word := func(i int) string {
		if i >= len(toks) {
			return ""
		}
		return strings.ToUpper(norm[toks[i].GetStart():toks[i].GetEnd()])
	}
	b := []byte(norm)
	blank := func(from, to int32) {
		for i := from; i < to; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	changed := false
	for i := 0; i < len(toks); i++ {
		if word(i) == "ON" && word(i+1) == "DUPLICATE" && word(i+2) == "KEY" && word(i+3) == "UPDATE" && inInsert(toks, i, word) {
			// MySQL's upsert: the rows and columns are the INSERT's;
			// what a duplicate updates is left out, to the statement's
			// end.
			end := len(toks)
			for j, depth := i, 0; j < len(toks); j++ {
				switch toks[j].GetToken() {
				case '(':
					depth++
				case ')':
					depth--
				case ';':
					if depth == 0 && end == len(toks) {
						end = j
					}
				}
			}
			to := int32(len(norm))
			if end < len(toks) {
				to = toks[end].GetStart()
			}
			blank(toks[i].GetStart(), to)
			changed = true
			continue
		}
		if (word(i) == "LIMIT" || word(i) == "ORDER" && word(i+1) == "BY") && inStatement(toks, i, word, "UPDATE", "DELETE") {
			// MySQL's UPDATE ... ORDER BY ... LIMIT n (and DELETE's):
			// which rows, and how many, the statement's own; the
			// tables, columns and filter are those before it.
			end := len(toks)
			for j := i; j < len(toks); j++ {
				if toks[j].GetToken() == ';' {
					end = j
					break
				}
			}
			to := int32(len(norm))
			if end < len(toks) {
				to = toks[end].GetStart()
			}
			blank(toks[i].GetStart(), to)
			changed = true
			i = end
			continue
		}
		if i > 0 && toks[i-1].GetToken() != ';' {
			continue // not a statement's first word
		}
		switch {
		case word(i) == "INSERT" && word(i+1) == "OR" && conflictWords[word(i+2)]:
			blank(toks[i+1].GetStart(), toks[i+2].GetEnd())
			changed = true
		case word(i) == "INSERT" && word(i+1) == "IGNORE":
			blank(toks[i+1].GetStart(), toks[i+1].GetEnd())
			changed = true
		case word(i) == "REPLACE" && word(i+1) == "INTO":
			copy(b[toks[i].GetStart():], "INSERT ")
			changed = true
		}
	}
	return string(b), changed
}

// inInsert reports whether token i, outside any parentheses, is in a
// statement that starts with INSERT (or REPLACE).
func inInsert(toks []*pg.ScanToken, i int, word func(int) string) bool {
	return inStatement(toks, i, word, "INSERT", "REPLACE")
}

// inStatement reports whether token i, outside any parentheses, is in a
// statement that starts with one of the words.
func inStatement(toks []*pg.ScanToken, i int, word func(int) string, words ...string) bool {
	depth := 0
	for j := i - 1; j >= 0; j-- {
		switch toks[j].GetToken() {
		case ')':
			depth++
		case '(':
			depth--
		case ';':
			return slices.Contains(words, word(j+1))
		}
		if depth < 0 {
			return false
		}
	}
	return depth == 0 && slices.Contains(words, word(0))
}

// conflictWords are SQLite's INSERT OR <conflict> resolutions.
var conflictWords = map[string]bool{"IGNORE": true, "REPLACE": true, "ABORT": true, "FAIL": true, "ROLLBACK": true}
