package codekind

import "testing"

func TestTestFile(t *testing.T) {
	for name, want := range map[string]bool{
		"store_test.go":           true,
		"/src/app/api/x_test.go":  true,
		"store.go":                false,
		"testdata.go":             false,
		"contest.go":              false,
		"store_test.go.orig":      false,
		"internal/testdb/db.go":   false, // test support is the graph's to know
		"/src/app/test/helper.go": false,
	} {
		if got := TestFile(name); got != want {
			t.Errorf("TestFile(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestTestPackage(t *testing.T) {
	for _, c := range []struct {
		id, path string
		want     bool
	}{
		{"example.com/app/store", "example.com/app/store", false},
		{"example.com/app/store [example.com/app/store.test]", "example.com/app/store", true},
		{"example.com/app/store_test [example.com/app/store.test]", "example.com/app/store_test", true},
		{"example.com/app/store.test", "example.com/app/store.test", true},
		{"example.com/app/testutil", "example.com/app/testutil", false},
	} {
		if got := TestPackage(c.id, c.path); got != c.want {
			t.Errorf("TestPackage(%q, %q) = %v, want %v", c.id, c.path, got, c.want)
		}
	}
}

func TestMigrationCode(t *testing.T) {
	for _, c := range []struct {
		file, pkg, fn string
		want          bool
	}{
		{"/src/app/store/store.go", "example.com/app/store", "Users", false},
		{"/src/app/store/migrate.go", "example.com/app/store", "Up", true},
		{"/src/app/db/migrations/0001.go", "example.com/app/db/migrations", "init", true},
		{"/src/app/dbmigrate/backfill.go", "example.com/app/dbmigrate", "Backfill", true},
		{"/src/app/store/store.go", "example.com/app/store", "MigrateUsers", true},
		{"/src/app/store/store.go", "example.com/app/store", "runMigrations", true},
		{"/src/app/store/store.go", "example.com/app/store", "", false},
		// Only the file's own name counts: its directory is in the
		// package path already, and a checkout under ~/migration-work is
		// no migration.
		{"/home/me/migration-work/app/store/store.go", "example.com/app/store", "Users", false},
	} {
		if got := MigrationCode(c.file, c.pkg, c.fn); got != c.want {
			t.Errorf("MigrationCode(%q, %q, %q) = %v, want %v", c.file, c.pkg, c.fn, got, c.want)
		}
	}
}

func TestMigrationSQL(t *testing.T) {
	for rel, want := range map[string]bool{
		"migrations/0001_init.sql":        true,
		"db/migrations/0001_init.sql":     true,
		"db/pgmigrations/0001_init.sql":   true,
		"internal/migrate/sql/0002.sql":   true,
		"db/0001_init.up.sql":             true,
		"db/0001_init.down.sql":           true,
		"db/0001_init_UP.sql":             true,
		"queries/users.sql":               false,
		"schema.sql":                      false,
		"migrations.sql":                  false, // a file at the root, not in a migration directory
		"db/queries/migration_status.sql": false,
	} {
		if got := MigrationSQL(rel); got != want {
			t.Errorf("MigrationSQL(%q) = %v, want %v", rel, got, want)
		}
	}
}
