package schema

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sqlheat/sqlheat/internal/codekind"
	"github.com/sqlheat/sqlheat/internal/sqlcconfig"
)

// discoverDepth bounds how deep below the root Discover looks: schema
// and migration directories sit near the top of a repository, and a walk
// of a large monorepo must stay cheap.
const discoverDepth = 5

// Discover finds where the schema of the project at root lives, for runs
// without a -schema flag. In order of trust:
//
//  1. the schema paths of sqlc configurations (sqlc.yaml, sqlc.yml,
//     sqlc.json; version 1 `packages[].schema` and version 2
//     `sql[].schema`, a string or a list), since sqlc compiles against them;
//  2. else migration directories: migrations/, db/migrations/, migrate/,
//     sql/schema/, schema/ and the like, holding .sql files, or their
//     postgres/ subdirectory when they keep one per database (mysql/,
//     sqlite/ and the like are never read), after a base schema a Go
//     file named schema*.go holds as DDL literals (Mythic's `var Schema`,
//     which the migrations alter);
//  3. else schema dumps: schema.sql, structure.sql;
//  4. else Go sources that hold the migrations as SQL strings: .go files
//     (not tests) named *migrat*.go or schema*.go, or inside a
//     migrations/ or migrate/ directory, that have DDL literals (see
//     applyGo). Programs that embed their schema in Go this way often
//     run it from a package the querying packages never import.
//
// Only paths that exist are returned, sorted within each kind so that
// the result is deterministic. Hidden directories, vendor, node_modules
// and testdata are not searched.
func Discover(root string) []string {
	primary, _ := DiscoverAll(root)
	return primary
}

// DiscoverAll is Discover, and also the migration directories that an
// sqlc configuration won over: sqlc compiles against a schema file in
// which an index matters to nobody, so the migrations that really run
// may well create indexes it lacks. A check that reports a missing index
// can consult them too, and stay silent when either source has one.
func DiscoverAll(root string) (primary, secondary []string) {
	var sqlc, migrations, dumps, gosrc []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable: skip it, discovery is best effort
		}
		rel, _ := filepath.Rel(root, path)
		depth := 0
		if rel != "." {
			depth = strings.Count(rel, string(filepath.Separator)) + 1
		}
		name := d.Name()
		if d.IsDir() {
			if depth > 0 && (skipDir(name) || otherDialects[strings.ToLower(name)]) || depth > discoverDepth {
				return filepath.SkipDir
			}
			parent := strings.ToLower(filepath.Base(filepath.Dir(path)))
			// migrations/ itself, or its PostgreSQL part when it keeps one
			// directory per database (migrations/postgres, .../mysql).
			// migrations/sql: pop's (popx) migrations beside its Go ones.
			if (migrationDirNames[strings.ToLower(name)] || pgMigrationDir(name) || migrationDirNames[parent] && (postgresDirNames[strings.ToLower(name)] || strings.EqualFold(name, "sql"))) && hasSQL(path) {
				migrations = append(migrations, path)
			}
			return nil
		}
		switch strings.ToLower(name) {
		case "sqlc.yaml", "sqlc.yml", "sqlc.json":
			sqlc = append(sqlc, sqlcSchemas(path)...)
		case "schema.sql", "structure.sql":
			dumps = append(dumps, path)
		}
		if goMigrations(path, name) {
			gosrc = append(gosrc, path)
		}
		return nil
	})
	slices.Sort(migrations)
	switch {
	case len(sqlc) > 0:
		sqlc = dedup(sqlc)
		for _, m := range migrations {
			if !slices.ContainsFunc(sqlc, func(p string) bool { return p == m || strings.HasPrefix(p, m+string(filepath.Separator)) }) {
				secondary = append(secondary, m)
			}
		}
		return sqlc, secondary
	case len(migrations) > 0:
		// A base schema kept in Go (schema.go's `var Schema = ...`,
		// run before the migrations alter it): first.
		var base []string
		for _, g := range gosrc {
			if strings.HasPrefix(strings.ToLower(filepath.Base(g)), "schema") {
				base = append(base, g)
			}
		}
		slices.Sort(base)
		return append(base, migrations...), nil
	}
	if len(dumps) > 0 {
		slices.Sort(dumps)
		return dumps, nil
	}
	slices.SortFunc(gosrc, migrationOrder)
	return gosrc, nil
}

// goMigrations reports whether a Go file may hold migrations as SQL
// strings worth reading: by its name or its directory's, and by a cheap
// look at its content.
func goMigrations(path, name string) bool {
	lower := strings.ToLower(name)
	if !strings.HasSuffix(lower, ".go") || codekind.TestFile(lower) {
		return false
	}
	dir := strings.ToLower(filepath.Base(filepath.Dir(path)))
	if !codekind.Migration(lower) && !strings.HasPrefix(lower, "schema") && !migrationDirNames[dir] {
		return false
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	up := strings.ToUpper(string(data))
	return strings.Contains(up, "CREATE TABLE") || strings.Contains(up, "CREATE INDEX") || strings.Contains(up, "ALTER TABLE")
}

var migrationDirNames = map[string]bool{
	"migrations": true, "migration": true, "migrate": true,
	"schema": true, "schemas": true,
}

// pgMigrationDir matches a migration directory named for PostgreSQL
// beside those of other databases: pgmigrations/ next to chmigrations/
// (ClickHouse), pg_migrations, postgres-migrations.
func pgMigrationDir(name string) bool {
	lower := strings.ToLower(name)
	for _, suffix := range []string{"migrations", "migration"} {
		if prefix, ok := strings.CutSuffix(lower, suffix); ok && postgresDirNames[strings.TrimRight(prefix, "_-")] {
			return true
		}
	}
	return false
}

// postgresDirNames and otherDialects name the per-database directories
// of projects that support several: sqlheat parses PostgreSQL, and a
// MySQL or SQLite schema would be wrong about it (and mostly not parse).
var (
	postgresDirNames = map[string]bool{"postgres": true, "postgresql": true, "pg": true, "pgsql": true, "psql": true}
	otherDialects    = map[string]bool{
		"mysql": true, "mariadb": true, "sqlite": true, "sqlite3": true, "mssql": true,
		"sqlserver": true, "oracle": true, "clickhouse": true, "cockroach": true, "tidb": true,
	}
)

// OtherDialect reports whether path lies in a directory kept for another
// database than PostgreSQL (…/migrations/mysql/0001_x.up.sql).
func OtherDialect(path string) bool {
	for _, el := range strings.Split(filepath.ToSlash(filepath.Dir(path)), "/") {
		if otherDialects[strings.ToLower(el)] {
			return true
		}
	}
	return false
}

func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
		name == "vendor" || name == "node_modules" || name == "testdata"
}

// hasSQL reports whether dir directly holds a .sql file.
func hasSQL(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	return slices.ContainsFunc(entries, func(e fs.DirEntry) bool {
		return !e.IsDir() && strings.HasSuffix(strings.ToLower(e.Name()), ".sql")
	})
}

func dedup(paths []string) []string {
	var out []string
	for _, p := range paths {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// sqlcSchemas returns the existing schema paths an sqlc configuration
// names, relative to its directory. A configuration that does not decode
// gives none: discovery must not fail the run.
func sqlcSchemas(path string) []string {
	var out []string
	for _, pkg := range sqlcconfig.Read(path) {
		for _, p := range pkg.Schema {
			if p = sqlcconfig.Abs(path, p); exists(p) {
				out = append(out, p)
			}
		}
	}
	return out
}

func exists(p string) bool {
	if strings.ContainsAny(p, "*?[") {
		m, _ := filepath.Glob(p)
		return len(m) > 0
	}
	_, err := os.Stat(p)
	return err == nil
}
