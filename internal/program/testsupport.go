package program

import (
	"strings"

	"golang.org/x/tools/go/packages"
)

// TestSupport finds the module's test-support packages: packages that are
// not tests themselves but that only tests import, directly or through
// other test-support packages (a testdb, a testrig, fixtures). Their
// queries run against test databases, like those of _test.go files. It
// needs the packages loaded with their tests (the driver's -test, on by
// default); without them nothing is test support.
//
// A package nothing imports (a main package, a library's root) is not
// test support: nothing says it is only for tests.
func TestSupport(pkgs []*packages.Package) map[string]bool {
	prod := map[string]map[string]bool{} // module package -> its non-test importers
	tested := map[string]bool{}          // module packages some test imports
	module := map[string]bool{}
	packages.Visit(pkgs, nil, func(q *packages.Package) {
		if len(q.Syntax) > 0 && !isTest(q) {
			module[q.PkgPath] = true
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
					tested[path] = true
				}
				continue
			}
			if prod[path] == nil {
				prod[path] = map[string]bool{}
			}
			prod[path][q.PkgPath] = true
		}
	})
	// A candidate stays while every production importer is a candidate.
	cand := map[string]bool{}
	for path := range tested {
		if module[path] {
			cand[path] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for path := range cand {
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

// testOf is the package a test package tests: p for "p [p.test]" and the
// external test "p_test".
func testOf(q *packages.Package) string {
	if _, rest, ok := strings.Cut(q.ID, " ["); ok {
		return strings.TrimSuffix(strings.TrimSuffix(rest, "]"), ".test")
	}
	return strings.TrimSuffix(q.PkgPath, "_test")
}
