package program

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/internal/codekind"
)

// TestSupport finds the module's test-support packages: packages that are
// not tests themselves but that only tests import, directly or through
// other test-support packages (a testdb, a testrig, fixtures, and the
// fixtures a shared suite imports). Their queries run against test
// databases, like those of _test.go files. It needs the packages loaded
// with their tests (the driver's -test, on by default); without them
// only the next rule finds any.
//
// A package nothing imports (a main package, a library's root) is not
// test support: nothing says it is only for tests; unless its types say
// so (testAPI): every function it exports takes a *testing.T or the
// like, so only a test can call into it. That finds a suite whose tests
// have a build tag the load did not set (//go:build integration): nothing
// loaded imports it, and what it imports is test support through it.
func TestSupport(pkgs []*packages.Package) map[string]bool {
	prod := map[string]map[string]bool{} // module package -> its non-test importers
	imported := map[string]bool{}        // module packages something imports, their own tests aside
	module := map[string]*packages.Package{}
	packages.Visit(pkgs, nil, func(q *packages.Package) {
		if len(q.Syntax) > 0 && !isTest(q) {
			module[q.PkgPath] = q
		}
	})
	packages.Visit(pkgs, nil, func(q *packages.Package) {
		if len(q.Syntax) == 0 {
			return
		}
		test := isTest(q)
		if strings.HasSuffix(q.PkgPath, ".test") {
			return // a test main: it imports what it tests
		}
		for path := range q.Imports {
			if test {
				// A package's own tests do not make it test support.
				if path != testOf(q) {
					imported[path] = true
				}
				continue
			}
			imported[path] = true
			if prod[path] == nil {
				prod[path] = map[string]bool{}
			}
			prod[path][q.PkgPath] = true
		}
	})
	// A candidate stays while every production importer is a candidate;
	// a package whose API only tests can call stays whatever imports it.
	cand := map[string]bool{}
	api := map[string]bool{}
	for path, q := range module {
		switch {
		case testAPI(q):
			cand[path], api[path] = true, true
		case imported[path]:
			cand[path] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for path := range cand {
			if api[path] {
				continue
			}
			for imp := range prod[path] {
				if !cand[imp] {
					delete(cand, path)
					changed = true
					break
				}
			}
		}
	}
	return cand
}

// testAPI reports whether every function and method q exports takes a
// test's value (codekind.TestingParam), and it exports some: a suite
// (AllConformance(t *testing.T, store), BenchmarkCheck(b *testing.B,
// store)) that only tests can call.
func testAPI(q *packages.Package) bool {
	if q.Types == nil || q.Name == "main" || q.IllTyped {
		return false
	}
	some := false
	test := func(fn *types.Func) bool {
		if !fn.Exported() {
			return true
		}
		some = true
		return codekind.TestingParam(fn.Signature())
	}
	scope := q.Types.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Func:
			if !test(obj) {
				return false
			}
		case *types.TypeName:
			if !obj.Exported() || obj.IsAlias() {
				continue
			}
			n, ok := obj.Type().(*types.Named)
			if !ok {
				continue
			}
			for m := range n.Methods() {
				if !test(m) {
					return false
				}
			}
		}
	}
	return some
}

// testOf is the package a test package tests: p for "p [p.test]" and the
// external test "p_test".
func testOf(q *packages.Package) string {
	if _, rest, ok := strings.Cut(q.ID, " ["); ok {
		return strings.TrimSuffix(strings.TrimSuffix(rest, "]"), ".test")
	}
	return strings.TrimSuffix(q.PkgPath, "_test")
}
