// Package golangci registers sqlheat as a golangci-lint v2 module plugin.
//
// golangci-lint builds plugins into a custom binary (`golangci-lint
// custom`, configured by .custom-gcl.yml) that imports this package; its
// init registers the plugin under the name "sqlheat", and .golangci.yml
// enables it and passes its settings, which are the keys of .sqlheat.yaml:
//
//	linters:
//	  enable: [sqlheat]
//	  settings:
//	    custom:
//	      sqlheat:
//	        type: module
//	        settings:
//	          schema: [db/migrations]
//	          budget: 10
//	          checks: {selectstar: false}
//
// golangci-lint prefixes each diagnostic with the plugin's name and the
// analyzer's, so findings read "sqlheat: ... (queryinloop)". Facts cross
// packages as under go vet; the whole-program resolution of interface
// calls is the standalone driver's only.
package golangci

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/passes/config"
)

func init() {
	register.Plugin("sqlheat", New)
}

type plugin struct {
	settings config.Settings
	host     config.Host
}

// settingsName says where the plugin's settings come from, in errors.
const settingsName = ".golangci.yml (linters.settings.custom.sqlheat.settings)"

// New reads the plugin's settings; golangci-lint calls it once, and
// prints the error it returns, which fails the run: an unknown key or
// check, or a path that names nothing, is a mistake to fix, not a run
// on the defaults.
func New(raw any) (register.LinterPlugin, error) {
	// golangci-lint runs in the directory holding .golangci.yml (or the
	// one it was started in), which is what relative settings mean. It
	// shows no issue outside a Go file.
	cwd, _ := os.Getwd()
	s := &config.Settings{}
	if raw != nil {
		// golangci-lint hands over decoded YAML; JSON is YAML, and
		// config reads it as strictly as a settings file.
		data, err := json.Marshal(raw)
		if err != nil {
			return nil, fmt.Errorf("sqlheat: %s: %v", settingsName, err)
		}
		if s, err = config.ReadSettings(data, settingsName, cwd); err != nil {
			return nil, fmt.Errorf("sqlheat: %w", err)
		}
	}
	host := config.Host{Settings: s, SettingsBase: cwd, GoPositions: true}
	return &plugin{settings: *s, host: host}, nil
}

// BuildAnalyzers returns the enabled checks, in a suite of the plugin's
// own (config.Suite): the settings are the plugin's, not package state
// another user of the analyzers in this process would see. Their
// foundation passes come along through Requires.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	var on []*analysis.Analyzer
	for _, a := range analyzer.Analyzers() {
		if enabled, set := p.settings.Checks[a.Name]; set && !enabled {
			continue
		}
		on = append(on, a)
	}
	return config.Suite(p.host, on...), nil
}

// GetLoadMode asks for type information: checks match APIs by type.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
