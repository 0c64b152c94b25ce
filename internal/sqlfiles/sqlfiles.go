// Package sqlfiles reads the SQL a Go program keeps in .sql files rather
// than in Go: the query files of sqlc, and named-query files loaded at run
// time (yesql's `-- name: get-user` blocks, as goyesql and dotsql read
// them).
//
// sqlc copies each query into a Go constant with `SELECT *` already
// expanded into the column list, and a named query reaches the database
// through a map lookup or a struct field: either way, what the checks see
// in Go is not what the user edits, and a finding in generated code or at
// an opaque stmt.Query call says nothing about where to fix it. This
// package gives the checks the text the user edits, block by block, with
// each block's place in its file, and links what Go executes back to its
// block: sqlc's constants by the `-- name:` line they start with, named
// queries by their name.
//
// A Set is built once per process per module root (see Load), from the
// files' content only, and never changes afterwards: like the schema
// caches of package catalog, it cannot make two packages disagree.
package sqlfiles

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
	"github.com/sqlheat/sqlheat/internal/suppress"
)

// Kind says how a query file is used.
type Kind int

const (
	// SQLC files are named as queries by an sqlc configuration: sqlc
	// generates a Go method per block.
	SQLC Kind = iota + 1
	// Named files hold `-- name:` blocks a loader (goyesql, dotsql, or
	// the program's own) reads at run time and looks up by name.
	Named
)

func (k Kind) String() string {
	if k == SQLC {
		return "sqlc"
	}
	return "named"
}

// File is one query file.
type File struct {
	Path string // absolute
	Rel  string // relative to the Set's root, slash form; Path when outside it
	Kind Kind
	// Engine is the sqlc engine ("postgresql", "mysql", "sqlite"); "" for
	// named files, which are assumed PostgreSQL.
	Engine string
	Data   []byte
	Blocks []*Block
	// Owner is the directory of the Go package that checks the file's
	// blocks on their own (see owner); "" when no package does.
	Owner   string
	ignores []ignore

	dirsOnce sync.Once
	dirs     []*suppress.Directive
}

// Block is one `-- name:` block: the comment line and the SQL below it,
// up to the next block or the end of the file.
type Block struct {
	File *File
	Name string // "GetAuthor", "get-user"
	Cmd  string // sqlc's ":one", ":many", ...; "" in named files
	Line int    // 1-based line of the -- name: comment
	// Start and End are the byte offsets of the block's SQL text in
	// File.Data (after the name line, up to the next block).
	Start, End int
	// SQL is File.Data[Start:End] with sqlc's macros rewritten in place
	// (sqlc.arg(id) as @id, padded to the same length): what is parsed.
	// It has the same length and lines as the text in the file, so an
	// offset in it is an offset in the file.
	SQL string

	once  sync.Once
	stmts []*sqlparse.Statement
	err   error
}

// Stmts parses the block (once): its statements, or the parser's error.
// A template's holes (%query%, {{.Where}}) are filled with a neutral
// expression, so the statement around them is checked (see
// sqlparse.ParseTemplate).
// Parsing is deferred to the packages that check or link the block, so
// that a go vet process for an unrelated package does not pay for it.
func (b *Block) Stmts() ([]*sqlparse.Statement, error) {
	b.once.Do(func() { b.stmts, _, b.err = sqlparse.ParseTemplate(b.SQL) })
	return b.stmts, b.err
}

// Text is the block's SQL as written, trimmed.
func (b *Block) Text() string {
	return strings.TrimSpace(string(b.File.Data[b.Start:b.End]))
}

// Where is "file:line" of the block's name line, the file relative to
// the module root: how messages name a block.
func (b *Block) Where() string {
	return b.File.Rel + ":" + strconv.Itoa(b.Line)
}

// Offset converts an offset into the normalized text the parser saw
// (sqlparse.Statement.Offset plus a Location) into an offset in the file.
// sqlparse.Normalize never adds or removes a newline, so the line is
// exact; the column is exact when the line needed no rewriting (no ? or
// :name placeholder before the offset), and clamped to the line otherwise.
func (b *Block) Offset(norm int) int {
	text := b.SQL
	n := sqlparse.Normalize(text)
	if n == text || norm <= 0 {
		return b.Start + min(max(norm, 0), len(text))
	}
	norm = min(norm, len(n))
	line := strings.Count(n[:norm], "\n")
	col := norm - (strings.LastIndexByte(n[:norm], '\n') + 1)
	start := 0
	for i := 0; i < line; i++ {
		j := strings.IndexByte(text[start:], '\n')
		if j < 0 {
			break
		}
		start += j + 1
	}
	end := len(text)
	if j := strings.IndexByte(text[start:], '\n'); j >= 0 {
		end = start + j
	}
	return b.Start + start + min(col, end-start)
}

// StmtOffset is the file offset where statement st of the block starts.
func (b *Block) StmtOffset(st *sqlparse.Statement) int { return b.Offset(st.Offset) }

// Line returns the 1-based line of byte off of the file.
func (f *File) Line(off int) int {
	off = min(max(off, 0), len(f.Data))
	return 1 + bytes.Count(f.Data[:off], []byte("\n"))
}

// nameLine matches the comment that starts a block: `-- name: GetAuthor
// :one` (sqlc) or `-- name: get-user` (yesql, goyesql, dotsql).
var nameLine = regexp.MustCompile(`^\s*--\s*name\s*:\s*(\S+)(?:\s+(:[a-z]+))?`)

// parseFile splits data into its blocks. Text before the first block
// belongs to none (a header comment, or DDL the loader ignores).
func parseFile(f *File) {
	data := f.Data
	var cur *Block
	line := 0
	for off := 0; off < len(data); {
		line++
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if end >= 0 {
			next = off + end + 1
		} else {
			end = len(data) - off
		}
		text := string(data[off : off+end])
		if m := nameLine.FindStringSubmatch(text); m != nil {
			if cur != nil {
				cur.End = off
			}
			cur = &Block{File: f, Name: m[1], Cmd: m[2], Line: line, Start: next, End: len(data)}
			f.Blocks = append(f.Blocks, cur)
		} else if ig, ok := parseIgnore(text, line); ok {
			f.ignores = append(f.ignores, ig)
		}
		off = next
	}
	for _, b := range f.Blocks {
		b.SQL = rewriteMacros(string(data[b.Start:b.End]))
	}
}

// macro matches sqlc's query macros: sqlc.arg(name), sqlc.narg('name'),
// sqlc.slice(name) and sqlc.embed(table).
var macro = regexp.MustCompile(`(?i)\bsqlc\s*\.\s*(arg|narg|slice|embed)\s*\(\s*('?)([a-z_][a-z0-9_]*)'?\s*\)`)

// rewriteMacros replaces sqlc's macros with what PostgreSQL parses, in
// place and padded with blanks, so that offsets and lines stay those of
// the file: the parameter macros become @name (which sqlparse.Normalize
// numbers like any named parameter), and sqlc.embed(t) — sqlc's request
// for all of t's columns as one struct — becomes NULL: it is an explicit
// choice of columns, not a star to report.
func rewriteMacros(s string) string {
	if !strings.Contains(strings.ToLower(s), "sqlc") {
		return s
	}
	return macro.ReplaceAllStringFunc(s, func(m string) string {
		sub := macro.FindStringSubmatch(m)
		repl := "@" + sub[3]
		if strings.EqualFold(sub[1], "embed") {
			repl = "NULL"
		}
		var b strings.Builder
		b.WriteString(repl)
		for _, c := range m[len(repl):] {
			if c == '\n' {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		return b.String()
	})
}

// ignore is a suppression comment in a query file:
//
//	-- sqlheat:ignore selectstar -- the admin export needs every column
//
// It silences the checks it names on its own line and the next, and on
// the whole block when it sits among the block's leading comments (just
// above or just below the -- name: line). A reason after "--" is
// required, as in Go files.
type ignore struct {
	line   int
	checks []string
	reason string
}

func parseIgnore(line string, n int) (ignore, bool) {
	t := strings.TrimSpace(line)
	i := strings.Index(t, "--")
	if i < 0 {
		return ignore{}, false
	}
	t = strings.TrimSpace(t[i+2:])
	for i := strings.Index(t, "--"); !strings.HasPrefix(t, "sqlheat:ignore") && !strings.HasPrefix(t, "nolint:") && i >= 0; i = strings.Index(t, "--") {
		t = strings.TrimSpace(t[i+2:]) // SELECT 1 -- comment -- sqlheat:ignore ...
	}
	switch {
	case strings.HasPrefix(t, "sqlheat:ignore "):
		names, reason, ok := strings.Cut(strings.TrimPrefix(t, "sqlheat:ignore "), "--")
		if !ok || strings.TrimSpace(reason) == "" {
			return ignore{}, false // no reason: not honored
		}
		checks := strings.FieldsFunc(names, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
		return ignore{line: n, checks: checks, reason: strings.TrimSpace(reason)}, len(checks) > 0
	case strings.HasPrefix(t, "nolint:"):
		list := strings.Fields(strings.TrimPrefix(t, "nolint:") + " ")[0]
		for _, c := range strings.Split(list, ",") {
			if c == "sqlheat" || c == "all" {
				return ignore{line: n, checks: []string{"all"}}, true
			}
		}
	}
	return ignore{}, false
}

// Directives returns the file's suppression comments as the directives
// of package suppress, which the checks' filter applies to the findings
// placed in the file: each covers its own line and the next, and one
// among a block's leading comments covers the whole block.
func (f *File) Directives() []*suppress.Directive {
	f.dirsOnce.Do(func() {
		for _, ig := range f.ignores {
			d := &suppress.Directive{File: f.Path, Line: ig.line, Last: ig.line + 1, Checks: ig.checks, Reason: ig.reason, Own: true}
			for _, b := range f.Blocks {
				// firstLine parses the block: only for a comment near it.
				if ig.line >= b.Line-1 && ig.line <= f.Line(b.End) && ig.line < b.firstLine() {
					d.Last = max(d.Last, f.Line(max(b.End-1, b.Start)))
				}
			}
			f.dirs = append(f.dirs, d)
		}
	})
	return f.dirs
}

// firstLine is the line of the block's first statement (the line after
// the name line when it holds no SQL).
func (b *Block) firstLine() int {
	if stmts, err := b.Stmts(); err == nil && len(stmts) > 0 {
		return b.File.Line(b.StmtOffset(stmts[0]))
	}
	return b.Line + 1
}

// Rel is path relative to root in slash form, or path when outside it.
func Rel(root, path string) string {
	if root != "" {
		if r, err := filepath.Rel(root, path); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
	}
	return path
}
