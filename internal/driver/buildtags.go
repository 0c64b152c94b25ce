package driver

import (
	"bytes"
	"go/build"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/internal/dbapi"
	"github.com/sqlheat/sqlheat/internal/report"
)

// excludedByTags finds the files of the main modules that the build left
// out only for a custom build tag the run was not given (tags, as passed
// to -tags) and that import a database package sqlheat reads: a service
// that puts each database adapter behind //go:build mysql, with a stub
// under !mysql, is otherwise analyzed as its stubs, with no query sites
// and no word of why. Files left out for their platform (by name or
// constraint), the compiler, cgo, a Go release or //go:build ignore are
// not the user's choice to make and are not counted; nor are test files
// and testdata; nor is a file whose tags would leave out a file of its
// directory the build has and that imports a database package too: the
// tag swaps one way to reach the database for another (pocketbase's
// //go:build no_default_driver, beside the default driver's
// !no_default_driver), and the run already reads one of them.
//
// The candidates are the packages' IgnoredFiles, which go/packages fills
// with NeedFiles (part of LoadSyntax), and the Go files of the module's
// directories that no package was loaded from: go list ./... leaves out,
// without a word, a directory every file of which is behind a tag. Only
// their headers are read (imports and constraints), so this costs a walk
// of the module's directories and a few small reads.
func excludedByTags(pkgs []*packages.Package, tags string, rel func(string) string) *report.ExcludedByTags {
	given := strings.FieldsFunc(tags, func(r rune) bool { return r == ',' || r == ' ' })
	roots := map[string]bool{}
	loadedDirs := map[string]bool{}
	built := map[string][]string{} // directory -> its loaded Go files
	var files []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Module == nil || !p.Module.Main {
			return
		}
		roots[p.Module.Dir] = true
		for _, f := range slices.Concat(p.GoFiles, p.CompiledGoFiles, p.IgnoredFiles) {
			loadedDirs[filepath.Dir(f)] = true
		}
		for _, f := range p.GoFiles {
			built[filepath.Dir(f)] = append(built[filepath.Dir(f)], f)
		}
		files = append(files, p.IgnoredFiles...)
	})
	for root := range roots {
		files = append(files, unloadedGoFiles(root, loadedDirs)...)
	}
	slices.Sort(files)
	files = slices.Compact(files) // test variants repeat their package's

	ctxt := build.Default
	ctxt.BuildTags = given
	out := &report.ExcludedByTags{}
	need := map[string]bool{}
	for _, f := range files {
		if !strings.HasSuffix(f, ".go") || strings.HasSuffix(f, "_test.go") || inTestdata(rel(f)) {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil || !importsDatabase(src) {
			continue
		}
		if t := tagsToInclude(&ctxt, f, src); len(t) > 0 && !swapsDatabase(&ctxt, t, built[filepath.Dir(f)]) {
			out.Files = append(out.Files, report.ExcludedFile{File: rel(f), Tags: t})
			for _, tag := range t {
				need[tag] = true
			}
		}
	}
	if len(out.Files) == 0 {
		return nil
	}
	slices.SortFunc(out.Files, func(a, b report.ExcludedFile) int { return strings.Compare(a.File, b.File) })
	for tag := range need {
		out.Tags = append(out.Tags, tag)
	}
	slices.Sort(out.Tags)
	all := slices.Concat(given, out.Tags)
	slices.Sort(all)
	out.Flag = "-tags " + strings.Join(slices.Compact(all), ",")
	return out
}

// swapsDatabase reports whether adding tags to the context's would leave
// out one of the built files (of one directory) that imports a database
// package: the tagged file is then an alternative to code the run reads.
func swapsDatabase(ctxt *build.Context, tags []string, built []string) bool {
	with := *ctxt
	with.BuildTags = slices.Concat(ctxt.BuildTags, tags)
	for _, f := range slices.Compact(slices.Sorted(slices.Values(built))) {
		src, err := os.ReadFile(f)
		if err != nil || !importsDatabase(src) {
			continue
		}
		with.OpenFile = func(string) (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(src)), nil }
		dir, name := filepath.Split(f)
		if ok, err := with.MatchFile(dir, name); err == nil && !ok {
			return true
		}
	}
	return false
}

// unloadedGoFiles lists the Go files under the module root whose
// directory is not in loaded, skipping what ./... skips: testdata,
// vendor, directories whose name starts with . or _, and nested modules.
func unloadedGoFiles(root string, loaded map[string]bool) []string {
	var out []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable: nothing to say about it
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			if path != root {
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir // another module
				}
			}
			return nil
		}
		if strings.HasSuffix(path, ".go") && !loaded[filepath.Dir(path)] {
			out = append(out, path)
		}
		return nil
	})
	return out
}

// inTestdata reports whether file, relative to its module's root, is
// under a testdata directory.
func inTestdata(file string) bool {
	return slices.Contains(strings.Split(filepath.ToSlash(file), "/"), "testdata")
}

// importsDatabase reports whether the Go source src imports a package of
// a database API sqlheat reads (or one of its subpackages: pgxpool),
// other than for its side effects (a driver registered by a blank
// import runs no query).
func importsDatabase(src []byte) bool {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.ImportsOnly)
	if err != nil {
		return false
	}
	for _, imp := range f.Imports {
		if imp.Name != nil && imp.Name.Name == "_" {
			continue // registers a driver: calls nothing
		}
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		path = dbapi.Canonical(path)
		for _, p := range dbapi.Packages {
			if path == p || strings.HasPrefix(path, p+"/") {
				return true
			}
		}
	}
	return false
}

// tagsToInclude returns the fewest custom tags that, added to the
// context's, make the build include file (whose source is src), or nil
// when none do: when the file is left out for its platform, the
// compiler, a Go release or ignore, which stay as they are. Custom tags
// are the constraint's names that are none of those.
func tagsToInclude(ctxt *build.Context, file string, src []byte) []string {
	var custom []string
	for _, expr := range constraints(src) {
		walkTags(expr, func(tag string) {
			if !knownTag(tag) && !slices.Contains(ctxt.BuildTags, tag) && !slices.Contains(custom, tag) {
				custom = append(custom, tag)
			}
		})
	}
	if len(custom) == 0 || len(custom) > 8 {
		return nil // nothing to add, or too many to try every choice
	}
	slices.Sort(custom)
	with := *ctxt
	with.OpenFile = func(string) (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(src)), nil }
	dir, name := filepath.Split(file)
	var best []string
	for set := 1; set < 1<<len(custom); set++ {
		var add []string
		for i, tag := range custom {
			if set&(1<<i) != 0 {
				add = append(add, tag)
			}
		}
		if best != nil && len(add) >= len(best) {
			continue
		}
		with.BuildTags = slices.Concat(ctxt.BuildTags, add)
		if ok, err := with.MatchFile(dir, name); err == nil && ok {
			best = add
		}
	}
	return best
}

// constraints returns the build constraints of the Go source src: its
// //go:build line, or its // +build lines.
func constraints(src []byte) []constraint.Expr {
	var plus []constraint.Expr
	for line := range strings.Lines(string(header(src))) {
		line = strings.TrimSpace(line)
		if constraint.IsGoBuild(line) {
			if x, err := constraint.Parse(line); err == nil {
				return []constraint.Expr{x}
			}
		}
		if constraint.IsPlusBuild(line) {
			if x, err := constraint.Parse(line); err == nil {
				plus = append(plus, x)
			}
		}
	}
	return plus
}

// header is src up to its package clause, where build constraints are.
func header(src []byte) []byte {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.PackageClauseOnly)
	if err != nil || f.Package <= 0 {
		return src
	}
	return src[:min(int(f.Package)-1, len(src))]
}

// walkTags calls fn with each tag of x.
func walkTags(x constraint.Expr, fn func(string)) {
	switch x := x.(type) {
	case *constraint.TagExpr:
		fn(x.Tag)
	case *constraint.NotExpr:
		walkTags(x.X, fn)
	case *constraint.AndExpr:
		walkTags(x.X, fn)
		walkTags(x.Y, fn)
	case *constraint.OrExpr:
		walkTags(x.X, fn)
		walkTags(x.Y, fn)
	}
}

// knownTag reports whether tag is set by the build itself, not the user:
// an operating system or architecture, unix, cgo, a compiler, a Go
// release, a GOEXPERIMENT, or ignore (a file never built).
func knownTag(tag string) bool {
	switch {
	case knownOS[tag], knownArch[tag],
		tag == "unix", tag == "cgo", tag == "gc", tag == "gccgo", tag == "ignore", tag == "boringcrypto",
		strings.HasPrefix(tag, "goexperiment."):
		return true
	}
	if v, ok := strings.CutPrefix(tag, "go1."); ok {
		_, err := strconv.Atoi(v)
		return err == nil
	}
	// Architecture feature levels (amd64.v3, arm.7) are set by GOAMD64
	// and kin.
	if arch, _, ok := strings.Cut(tag, "."); ok && knownArch[arch] {
		return true
	}
	return false
}

// knownOS and knownArch are the GOOS and GOARCH names go/build knows
// (its internal/syslist), past and future ones included.
var knownOS = setOf("aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
	"linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos")

var knownArch = setOf("386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64",
	"mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le",
	"riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm")

func setOf(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}
