package sqlfiles

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/sqlheat/sqlheat/internal/codekind"
	"github.com/sqlheat/sqlheat/internal/sqlcconfig"
)

// Set is the query files of one module.
type Set struct {
	Root    string
	Configs []string // the sqlc configurations read, sorted
	Files   []*File  // sorted by path
	sqlc    []*sqlcPackage
	named   map[string][]*Block
}

// sqlcPackage is one package of an sqlc configuration (a `sql:` entry of
// version 2, a `packages:` entry of version 1).
type sqlcPackage struct {
	out    string // absolute directory of the generated Go; "" when no Go is generated
	files  []*File
	byName map[string]*Block
}

// Load returns the query files of the module at root: the files sqlc
// configurations under root name as queries, the files extra names (the
// settings' query_files: files, directories or globs, absolute), and the
// .sql files with -- name: blocks that discovery finds outside migration
// directories (see discover). A root of "" reads extra only.
//
// It is built once per process for each root and extra: it holds the
// content of the files and nothing a pass computes, so a run of many
// packages reads them once.
func Load(root string, extra []string) *Set {
	key := root + "\x00" + strings.Join(extra, "\x00")
	v, _ := sets.LoadOrStore(key, new(loaded))
	l := v.(*loaded)
	l.once.Do(func() { l.set = load(root, extra) })
	return l.set
}

var sets sync.Map // root and extra -> *loaded

type loaded struct {
	once sync.Once
	set  *Set
}

func load(root string, extra []string) *Set {
	s := &Set{Root: root, named: map[string][]*Block{}}
	var configs, candidates []string
	if root != "" {
		configs, candidates = discover(root)
	}
	s.Configs = configs
	byPath := map[string]*File{}
	goDirs := map[string]bool{}
	read := func(path string, kind Kind, engine string) *File {
		if f := byPath[path]; f != nil {
			return f
		}
		data, err := os.ReadFile(path)
		if err != nil || len(data) > maxFileSize {
			return nil
		}
		f := &File{Path: path, Rel: Rel(root, path), Kind: kind, Engine: engine, Data: data}
		parseFile(f)
		byPath[path] = f
		return f
	}
	// sqlc first: its files are sqlc's even when discovery or the
	// settings name them too.
	for _, c := range configs {
		for _, p := range readConfig(c) {
			pkg := &sqlcPackage{out: p.out, byName: map[string]*Block{}}
			for _, path := range p.queries {
				f := read(path, SQLC, p.engine)
				if f == nil {
					continue
				}
				if f.Owner == "" {
					f.Owner = owner(root, f.Path, p.out, goDirs)
				}
				pkg.files = append(pkg.files, f)
				for _, b := range f.Blocks {
					if _, dup := pkg.byName[b.Name]; !dup {
						pkg.byName[b.Name] = b
					}
				}
			}
			s.sqlc = append(s.sqlc, pkg)
		}
	}
	var named []string
	for _, p := range extra {
		named = append(named, expand(p)...)
	}
	named = append(named, candidates...)
	for _, path := range named {
		if byPath[path] != nil {
			continue
		}
		f := read(path, Named, "")
		if f == nil || len(f.Blocks) == 0 {
			delete(byPath, path)
			continue
		}
		f.Owner = owner(root, f.Path, "", goDirs)
		for _, b := range f.Blocks {
			s.named[b.Name] = append(s.named[b.Name], b)
		}
	}
	for _, f := range byPath {
		s.Files = append(s.Files, f)
	}
	slices.SortFunc(s.Files, func(a, b *File) int { return strings.Compare(a.Path, b.Path) })
	return s
}

// maxFileSize bounds what is read as a query file: a multi-megabyte .sql
// file is a dump, not queries.
const maxFileSize = 4 << 20

// SQLC returns the block an sqlc-generated constant was made from: sqlc
// writes the block's name line as the first line of the constant
// ("-- name: GetAuthor :one\nSELECT ..."). dir is the directory of the Go
// file holding the constant: the configuration generating into it is
// preferred when two name the same query. It returns nil for text that is
// not sqlc's, or a name no configuration has.
func (s *Set) SQLC(text, dir string) *Block {
	if s == nil || !strings.HasPrefix(text, "-- name: ") {
		return nil
	}
	first, _, _ := strings.Cut(text, "\n")
	m := nameLine.FindStringSubmatch(first)
	if m == nil || m[2] == "" {
		return nil // sqlc always writes the command
	}
	var found []*Block
	for _, p := range s.sqlc {
		if b := p.byName[m[1]]; b != nil {
			if p.out == dir {
				return b
			}
			found = append(found, b)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return nil // none, or ambiguous across configurations
}

// Named returns the block of a named query, or why there is none: the
// name is in no query file, or in several with different text.
func (s *Set) Named(name string) (*Block, string) {
	if s == nil {
		return nil, "no query files"
	}
	bs := s.named[name]
	switch {
	case len(bs) == 0:
		return nil, "query " + name + " is in no query file"
	case len(bs) > 1:
		for _, b := range bs[1:] {
			if b.Text() != bs[0].Text() {
				return nil, "query " + name + " is defined in " + bs[0].File.Rel + " and " + b.File.Rel
			}
		}
	}
	return bs[0], ""
}

// HasNamed reports whether any named-query file defines name.
func (s *Set) HasNamed(name string) bool { return s != nil && len(s.named[name]) > 0 }

// File returns the query file at path, nil when the set has none there.
func (s *Set) File(path string) *File {
	if s == nil {
		return nil
	}
	i, ok := slices.BinarySearchFunc(s.Files, path, func(f *File, p string) int { return strings.Compare(f.Path, p) })
	if !ok {
		return nil
	}
	return s.Files[i]
}

// Owned returns the files whose blocks the package in dir checks on its
// own, in path order.
func (s *Set) Owned(dir string) []*File {
	if s == nil || dir == "" {
		return nil
	}
	var out []*File
	for _, f := range s.Files {
		if f.Owner == dir {
			out = append(out, f)
		}
	}
	return out
}

// SourceFiles lists what a Set read: the sqlc configurations and the
// query files. go vet's tool ID hashes their content, so that an edited
// query file is never hidden behind vet's cache.
func (s *Set) SourceFiles() []string {
	if s == nil {
		return nil
	}
	out := slices.Clone(s.Configs)
	for _, f := range s.Files {
		out = append(out, f.Path)
	}
	slices.Sort(out)
	return out
}

// owner is the directory of the Go package that checks a file's blocks
// on their own, so that exactly one package of a run does: for sqlc, the
// package sqlc generates (out), which also holds every constant linked
// to a block; else the nearest directory at or above the file's, within
// root, that holds a non-test Go file — the package that embeds or loads
// it, in the usual layouts (store/queries/*.sql beside store/*.go). Every
// package computes the same answer from the file system alone, which is
// what go vet's one-package-per-process model needs.
func owner(root, path, out string, goDirs map[string]bool) string {
	if out != "" && hasGo(out, goDirs) {
		return out
	}
	for dir := filepath.Dir(path); ; dir = filepath.Dir(dir) {
		if hasGo(dir, goDirs) {
			return dir
		}
		if dir == root || root == "" || filepath.Dir(dir) == dir || !strings.HasPrefix(dir, root) {
			return ""
		}
	}
}

func hasGo(dir string, cache map[string]bool) bool {
	if v, ok := cache[dir]; ok {
		return v
	}
	entries, _ := os.ReadDir(dir)
	found := slices.ContainsFunc(entries, func(e fs.DirEntry) bool {
		n := e.Name()
		return !e.IsDir() && strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go")
	})
	cache[dir] = found
	return found
}

// discoverDepth bounds the walk: query files and sqlc configurations sit
// within a few directories of the module root.
const discoverDepth = 8

// discover walks root for sqlc configurations (sqlc.yaml, sqlc.yml,
// sqlc.json) and for .sql files that may hold named queries: outside
// migration directories, not named as a migration, and with a line
// starting a -- name: block. Hidden directories, vendor, node_modules and
// testdata are skipped.
func discover(root string) (configs, candidates []string) {
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable: discovery is best effort
		}
		name := d.Name()
		if d.IsDir() {
			if path == root {
				return nil
			}
			rel, _ := filepath.Rel(root, path)
			if skipDir(name) || strings.Count(rel, string(filepath.Separator)) >= discoverDepth {
				return filepath.SkipDir
			}
			return nil
		}
		lower := strings.ToLower(name)
		switch {
		case sqlcconfig.IsConfig(lower):
			configs = append(configs, path)
		case strings.HasSuffix(lower, ".sql") && !strings.HasPrefix(name, ".") && !migration(path, root) && hasNameLine(path):
			candidates = append(candidates, path)
		}
		return nil
	})
	slices.Sort(configs)
	slices.Sort(candidates)
	return configs, candidates
}

func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
		name == "vendor" || name == "node_modules" || name == "testdata"
}

// migration reports whether a .sql file is a migration
// (codekind.MigrationSQL), whose DDL is schema, not queries.
func migration(path, root string) bool {
	rel, err := filepath.Rel(root, path)
	if err != nil {
		rel = filepath.Base(path)
	}
	return codekind.MigrationSQL(filepath.ToSlash(rel))
}

// hasNameLine is a cheap look at a file: does a line start a block?
func hasNameLine(path string) bool {
	info, err := os.Stat(path)
	if err != nil || info.Size() > maxFileSize {
		return false
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, "name") && nameLine.MatchString(line) {
			return true
		}
	}
	return false
}

// expand lists the .sql files a settings path stands for: the file, a
// glob's matches, or the .sql files directly in a directory.
func expand(p string) []string {
	matches := []string{p}
	if strings.ContainsAny(p, "*?[") {
		matches, _ = filepath.Glob(p)
	}
	var out []string
	for _, m := range matches {
		info, err := os.Stat(m)
		switch {
		case err != nil:
			continue
		case info.IsDir():
			entries, _ := os.ReadDir(m)
			for _, e := range entries {
				if !e.IsDir() && strings.HasSuffix(strings.ToLower(e.Name()), ".sql") {
					out = append(out, filepath.Join(m, e.Name()))
				}
			}
		default:
			out = append(out, m)
		}
	}
	return out
}

// sqlcEntry is what one package of an sqlc configuration says about
// queries.
type sqlcEntry struct {
	queries []string // absolute .sql files
	engine  string
	out     string // absolute directory of the generated Go, "" for none
}

// readConfig reads what an sqlc configuration says about queries; one
// that does not decode gives nothing: a broken file must not fail the run.
func readConfig(path string) []sqlcEntry {
	var out []sqlcEntry
	for _, pkg := range sqlcconfig.Read(path) {
		out = append(out, sqlcEntry{
			queries: queryFiles(filepath.Dir(path), pkg.Queries),
			engine:  pkg.Engine,
			out:     sqlcconfig.Abs(path, pkg.Out),
		})
	}
	return out
}

// queryFiles lists the query files of an sqlc `queries` value, as sqlc
// reads it: files, and the .sql files directly in directories, without
// hidden files and down migrations.
func queryFiles(dir string, paths []string) []string {
	var out []string
	for _, p := range paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		for _, f := range expand(p) {
			base := filepath.Base(f)
			if strings.HasPrefix(base, ".") || strings.HasSuffix(strings.ToLower(base), ".down.sql") {
				continue
			}
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}
