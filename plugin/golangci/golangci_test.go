package golangci

import (
	"testing"

	"github.com/golangci/plugin-module-register/register"

	"github.com/sqlheat/sqlheat/passes/config"
)

// The settings golangci-lint passes (decoded YAML: maps and lists) become
// sqlheat's settings; a check switched off is not built.
func TestNew(t *testing.T) {
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
	if _, err := newPlugin(map[string]any{"budgte": 1}); err == nil {
		t.Error("a misspelt setting was accepted")
	}
}
