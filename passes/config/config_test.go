package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoadFindsFileUpward(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "go.mod"), "module x\n")
	write(t, filepath.Join(root, FileName), "schema: [db/migrations, schema.sql]\ntraffic: traffic.json\nbudget: 7\nchecks:\n  selectstar: false\n"+
		"dsn: postgres://sqlheat@staging/shop\nlive: {min_cost: 50, min_saving: 0.3, min_rows: 5000}\n")
	pkg := filepath.Join(root, "internal", "store")
	os.MkdirAll(pkg, 0o755)

	c := Load(pkg, "", Overrides{})
	if c.Err != nil {
		t.Fatal(c.Err)
	}
	if c.ModuleRoot != root || c.File != filepath.Join(root, FileName) {
		t.Errorf("root %q file %q", c.ModuleRoot, c.File)
	}
	want := []string{filepath.Join(root, "db/migrations"), filepath.Join(root, "schema.sql")}
	if strings.Join(c.Schema, ",") != strings.Join(want, ",") {
		t.Errorf("schema = %v, want %v", c.Schema, want)
	}
	if c.Traffic != filepath.Join(root, "traffic.json") || c.Budget != 7 {
		t.Errorf("traffic %q budget %d", c.Traffic, c.Budget)
	}
	if c.DSN != "postgres://sqlheat@staging/shop" || c.Live != (Live{MinCost: 50, MinSaving: 0.3, MinRows: 5000}) {
		t.Errorf("dsn %q, live %+v", c.DSN, c.Live)
	}
	if c.Enabled("selectstar") || !c.Enabled("queryinloop") {
		t.Errorf("checks: selectstar enabled=%v queryinloop enabled=%v", c.Enabled("selectstar"), c.Enabled("queryinloop"))
	}

	// Flags override the file.
	c = Load(pkg, "", Overrides{Budget: 3, Schema: "/abs/one.sql"})
	if c.Budget != 3 || len(c.Schema) != 1 || c.Schema[0] != "/abs/one.sql" {
		t.Errorf("overrides not applied: budget %d schema %v", c.Budget, c.Schema)
	}
}

func TestDefaultsWithoutFile(t *testing.T) {
	c := Load(t.TempDir(), "", Overrides{})
	if c.File != "" || c.Err != nil || c.Budget != DefaultBudget || !c.Enabled("selectstar") {
		t.Errorf("defaults: %+v", c)
	}
}

// A misspelt key is an error naming the file, not silently ignored; the
// checks still run with the defaults.
func TestUnknownKeyIsAnError(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, FileName), "schema: x.sql\nbudgte: 3\n")
	c := Load(dir, "", Overrides{})
	if c.Err == nil || !strings.Contains(c.Err.Error(), FileName) || !strings.Contains(c.Err.Error(), "budgte") {
		t.Errorf("err = %v, want one naming the file and the key", c.Err)
	}
	if c.Budget != DefaultBudget {
		t.Errorf("budget = %d", c.Budget)
	}
}

// query_files are made absolute against the settings file; positions
// stay in .sql files unless the host (golangci-lint) shows findings in Go
// files only. A host's settings win over the file.
func TestQueryFilesAndGoPositions(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, FileName), "query_files: [queries/*.sql, extra.sql]\n")
	c := Load(root, "", Overrides{})
	want := []string{filepath.Join(root, "queries/*.sql"), filepath.Join(root, "extra.sql")}
	if c.Err != nil || strings.Join(c.QueryFiles, ",") != strings.Join(want, ",") || c.GoPositions {
		t.Errorf("query files %v (err %v), go positions %v; want %v, false", c.QueryFiles, c.Err, c.GoPositions, want)
	}
	host := Host{Settings: &Settings{QueryFiles: stringList{"q.sql"}}, SettingsBase: root, GoPositions: true}
	c = host.Load(root, "", Overrides{})
	if !c.GoPositions || len(c.QueryFiles) != 1 || c.QueryFiles[0] != filepath.Join(root, "q.sql") || c.File != "" {
		t.Errorf("host's settings: query files %v, go positions %v, file %q", c.QueryFiles, c.GoPositions, c.File)
	}
}

// Under go vet the tool runs in each package's directory: relative paths
// in flags mean the module root, the same for every package.
func TestRelativeFlagPathsAreFromModuleRoot(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "go.mod"), "module x\n")
	pkg := filepath.Join(root, "internal", "store")
	os.MkdirAll(pkg, 0o755)
	c := Load(pkg, "", Overrides{Schema: "db/migrations", Traffic: "traffic.json"})
	if len(c.Schema) != 1 || c.Schema[0] != filepath.Join(root, "db/migrations") || c.Traffic != filepath.Join(root, "traffic.json") {
		t.Errorf("schema %v traffic %q, want them under %s", c.Schema, c.Traffic, root)
	}
}
