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
	for _, f := range []string{"db/migrations/0001.sql", "schema.sql", "traffic.json", "one.sql"} {
		write(t, filepath.Join(root, f), "")
	}

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
	one := filepath.Join(root, "one.sql")
	c = Load(pkg, "", Overrides{Budget: 3, Schema: one})
	if c.Err != nil || c.Budget != 3 || len(c.Schema) != 1 || c.Schema[0] != one {
		t.Errorf("overrides not applied: budget %d schema %v", c.Budget, c.Schema)
	}
}

func TestDefaultsWithoutFile(t *testing.T) {
	c := Load(t.TempDir(), "", Overrides{})
	if c.File != "" || c.Err != nil || c.Budget != DefaultBudget || !c.Enabled("selectstar") {
		t.Errorf("defaults: %+v", c)
	}
}

// A misspelt key is an error naming the file and its line, not silently
// ignored; no check runs on such settings.
func TestUnknownKeyIsAnError(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "x.sql"), "")
	write(t, filepath.Join(dir, FileName), "schema: x.sql\nbudgte: 3\n")
	c := Load(dir, "", Overrides{})
	want := filepath.Join(dir, FileName) + `:2: unknown key "budgte"; known keys: budget, checks, dsn, functions, live, query_files, schema, traffic, traffic_format`
	if c.Err == nil || c.Err.Error() != want {
		t.Errorf("err = %v, want %s", c.Err, want)
	}
	if c.Enabled("selectstar") {
		t.Error("a check runs on settings with mistakes")
	}
}

// Each mistake is reported at its line, in the order of the file.
func TestSettingsErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"schema: [a.sql\n", `:1: not valid YAML: did not find expected ',' or ']'`},
		{"- schema\n", `:1: want a mapping of budget, checks, dsn, functions, live, query_files, schema, traffic, traffic_format, got a list`},
		{"budget: lots\n", `:1: budget: want a whole number, got "lots"`},
		{"budget: -1\n", `:1: budget: want a positive number of queries per request, got -1`},
		{"checks:\n  selectstar: false\n  selectstr: false\n", `:3: checks: unknown check "selectstr"; known checks: handlerquery, ignores, missingindex, queryinloop, selectstar`},
		{"checks:\n  selectstar: nope\n", `:2: checks.selectstar: want true or false, got "nope"`},
		{"traffic_format: xml\n", `:1: traffic_format: unknown traffic profile format "xml" (want json, yaml, csv, prometheus, accesslog or pg_stat_statements)`},
		{"live: {min_cost: 1, min_savings: 2}\n", `:1: live: unknown key "min_savings"; known keys: min_cost, min_rows, min_saving`},
		{"live:\n  min_saving: 50\n", `:2: live: min_saving: want a fraction of the cost between 0 and 1, got 50`},
		{"functions:\n  - name: db.Run\n  - nme: x\n", `:3: functions[1]: unknown key "nme"; known keys: name, sql_arg, write`},
		{"functions:\n  - sql_arg: 1\n", `:2: functions: an entry without a name: write name: example.com/app/db.(*Client).Run`},
		{"functions:\n  - name: Run\n", `:2: functions: "Run" is not a function name: write example.com/app/db.(*Client).Run or example.com/app/db.Run`},
		{"schema: [migrations, nope/*.sql]\n", `:1: schema: nope/*.sql matches no file`},
		{"schema:\n  - migrations\n  - nope\n", `:3: schema: nope does not exist`},
		{"traffic: t.json\n", `:1: traffic: t.json does not exist`},
		{"bogus: 1\nbudget: x\n", `:1: unknown key "bogus"; known keys: budget, checks, dsn, functions, live, query_files, schema, traffic, traffic_format` + "\n" +
			"SETTINGS:2: budget: want a whole number, got \"x\""},
	} {
		dir := t.TempDir()
		write(t, filepath.Join(dir, "migrations", "0001.sql"), "")
		file := filepath.Join(dir, FileName)
		write(t, file, tc.yaml)
		c := Load(dir, "", Overrides{})
		want := file + strings.ReplaceAll(tc.want, "SETTINGS", file)
		if c.Err == nil || c.Err.Error() != want {
			t.Errorf("%q:\n got %v\nwant %s", tc.yaml, c.Err, want)
		}
	}
}

// An empty file, or one of comments, is no settings; so is one whose
// paths all exist.
func TestSettingsWithoutMistakes(t *testing.T) {
	for _, y := range []string{"", "# nothing yet\n", "schema: migrations/*.sql\nchecks: {selectstar: false}\nfunctions: [{name: example.com/db.(*C).Run, sql_arg: 1}]\n"} {
		dir := t.TempDir()
		write(t, filepath.Join(dir, "migrations", "0001.sql"), "")
		write(t, filepath.Join(dir, FileName), y)
		if c := Load(dir, "", Overrides{}); c.Err != nil {
			t.Errorf("%q: %v", y, c.Err)
		}
	}
}

// -sqlheat.config naming a file that does not exist, and flags naming
// paths that do not exist, are errors.
func TestMissingFilesNamedByFlags(t *testing.T) {
	dir := t.TempDir()
	c := Load(dir, filepath.Join(dir, "nope.yaml"), Overrides{})
	if want := filepath.Join(dir, "nope.yaml") + ": the settings file does not exist"; c.Err == nil || c.Err.Error() != want {
		t.Errorf("err = %v, want %s", c.Err, want)
	}
	c = Load(dir, "", Overrides{Schema: "db", Traffic: "t.csv", TrafficFormat: "xml"})
	want := "schema (flag): db does not exist\ntraffic (flag): t.csv does not exist\n" +
		`traffic-format (flag): unknown traffic profile format "xml" (want json, yaml, csv, prometheus, accesslog or pg_stat_statements)`
	if c.Err == nil || c.Err.Error() != want {
		t.Errorf("err = %v, want %s", c.Err, want)
	}
}

// A host's settings (the golangci-lint plugin's) are checked as a file's
// are, but their errors have no line: the host re-encoded them.
func TestReadSettings(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.sql"), "")
	s, err := ReadSettings([]byte(`{"schema": "a.sql", "budget": 4}`), "sqlheat's settings", dir)
	if err != nil || len(s.Schema) != 1 || s.Budget != 4 {
		t.Errorf("%+v, %v", s, err)
	}
	_, err = ReadSettings([]byte(`{"schema": ["b.sql"], "checks": {"nplusone": false}}`), "sqlheat's settings", dir)
	want := `sqlheat's settings: checks: unknown check "nplusone"; known checks: handlerquery, ignores, missingindex, queryinloop, selectstar`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
	_, err = ReadSettings([]byte(`{"schema": ["b.sql"]}`), "sqlheat's settings", dir)
	if want := "sqlheat's settings: schema: b.sql does not exist"; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

// query_files are made absolute against the settings file; positions
// stay in .sql files unless the host (golangci-lint) shows findings in Go
// files only. A host's settings win over the file.
func TestQueryFilesAndGoPositions(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, FileName), "query_files: [queries/*.sql, extra.sql]\n")
	write(t, filepath.Join(root, "queries", "a.sql"), "")
	write(t, filepath.Join(root, "extra.sql"), "")
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
