package schema

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// Load builds a catalog from schema files, migration directories and
// globs, applied in the order given (each directory and glob in migration
// order, see Files). The error is for what the user named and we could
// not read: a missing path, a glob that matches nothing, an unreadable
// file. Statements that do not parse are Warnings, not errors.
func Load(paths []string) (*Catalog, error) {
	c := New()
	files, skipped, err := FilesSkipped(paths)
	if err != nil {
		return nil, err
	}
	c.Skipped = skipped
	for _, f := range files {
		if err := c.LoadFile(f); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// Files expands paths into the schema files to apply, in order and each
// once. A directory gives its *.sql files (not those of its
// subdirectories); a glob gives its matches, directories expanded. Both
// are sorted in migration order: by the number a file name starts with,
// numerically (golang-migrate's 2_x.up.sql before 10_y.up.sql), then by
// name. A directory holding up and down pairs (*.up.sql beside
// *.down.sql, or _up.sql beside _down.sql) gives only its up files, and a
// glob never gives a down file: down migrations undo. Nor do they give
// a file named for another database whose PostgreSQL twin they give
// (0001_init_sqlite.up.sql beside 0001_init_postgres.up.sql, see twins).
func Files(paths []string) ([]string, error) {
	out, _, err := FilesSkipped(paths)
	return out, err
}

// FilesSkipped is Files, and the other databases' twins it left out.
func FilesSkipped(paths []string) (out, skipped []string, err error) {
	seen := map[string]bool{}
	named := map[string]bool{} // files named as such: what the user asked for
	add := func(f string) {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	for _, p := range paths {
		matches := []string{p}
		if strings.ContainsAny(p, "*?[") {
			var err error
			matches, err = filepath.Glob(p)
			if err != nil {
				return nil, nil, fmt.Errorf("schema path %q: %w", p, err)
			}
			if len(matches) == 0 {
				return nil, nil, fmt.Errorf("schema path %q: no files match", p)
			}
			// migrations/*.sql matches the down files too: they undo.
			matches = slices.DeleteFunc(matches, func(m string) bool { return IsDown(filepath.Base(m)) })
			slices.SortFunc(matches, migrationOrder)
		}
		for _, m := range matches {
			info, err := os.Stat(m)
			if err != nil {
				return nil, nil, fmt.Errorf("schema path: %w", err)
			}
			if !info.IsDir() {
				named[m] = m == p
				add(m)
				continue
			}
			files, err := sqlFiles(m)
			if err != nil {
				return nil, nil, fmt.Errorf("schema path: %w", err)
			}
			for _, f := range files {
				add(f)
			}
		}
	}
	out, skipped = twins(out, named)
	return out, skipped, nil
}

// twins leaves out of files those written for another database whose
// PostgreSQL twin is among them, unless named: a project that supports
// several databases keeps a migration per database side by side
// (0001_init_sqlite.up.sql beside 0001_init_postgres.up.sql), and
// sqlheat reads PostgreSQL's. Reading both would apply each change twice,
// the other database's indexes included. pop's migrations (fizz and
// .sql) name the database as an element of their own (0001_x.mysql.up.sql)
// beside one for every database (0001_x.up.sql): that one is the twin
// too (an .autocommit element aside); and a migration written for several other databases but not for
// PostgreSQL (x.mysql.up.sql beside x.sqlite3.up.sql) runs on none of
// its. A file for another database without a twin is read (see
// sqlparse.ParseDDL for SQLite's words).
func twins(files []string, named map[string]bool) (keep, skipped []string) {
	have := map[string]bool{}
	others := map[string]int{} // files for another database, by name without it
	for _, f := range files {
		have[strings.ToLower(f)] = true
		have[popKey(f)] = true
		dir, name := filepath.Split(f)
		if span, d := dialectOfName(name); otherDialects[d] {
			others[popKey(dir+withoutElement(name, span))]++
		}
	}
	for _, f := range files {
		dir, name := filepath.Split(f)
		span, d := dialectOfName(name)
		twin := false
		if otherDialects[d] && !named[f] {
			generic := popKey(dir + withoutElement(name, span))
			twin = have[generic] || others[generic] > 1
			for pg := range postgresDirNames {
				if have[strings.ToLower(dir+name[:span[0]]+pg+name[span[1]:])] {
					twin = true
					break
				}
			}
		}
		if twin {
			skipped = append(skipped, f)
		} else {
			keep = append(keep, f)
		}
	}
	return keep, skipped
}

// popKey is a migration's path as pop matches versions, lower case and
// without its .autocommit element (x.autocommit.up.sql runs outside a
// transaction, and is x.up.sql's twin for that matter).
func popKey(path string) string {
	return strings.Replace(strings.ToLower(path), ".autocommit.", ".", 1)
}

// withoutElement is name without the element at span and the separator
// before it: 0001_x.mysql.up.sql is 0001_x.up.sql.
func withoutElement(name string, span [2]int) string {
	start := span[0]
	if start > 0 {
		start--
	}
	return name[:start] + name[span[1]:]
}

// SkipTwins is files without those written for another database whose
// PostgreSQL twin is among them (see twins): for lists made elsewhere,
// such as the files a //go:embed pattern matches.
func SkipTwins(files []string) []string {
	keep, _ := twins(files, nil)
	return keep
}

// dialectOfName finds the element of a file name that names a database
// (0001_create_tables_sqlite.up.sql: sqlite), elements being cut at _, .
// and -; span is where it is in name, and d is "" when none does.
func dialectOfName(name string) (span [2]int, d string) {
	start := 0
	for i := 0; i <= len(name); i++ {
		if i < len(name) && !strings.ContainsRune("_.-", rune(name[i])) {
			continue
		}
		if e := strings.ToLower(name[start:i]); otherDialects[e] || postgresDirNames[e] {
			return [2]int{start, i}, e
		}
		start = i + 1
	}
	return [2]int{}, ""
}

// IsDown reports whether a file name is a down migration's:
// 1_init.down.sql (golang-migrate), 1_init_down.sql, 1_init-down.sql.
func IsDown(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".down.sql") || strings.HasSuffix(n, "_down.sql") || strings.HasSuffix(n, "-down.sql")
}

func isUp(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".up.sql") || strings.HasSuffix(n, "_up.sql") || strings.HasSuffix(n, "-up.sql")
}

// sqlFiles lists the schema files of dir, in migration order.
func sqlFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	downs := false
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(strings.ToLower(name), ".sql") {
			continue
		}
		names = append(names, name)
		downs = downs || IsDown(name)
	}
	if downs {
		names = slices.DeleteFunc(names, func(n string) bool { return !isUp(n) })
	}
	slices.SortFunc(names, migrationOrder)
	files := make([]string, len(names))
	for i, n := range names {
		files[i] = filepath.Join(dir, n)
	}
	return files, nil
}

// migrationOrder compares file paths by the number their base name
// starts with (as a number of any length, so timestamps work), then by
// name. Names without a number sort after numbered ones.
func migrationOrder(a, b string) int {
	da, db := leadingDigits(filepath.Base(a)), leadingDigits(filepath.Base(b))
	switch {
	case da != "" && db != "":
		da, db = strings.TrimLeft(da, "0"), strings.TrimLeft(db, "0")
		if len(da) != len(db) {
			return len(da) - len(db)
		}
		if c := strings.Compare(da, db); c != 0 {
			return c
		}
	case da != "":
		return -1
	case db != "":
		return 1
	}
	return strings.Compare(a, b)
}

func leadingDigits(s string) string {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// LoadFile applies the statements of one schema file. A goose migration
// (it has `-- +goose Up`) contributes only its Up sections.
func (c *Catalog) LoadFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err // *fs.PathError names the file
	}
	if strings.HasSuffix(path, ".go") {
		// Go source holding migrations (see Discover): a file that does
		// not parse is a warning, like a statement that does not.
		if err := c.applyGo(path, data); err != nil {
			c.Warnings = append(c.Warnings, Warning{File: path, Message: "Go source skipped: " + err.Error()})
		}
		return nil
	}
	c.ApplyFile(string(data), path)
	return nil
}

// ApplyFile applies the statements of a schema file read elsewhere (an
// embedded migration), as LoadFile would.
func (c *Catalog) ApplyFile(text, path string) {
	c.searchPath = nil // each file runs in a session of its own
	c.addFile(path)
	for _, seg := range segments(text) {
		line := 1 + strings.Count(text[:seg.offset], "\n")
		c.apply(text[seg.offset:seg.end], path, line)
	}
}

// ApplyDDL applies DDL found elsewhere than in a schema file, such as a Go
// string constant that a program executes as its migration; file and line
// are where the text starts, for warnings.
func (c *Catalog) ApplyDDL(text, file string, line int) {
	c.searchPath = nil
	c.addFile(file)
	c.apply(text, file, line)
}

func (c *Catalog) addFile(file string) {
	if !slices.Contains(c.Files, file) {
		c.Files = append(c.Files, file)
	}
}

// apply applies text, whose first line is line `line` of file.
func (c *Catalog) apply(text, file string, line int) {
	ddls, errs := sqlparse.ParseDDL(text)
	// Parse errors and changes are reported in the order of the text.
	i := 0
	for _, d := range ddls {
		at := d.At()
		for ; i < len(errs) && errs[i].Offset >= 0 && errs[i].Offset < at.Offset; i++ {
			c.parseWarning(errs[i], file, line)
		}
		c.Apply(d, file, line+at.Line-1)
	}
	for ; i < len(errs); i++ {
		c.parseWarning(errs[i], file, line)
	}
}

func (c *Catalog) parseWarning(e *sqlparse.ParseError, file string, line int) {
	w := Warning{File: file, Line: line, Message: "statement skipped: " + e.Message}
	if e.Line > 0 {
		w.Line = line + e.Line - 1
	}
	c.Warnings = append(c.Warnings, w)
}

// segment is a part of a file to apply: [offset, end).
type segment struct{ offset, end int }

// segments returns the parts of text to apply. A plain SQL file is one
// part. In a goose migration, only the Up sections are, and each
// StatementBegin ... StatementEnd block is a part of its own, so that a
// function body with semicolons stays whole even when a statement next
// to it does not parse. Offsets are kept, so lines stay those of the file.
func segments(text string) []segment {
	if !isGoose(text) {
		return []segment{{0, len(text)}}
	}
	var (
		out   []segment
		up    bool
		start = -1 // start of the open segment, -1 when none
	)
	closeAt := func(end int) {
		if start >= 0 && start < end {
			out = append(out, segment{start, end})
		}
		start = -1
	}
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		next := len(text)
		if end >= 0 {
			next = off + end + 1
		}
		directive, ok := gooseDirective(text[off:next])
		switch {
		case !ok:
		case directive == "up":
			closeAt(off)
			up, start = true, next
		case directive == "down":
			closeAt(off)
			up = false
		case directive == "statementbegin" || directive == "statementend":
			closeAt(off)
			if up {
				start = next
			}
		}
		off = next
	}
	closeAt(len(text))
	return out
}

// gooseDirective reads a `-- +goose Word` line, lower-cased.
func gooseDirective(line string) (string, bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(line), "--")
	if !ok {
		return "", false
	}
	rest, ok = strings.CutPrefix(strings.TrimSpace(rest), "+goose")
	if !ok {
		return "", false
	}
	f := strings.Fields(rest)
	if len(f) == 0 {
		return "", false
	}
	return strings.ToLower(f[0]), true
}

// isGoose reports whether text is a goose migration: it has an Up
// directive. A file that merely mentions goose is plain SQL.
func isGoose(text string) bool {
	if !strings.Contains(text, "+goose") {
		return false
	}
	for line := range strings.Lines(text) {
		if d, ok := gooseDirective(line); ok && d == "up" {
			return true
		}
	}
	return false
}
