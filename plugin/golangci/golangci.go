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
}

// settingsName says where the plugin's settings come from, in errors.
const settingsName = ".golangci.yml (linters.settings.custom.sqlheat.settings)"

// New reads the plugin's settings; golangci-lint calls it once, and
// prints the error it returns, which fails the run: an unknown key or
// check, or a path that names nothing, is a mistake to fix, not a run
// on the defaults.
func New(raw any) (register.LinterPlugin, error) {
	// golangci-lint runs in the directory holding .golangci.yml (or the
	// one it was started in), which is what relative settings mean.
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
	config.Embed(*s, cwd)
	return &plugin{settings: *s}, nil
}

// BuildAnalyzers returns the enabled checks; their foundation passes come
// along through Requires.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	var out []*analysis.Analyzer
	for _, a := range analyzer.Analyzers() {
		if on, set := p.settings.Checks[a.Name]; set && !on {
			continue
		}
		out = append(out, a)
	}
	return out, nil
}

// GetLoadMode asks for type information: checks match APIs by type.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
