package dialect

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestOf(t *testing.T) {
	for path, want := range map[string]string{
		"github.com/lib/pq":                        Postgres,
		"github.com/jackc/pgx/v5/stdlib":           Postgres,
		"github.com/go-sql-driver/mysql":           MySQL,
		"modernc.org/sqlite":                       SQLite,
		"gorm.io/driver/sqlite":                    SQLite,
		"github.com/uptrace/bun/dialect/pgdialect": Postgres,
		"github.com/uptrace/bun":                   "", // bun itself speaks every dialect
		"github.com/lib/pqx":                       "", // a prefix is not a package
		"database/sql":                             "",
	} {
		if got := Of(path); got != want {
			t.Errorf("Of(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestOne(t *testing.T) {
	if got := One([]string{Postgres, "", Postgres}); got != Postgres {
		t.Errorf("One(postgres twice) = %q", got)
	}
	if got := One([]string{Postgres, SQLite}); got != "" {
		t.Errorf("One(postgres, sqlite) = %q, want none", got)
	}
	if got := One(nil); got != "" {
		t.Errorf("One(nil) = %q", got)
	}
}

// A module's direct requirements say its dialects; an indirect one is a
// dependency's, and a go.mod that does not parse says nothing.
func TestModule(t *testing.T) {
	write := func(gomod string) string {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	dir := write(`module example.com/app

go 1.22

require (
	github.com/lib/pq v1.10.9
	modernc.org/sqlite v1.29.0
	github.com/go-sql-driver/mysql v1.8.0 // indirect
)
`)
	if got, want := Module(dir), []string{Postgres, SQLite}; !slices.Equal(got, want) {
		t.Errorf("Module = %q, want %q", got, want)
	}
	if got := Module(write("module x\nrequire (\n")); got != nil {
		t.Errorf("Module(broken go.mod) = %q, want nil", got)
	}
	if got := Module(t.TempDir()); got != nil {
		t.Errorf("Module(no go.mod) = %q, want nil", got)
	}
}
