package sqlfiles

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func parse(text string) *File {
	f := &File{Path: "/q.sql", Rel: "q.sql", Data: []byte(text)}
	parseFile(f)
	return f
}

// Blocks run from their name line to the next one; sqlc's command is
// kept, yesql names may have dashes, text before the first block belongs
// to none.
func TestBlocks(t *testing.T) {
	f := parse("-- header\n\n-- name: GetAuthor :one\nSELECT * FROM authors\nWHERE id = $1;\n\n--name:get-user\nSELECT 1;\n")
	if len(f.Blocks) != 2 {
		t.Fatalf("blocks: %d", len(f.Blocks))
	}
	a, b := f.Blocks[0], f.Blocks[1]
	if a.Name != "GetAuthor" || a.Cmd != ":one" || a.Line != 3 || a.Text() != "SELECT * FROM authors\nWHERE id = $1;" {
		t.Errorf("first block: %q %q line %d text %q", a.Name, a.Cmd, a.Line, a.Text())
	}
	if b.Name != "get-user" || b.Cmd != "" || b.Line != 7 || b.Text() != "SELECT 1;" {
		t.Errorf("second block: %q %q line %d text %q", b.Name, b.Cmd, b.Line, b.Text())
	}
	if a.Where() != "q.sql:3" {
		t.Errorf("where = %q", a.Where())
	}
}

// sqlc's macros are rewritten in place: same length, same lines, so the
// parser's offsets are the file's; sqlc.embed is no star.
func TestMacros(t *testing.T) {
	in := "SELECT sqlc.embed(books), b.*\nFROM books b\nWHERE b.author_id = sqlc.arg(author_id) AND b.title = sqlc.narg('title')\n  AND b.id = ANY(sqlc.slice(ids));"
	out := rewriteMacros(in)
	if len(out) != len(in) || strings.Count(out, "\n") != strings.Count(in, "\n") {
		t.Fatalf("length or lines changed:\n%s", out)
	}
	for _, want := range []string{"SELECT NULL", "= @author_id ", "= @title ", "ANY(@ids "} {
		if !strings.Contains(out, want) {
			t.Errorf("%q lacks %q", out, want)
		}
	}
	f := parse("-- name: Books :many\n" + in + "\n")
	b := f.Blocks[0]
	stmts, err := b.Stmts()
	if err != nil || len(stmts) != 1 {
		t.Fatalf("parse: %v", err)
	}
	st := stmts[0]
	if len(st.Stars) != 1 || st.Stars[0].Qualifier != "b" {
		t.Fatalf("stars: %+v", st.Stars)
	}
	// The star's line and column in the file, through Normalize's
	// rewriting of @names on later lines.
	off := b.Offset(st.Offset + st.Stars[0].Location)
	if line := f.Line(off); line != 2 || string(f.Data[off:off+3]) != "b.*" {
		t.Errorf("star at line %d, %q", line, f.Data[off:off+3])
	}
	if len(st.Filters) == 0 || st.Filters[0].Value != "param" {
		t.Errorf("filters: %+v", st.Filters)
	}
}

// A column on a line Normalize rewrote is clamped to the line; the line
// is always right.
func TestOffsetThroughNormalize(t *testing.T) {
	f := parse("-- name: q\nSELECT id FROM t WHERE a = :a\n  AND b = * 2;\n")
	b := f.Blocks[0]
	if got := f.Line(b.Offset(len("SELECT id FROM t WHERE a = $1\n  AND"))); got != 3 {
		t.Errorf("line %d, want 3", got)
	}
}

func TestIgnores(t *testing.T) {
	f := parse("-- name: A :many\n-- sqlheat:ignore selectstar -- the export needs them all\nSELECT *\nFROM t;\n\n-- name: B :many\nSELECT * FROM t; -- sqlheat:ignore missingindex -- tiny table\n-- name: C :one\n-- sqlheat:ignore selectstar\nSELECT * FROM t;\n")
	ignored := func(check string, line int) bool {
		for _, d := range f.Directives() {
			if d.Applies(check, f.Path, line) {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		check string
		line  int
		want  bool
	}{
		{"selectstar", 3, true},     // the line below
		{"selectstar", 4, true},     // in the block's header: the whole block
		{"selectstar", 6, false},    // but not the next block
		{"missingindex", 3, false},  // another check
		{"missingindex", 7, true},   // its own line
		{"selectstar", 7, false},    // another check
		{"selectstar", 10, false},   // no reason: not honored
		{"missingindex", 12, false}, // nothing there
	} {
		if got := ignored(tc.check, tc.line); got != tc.want {
			t.Errorf("ignored(%s, line %d) = %v, want %v", tc.check, tc.line, got, tc.want)
		}
	}
}

// Load reads sqlc configurations (v1, v2, JSON) and named-query files
// found outside migration directories, and names each file's owner.
func TestLoad(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "go.mod"), "module x\n")
	// v2, queries in a directory, Go generated into internal/db.
	write(t, filepath.Join(root, "sqlc.yaml"), "version: \"2\"\nsql:\n  - engine: postgresql\n    queries: db/queries\n    schema: db/schema.sql\n    gen:\n      go:\n        package: db\n        out: internal/db\n")
	write(t, filepath.Join(root, "db/queries/authors.sql"), "-- name: GetAuthor :one\nSELECT * FROM authors WHERE id = $1;\n")
	write(t, filepath.Join(root, "db/queries/.hidden.sql"), "-- name: Hidden :one\nSELECT 1;\n")
	write(t, filepath.Join(root, "internal/db/db.go"), "package db\n")
	// v1 in a subdirectory, generating next to itself.
	write(t, filepath.Join(root, "legacy/sqlc.yml"), "version: \"1\"\npackages:\n  - name: legacy\n    path: .\n    queries: query.sql\n    schema: schema.sql\n    engine: mysql\n")
	write(t, filepath.Join(root, "legacy/query.sql"), "-- name: GetAuthor :one\nSELECT * FROM authors WHERE id = ?;\n")
	write(t, filepath.Join(root, "legacy/legacy.go"), "package legacy\n")
	// Named queries beside their package; a migration that looks like them.
	write(t, filepath.Join(root, "store/queries/users.sql"), "-- name: get-user\nSELECT * FROM users WHERE id = $1;\n")
	write(t, filepath.Join(root, "store/store.go"), "package store\n")
	write(t, filepath.Join(root, "store/store_test.go"), "package store\n")
	write(t, filepath.Join(root, "migrations/0001_init.up.sql"), "-- name: init\nCREATE TABLE users (id int);\n")
	write(t, filepath.Join(root, "sql/orphan.sql"), "-- name: orphan\nSELECT 1;\n")

	s := load(root, nil)
	var got []string
	for _, f := range s.Files {
		owner, _ := filepath.Rel(root, f.Owner)
		if f.Owner == "" {
			owner = "-"
		}
		got = append(got, f.Rel+" "+f.Kind.String()+" "+f.Engine+" owner="+owner)
	}
	want := []string{
		"db/queries/authors.sql sqlc postgresql owner=internal/db",
		"legacy/query.sql sqlc mysql owner=legacy",
		"sql/orphan.sql named  owner=-",
		"store/queries/users.sql named  owner=store",
	}
	if !slices.Equal(got, want) {
		t.Errorf("files:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// sqlc's constants find their block, preferring the configuration
	// that generates into the constant's directory.
	const text = "-- name: GetAuthor :one\nSELECT id FROM authors WHERE id = $1\n"
	if b := s.SQLC(text, filepath.Join(root, "internal/db")); b == nil || b.File.Rel != "db/queries/authors.sql" {
		t.Errorf("SQLC in internal/db: %v", b)
	}
	if b := s.SQLC(text, filepath.Join(root, "legacy")); b == nil || b.File.Rel != "legacy/query.sql" {
		t.Errorf("SQLC in legacy: %v", b)
	}
	if b := s.SQLC(text, filepath.Join(root, "elsewhere")); b != nil {
		t.Errorf("an ambiguous name must not link: %v", b)
	}
	if b := s.SQLC("-- name: GetAuthor\nSELECT 1", ""); b != nil {
		t.Errorf("text without sqlc's command links: %v", b)
	}
	if b, why := s.Named("get-user"); b == nil || b.Line != 1 {
		t.Errorf("Named(get-user) = %v, %q", b, why)
	}
	if _, why := s.Named("init"); why != "query init is in no query file" {
		t.Errorf("a migration was read as queries: %q", why)
	}
	if owned := s.Owned(filepath.Join(root, "store")); len(owned) != 1 || owned[0].Rel != "store/queries/users.sql" {
		t.Errorf("owned by store: %v", owned)
	}
	if len(s.SourceFiles()) != 6 {
		t.Errorf("source files: %v", s.SourceFiles())
	}
}

// The settings' query_files add files discovery would not take.
func TestExtra(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "migrate/queries.sql"), "-- name: a\nSELECT 1;\n")
	s := load(root, []string{filepath.Join(root, "migrate", "*.sql")})
	if len(s.Files) != 1 || s.Files[0].Rel != "migrate/queries.sql" {
		t.Errorf("files: %v", s.Files)
	}
}
