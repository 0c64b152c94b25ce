// Package codekind says, by names, what kind of code a place is: test
// code, or a schema migration; and by types, the test code outside
// _test.go files (TestingParam). Findings there are about code that
// runs against test databases, or once per deployment, not per request.
//
// These are the one set of rules every runner shares: go vet and the
// golangci-lint plugin, which see one package at a time and have nothing
// but names and types to go by, and the standalone driver where its
// program graph cannot tell. The graph (internal/program) knows a
// migration by what registers and runs it, and test support by what
// imports it; where it knows, it decides, and the names are not asked.
// A test's parameter (TestingParam) says the same to every runner.
//
// The package imports only the standard library, so that every pass can
// use it.
package codekind

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"path/filepath"
	"strings"
	"unicode"
)

// TestFile reports whether a file (a name or a path) is a Go test file,
// which only go test compiles.
func TestFile(name string) bool { return strings.HasSuffix(name, "_test.go") }

// TestPackage reports whether a package, by its go/packages ID and
// import path, is compiled only for tests: a package's test variant
// ("p [p.test]"), an external test package (p_test), or a test main
// (p.test).
func TestPackage(id, pkgPath string) bool {
	return id != pkgPath || strings.HasSuffix(pkgPath, "_test") || strings.HasSuffix(pkgPath, ".test")
}

// SupportPackage reports whether a package's import path says it is a
// benchmark's harness rather than the service: an element of the path is
// bench, benchmark(s), loadtest or stresstest (a load generator, and the
// server it loads). Its loops run a configured number of times against
// a test database, not per request of the service; an element only
// holding such a word (workbench) says nothing. Test support is not
// known so: the program graph knows it by what imports it, and its
// types by their testing parameters (see TestingParam), never by a
// directory's name.
func SupportPackage(pkgPath string) bool {
	for _, e := range strings.Split(pkgPath, "/") {
		switch strings.ToLower(e) {
		case "bench", "benchmark", "benchmarks", "loadtest", "stresstest":
			return true
		}
	}
	return false
}

// Migration reports whether a name says migration: a file, a function,
// a directory or any element of a package path whose name holds
// "migrat", in any case (migrate.go, migrations/, dbmigrate,
// MigrateUsers, runMigrations).
func Migration(name string) bool { return strings.Contains(strings.ToLower(name), "migrat") }

// MigrationCode reports whether code, by the file it is in (a name or a
// path), its package's import path and its function's name ("" outside
// any), says migration: any of the three does.
func MigrationCode(file, pkgPath, funcName string) bool {
	return Migration(filepath.Base(file)) || Migration(pkgPath) || Migration(funcName)
}

// MigrationSQL reports whether a .sql file, by its slash-separated path
// relative to the module root, is a migration, whose statements are
// schema rather than queries the program runs: it is in a directory whose
// name says migration, or its name ends as golang-migrate, dbmate and the
// like name theirs (.up.sql, .down.sql, _up.sql, _down.sql).
func MigrationSQL(rel string) bool {
	if dir := path.Dir(rel); dir != "." && Migration(dir) {
		return true
	}
	n := strings.ToLower(path.Base(rel))
	for _, s := range []string{".up.sql", ".down.sql", "_up.sql", "_down.sql"} {
		if strings.HasSuffix(n, s) {
			return true
		}
	}
	return false
}

// SeedCode reports whether code, by the file it is in (a name or a
// path) and the names of its function and of that function's receiver
// type ("" where there is none), says it makes demo, seed or fixture
// data, or sets a database up: one of the words of a name (split at case
// changes, digits and punctuation, as in demo_service.go, SeedUsers or
// fixtureLoader) is seed, demo, fixture or fake, or a form of them, or
// initdb, or two words in a row are init (or initialize) and db (or
// database): InitDB, sys_initdb.go. Such code fills a database with its
// tables and first rows once, for a new installation, a demo instance,
// a developer's set-up or a test, by design one table or row at a time:
// its loops are not a request's cost, whatever route (an installer's,
// an admin's demo reset) or command runs them.
//
// The package path is not asked: a whole service may be a demo (an
// example application), its code no less real for it.
func SeedCode(file, funcName, recvName string) bool {
	return seedName(strings.TrimSuffix(filepath.Base(file), ".go")) || seedName(funcName) || seedName(recvName)
}

// seedWords are the words that say seed data, as seedName splits them.
var seedWords = map[string]bool{
	"seed": true, "seeds": true, "seeder": true, "seeders": true, "seeding": true,
	"demo": true, "demos": true,
	"fixture": true, "fixtures": true,
	"fake": true, "fakes": true, "faker": true,
	"initdb": true,
}

// seedName reports whether one of the words of name is a seed word, or
// two in a row say a database's set-up.
func seedName(name string) bool {
	ws := words(name)
	for i, w := range ws {
		if seedWords[w] {
			return true
		}
		if i > 0 && (ws[i-1] == "init" || ws[i-1] == "initialize") && (w == "db" || w == "database") {
			return true
		}
	}
	return false
}

// words splits an identifier or a file name into its lower-case words:
// at punctuation and digits, before an upper-case letter that follows a
// lower-case one, and before the last upper-case letter of a run that a
// lower-case letter follows (HTTPServer: http, server).
func words(name string) []string {
	var out []string
	rs := []rune(name)
	start := -1
	flush := func(i int) {
		if start >= 0 && i > start {
			out = append(out, strings.ToLower(string(rs[start:i])))
		}
		start = -1
	}
	for i, r := range rs {
		letter := unicode.IsLetter(r)
		switch {
		case !letter:
			flush(i)
			continue
		case start < 0:
			start = i
			continue
		}
		prev := rs[i-1]
		upper := unicode.IsUpper(r)
		if upper && unicode.IsLower(prev) ||
			upper && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]) {
			flush(i)
			start = i
		}
	}
	flush(len(rs))
	return out
}

// TestingParam reports whether a function of signature sig takes a value
// only a test has: a *testing.T, *testing.B or *testing.F, a testing.TB,
// or a *testing.M. Nothing but go test makes these, so a function taking
// one is test code wherever its file is: a benchmark suite's
// BenchmarkX(b *testing.B, store) in a package its tests share, a
// datastore conformance test, a fixture that fails the test on error
// (require.NoError(t, ...)). Its loops run once per test against a test
// database, not per request.
//
// Unlike the rules above it goes by types, not names, which go vet has
// too: the parameter says what calls the function, not what it is called.
func TestingParam(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	for v := range sig.Params().Variables() {
		t := v.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := types.Unalias(t).(*types.Named)
		if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "testing" {
			continue
		}
		switch n.Obj().Name() {
		case "T", "B", "F", "TB", "M":
			return true
		}
	}
	return false
}

// TestCode is the test code of a package's files by TestingParam: the
// functions, declared or literal, taking a test's value, with all they
// hold (a closure in a benchmark, a goroutine a conformance test starts).
type TestCode []ast.Node

// TestHelpers finds the test code (TestCode) of files, whose types info
// holds.
func TestHelpers(files []*ast.File, info *types.Info) TestCode {
	var out TestCode
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			var sig *types.Signature
			switch n := n.(type) {
			case *ast.FuncDecl:
				if fn, ok := info.Defs[n.Name].(*types.Func); ok {
					sig = fn.Signature()
				}
			case *ast.FuncLit:
				sig, _ = info.TypeOf(n).(*types.Signature)
			default:
				return true
			}
			if TestingParam(sig) {
				out = append(out, n)
				return false // what it holds is in it
			}
			return true
		})
	}
	return out
}

// Holds reports whether pos is in the test code.
func (c TestCode) Holds(pos token.Pos) bool {
	for _, n := range c {
		if n.Pos() <= pos && pos < n.End() {
			return true
		}
	}
	return false
}

// DependencyFile reports whether the file at path is a dependency's,
// from another module's version in the module cache (a directory named
// module@version under pkg/mod). Its code is no user's to fix, and no
// route of the module is declared in it. (A vendor directory is not
// told apart: a checkout under a directory of that name would be.)
func DependencyFile(path string) bool {
	p := strings.ReplaceAll(path, `\`, "/") // a Windows path, wherever it is read
	i := strings.Index(p, "/pkg/mod/")
	return i >= 0 && strings.Contains(p[i:], "@")
}
