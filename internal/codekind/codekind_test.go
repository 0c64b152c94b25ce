package codekind

import (
	"strings"
	"testing"
)

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

func TestSupportPackage(t *testing.T) {
	for path, want := range map[string]bool{
		"github.com/dtm-labs/dtm/helper/bench/svr": true,
		"github.com/dtm-labs/dtm/test/busi":        false, // test support: known by what imports it
		"example.com/app/internal/testutil":        false,
		"example.com/app/Benchmarks/load":          true,
		"example.com/app/store":                    false,
		"example.com/workbench/items":              false,
		"example.com/app/contest":                  false,
		"example.com/app/testing":                  false, // a package of its own name, as the standard library's
	} {
		if got := SupportPackage(path); got != want {
			t.Errorf("SupportPackage(%q) = %v, want %v", path, got, want)
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

func TestSeedCode(t *testing.T) {
	for _, c := range []struct {
		file, fn, recv string
		want           bool
	}{
		{"internal/service/demo_service.go", "generateSampleContacts", "DemoService", true},
		{"store.go", "generateSampleContacts", "DemoService", true},
		{"store.go", "SeedUsers", "", true},
		{"cmd/seed/main.go", "seedDatabase", "", true},
		{"db/seeds.go", "run", "", true},
		{"loader.go", "LoadFixtures", "", true},
		{"fixture_loader.go", "", "", true},
		{"fake.go", "", "", true},
		{"gen.go", "insertFakeUsers", "", true},
		{"store.go", "CreateUser", "Store", false},
		{"demography.go", "Load", "", false},                      // a word, not a prefix
		{"seedling.go", "Water", "", false},                       // likewise
		{"store.go", "Reseed", "", false},                         // one word
		{"store.go", "DemolishAll", "", false},                    // demolish is no demo
		{"sample.go", "SampleRows", "", false},                    // sampling is real work
		{"demo/internal/store/orders.go", "List", "Store", false}, // a demo service's code is real
		{"service/system/sys_initdb.go", "createTables", "", true},
		{"store.go", "InitDB", "", true},
		{"store.go", "tables", "InitDBService", true},
		{"store.go", "initializeDatabase", "", true},
		{"store.go", "InitCache", "", false},
		{"store.go", "DBInit", "", false}, // the words the other way: a connection, as often as not
		{"init.go", "LoadDatabase", "", false},
	} {
		if got := SeedCode(c.file, c.fn, c.recv); got != c.want {
			t.Errorf("SeedCode(%q, %q, %q) = %v, want %v", c.file, c.fn, c.recv, got, c.want)
		}
	}
}

func TestWords(t *testing.T) {
	for in, want := range map[string]string{
		"demo_service":  "demo service",
		"HTTPServer":    "http server",
		"seedUsers2DB":  "seed users db",
		"LoadFixtures":  "load fixtures",
		"getURLForSeed": "get url for seed",
	} {
		if got := strings.Join(words(in), " "); got != want {
			t.Errorf("words(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDependencyFile(t *testing.T) {
	for name, want := range map[string]bool{
		"/root/go/pkg/mod/github.com/aws/aws-sdk-go-v2/service/s3@v1.80.0/api.go": true,
		"/home/me/app/vendor/github.com/go-chi/chi/v5/mux.go":                     false, // vendored: read as before
		"/srv/vendor/acme/app/main.go":                                            false, // a checkout under a directory named vendor
		`C:\Users\me\go\pkg\mod\github.com\a\b@v1.2.3\b.go`:                       true,
		"/home/me/app/internal/store/store.go":                                    false,
		"/home/me/pkg/mod/app/store.go":                                           false, // a directory named pkg/mod, no version
		"/usr/local/go/src/net/http/server.go":                                    false, // the standard library: its own rules
	} {
		if got := DependencyFile(name); got != want {
			t.Errorf("DependencyFile(%q) = %v, want %v", name, got, want)
		}
	}
}
