package golangci

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/golangci/plugin-module-register/register"

	"github.com/sqlheat/sqlheat/passes/config"
)

// The settings golangci-lint passes (decoded YAML: maps and lists) become
// sqlheat's settings; a check switched off is not built.
func TestNew(t *testing.T) {
	// Relative paths are relative to where golangci-lint runs.
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "db", "migrations"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	raw := map[string]any{
		"schema": []any{"db/migrations"},
		"budget": 4,
		"checks": map[string]any{"selectstar": false},
	}
	newPlugin, err := register.GetPlugin("sqlheat")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(raw)
	if err != nil {
		t.Fatal(err)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if a.Name == "selectstar" {
			t.Error("selectstar was switched off but is built")
		}
	}
	if len(as) < 3 {
		t.Errorf("analyzers: %d", len(as))
	}
	c := p.(*plugin).host.Load(t.TempDir(), "", config.Overrides{})
	if c.Budget != 4 || len(c.Schema) != 1 || c.Enabled("selectstar") || !c.GoPositions {
		t.Errorf("the plugin's settings are not in force: %+v", c)
	}
	// Nothing of it is package state: the analyzers the passes know are
	// go vet's.
	if c := config.Load(t.TempDir(), "", config.Overrides{}); c.Budget != config.DefaultBudget || c.GoPositions {
		t.Errorf("the plugin's settings leaked into config.Load: %+v", c)
	}
	for _, a := range as {
		for _, r := range a.Requires {
			if r == config.Analyzer {
				t.Errorf("%s requires the package's settings analyzer, not the plugin's", a.Name)
			}
		}
	}
	// Mistakes are errors golangci-lint prints, naming what is known.
	for raw, want := range map[string]string{
		`{"budgte": 1}`:                    `sqlheat: ` + settingsName + `: unknown key "budgte"; known keys: budget, checks, dsn, functions, live, query_files, schema, traffic, traffic_format`,
		`{"checks": {"selectstr": false}}`: `sqlheat: ` + settingsName + `: checks: unknown check "selectstr"; known checks: handlerquery, ignores, missingindex, queryinloop, selectstar`,
		`{"schema": ["migrations"]}`:       `sqlheat: ` + settingsName + `: schema: migrations does not exist`,
	} {
		var settings any
		if err := json.Unmarshal([]byte(raw), &settings); err != nil {
			t.Fatal(err)
		}
		if _, err := newPlugin(settings); err == nil || err.Error() != want {
			t.Errorf("%s: err = %v, want %s", raw, err, want)
		}
	}
}
