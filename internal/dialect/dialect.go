// Package dialect tells which SQL dialect a program's statements are
// written for, so that advice about them is SQL the database accepts:
// PostgreSQL takes a list of keys as one array parameter (= ANY($1)) and
// expands arrays into rows with unnest, MySQL has neither, and SQLite
// reads a list from a JSON parameter with json_each.
//
// The dialect is known from what the program links: a database/sql
// driver, gorm's driver or bun's dialect package (Of), pgx (PostgreSQL
// only), an sqlc engine, or the drivers the module requires (Module). A
// program that links drivers of several dialects is written for each of
// them, and advice must then hold in all.
package dialect

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/mod/modfile"
)

// The dialects, spelt as sqlc's engines are.
const (
	Postgres = "postgresql"
	MySQL    = "mysql"
	SQLite   = "sqlite"
)

// drivers are the packages (or module paths) whose import says which
// database the program talks to.
var drivers = []struct{ path, dialect string }{
	{"github.com/lib/pq", Postgres},
	{"github.com/jackc/pgx", Postgres}, // v4, v5, their stdlib and pgxpool
	{"github.com/jackc/pgconn", Postgres},
	{"gorm.io/driver/postgres", Postgres},
	{"github.com/uptrace/bun/dialect/pgdialect", Postgres},
	{"github.com/uptrace/bun/driver/pgdriver", Postgres},
	{"github.com/go-pg/pg", Postgres},
	{"github.com/go-sql-driver/mysql", MySQL},
	{"gorm.io/driver/mysql", MySQL},
	{"github.com/uptrace/bun/dialect/mysqldialect", MySQL},
	{"github.com/mattn/go-sqlite3", SQLite},
	{"modernc.org/sqlite", SQLite},
	{"github.com/glebarez/go-sqlite", SQLite},
	{"github.com/glebarez/sqlite", SQLite},
	{"github.com/ncruces/go-sqlite3", SQLite},
	{"zombiezen.com/go/sqlite", SQLite},
	{"crawshaw.io/sqlite", SQLite},
	{"gorm.io/driver/sqlite", SQLite},
	{"github.com/uptrace/bun/dialect/sqlitedialect", SQLite},
}

// Of is the dialect of a driver package or module path, "" for any other.
func Of(path string) string {
	for _, d := range drivers {
		if path == d.path || strings.HasPrefix(path, d.path+"/") {
			return d.dialect
		}
	}
	return ""
}

// Engine is the dialect of an sqlc engine name ("postgresql", "mysql",
// "sqlite"), "" for one sqlheat does not know.
func Engine(engine string) string {
	switch strings.ToLower(engine) {
	case "postgresql", "postgres":
		return Postgres
	case "mysql":
		return MySQL
	case "sqlite", "sqlite3":
		return SQLite
	}
	return ""
}

// One is the only dialect of ds, "" when there are none or several.
func One(ds []string) string {
	first := ""
	for _, d := range ds {
		switch {
		case d == "" || d == first:
		case first == "":
			first = d
		default:
			return ""
		}
	}
	return first
}

// Module returns the dialects of the drivers the go.mod in root requires
// directly, sorted; nil without go.mod or drivers. An indirect
// requirement is a dependency's business (a test container, a tool).
// It is read once per process for each root.
func Module(root string) []string {
	if root == "" {
		return nil
	}
	v, _ := modules.LoadOrStore(root, new(module))
	m := v.(*module)
	m.once.Do(func() { m.dialects = readModule(filepath.Join(root, "go.mod")) })
	return m.dialects
}

var modules sync.Map // root -> *module

type module struct {
	once     sync.Once
	dialects []string
}

func readModule(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil // no module: nothing known, as without drivers
	}
	f, err := modfile.ParseLax(path, data, nil)
	if err != nil {
		return nil // the go command reports a broken go.mod, not us
	}
	var out []string
	for _, r := range f.Require {
		if d := Of(r.Mod.Path); d != "" && !r.Indirect && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	slices.Sort(out)
	return out
}
