// Package codekind says, by names alone, what kind of code a place is:
// test code, or a schema migration. Findings there are about code that
// runs against test databases, or once per deployment, not per request.
//
// These are the one set of rules every runner shares: go vet and the
// golangci-lint plugin, which see one package at a time and have nothing
// but names to go by, and the standalone driver where its program graph
// cannot tell. The graph (internal/program) knows a migration by what
// registers and runs it, and test support by what imports it; where it
// knows, it decides, and these rules are not asked.
//
// The package imports only the standard library, so that every pass can
// use it.
package codekind

import (
	"path"
	"path/filepath"
	"strings"
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
