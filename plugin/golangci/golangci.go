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

// New decodes the plugin's settings; golangci-lint calls it once.
func New(raw any) (register.LinterPlugin, error) {
	var s config.Settings
	if raw != nil {
		var err error
		if s, err = register.DecodeSettings[config.Settings](raw); err != nil {
			return nil, err
		}
	}
	// golangci-lint runs in the directory holding .golangci.yml (or the
	// one it was started in), which is what relative settings mean. It
	// shows no issue outside a Go file.
	cwd, _ := os.Getwd()
	host := config.Host{Settings: &s, SettingsBase: cwd, GoPositions: true}
	return &plugin{settings: s, host: host}, nil
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
