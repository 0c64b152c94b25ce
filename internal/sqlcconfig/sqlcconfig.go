// Package sqlcconfig reads sqlc's configuration files (sqlc.yaml,
// sqlc.yml, sqlc.json; versions 1 and 2), which tell sqlheat two things:
// where the schema is (the catalog compiles against the same files sqlc
// does) and where the queries are (so findings land in the .sql files the
// user edits). Both readers share this one decoder.
package sqlcconfig

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

// IsConfig reports whether a file name is an sqlc configuration's.
func IsConfig(name string) bool {
	switch strings.ToLower(name) {
	case "sqlc.yaml", "sqlc.yml", "sqlc.json":
		return true
	}
	return false
}

// Package is one package of a configuration: a v1 `packages` entry or a
// v2 `sql` entry. Paths are as written, relative to the file's directory.
type Package struct {
	Schema  []string
	Queries []string
	Engine  string // "postgresql" when unset, as sqlc defaults
	// Out is the directory of the generated Go ("" when the package
	// generates no Go); for v2 a `gen.go` without `out` means the
	// configuration's directory.
	Out string
}

type file struct {
	Packages []struct { // version 1
		Path    string     `yaml:"path" json:"path"`
		Schema  stringList `yaml:"schema" json:"schema"`
		Queries stringList `yaml:"queries" json:"queries"`
		Engine  string     `yaml:"engine" json:"engine"`
	} `yaml:"packages" json:"packages"`
	SQL []struct { // version 2
		Schema  stringList `yaml:"schema" json:"schema"`
		Queries stringList `yaml:"queries" json:"queries"`
		Engine  string     `yaml:"engine" json:"engine"`
		Gen     struct {
			Go *struct {
				Out string `yaml:"out" json:"out"`
			} `yaml:"go" json:"go"`
		} `yaml:"gen" json:"gen"`
		// The Go generator as a plugin (sqlc-gen-go): codegen entries
		// whose plugin is named go or golang.
		Codegen []struct {
			Plugin string `yaml:"plugin" json:"plugin"`
			Out    string `yaml:"out" json:"out"`
		} `yaml:"codegen" json:"codegen"`
	} `yaml:"sql" json:"sql"`
}

// Read decodes the configuration at path. One that cannot be read or
// decoded gives nothing: discovery must not fail the run.
func Read(path string) []Package {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var f file
	if strings.HasSuffix(strings.ToLower(path), ".json") {
		err = json.Unmarshal(data, &f)
	} else {
		err = yaml.Unmarshal(data, &f)
	}
	if err != nil {
		return nil
	}
	var out []Package
	for _, p := range f.Packages {
		out = append(out, Package{Schema: p.Schema, Queries: p.Queries, Engine: p.Engine, Out: p.Path})
	}
	for _, s := range f.SQL {
		pkg := Package{Schema: s.Schema, Queries: s.Queries, Engine: s.Engine}
		if s.Gen.Go != nil {
			pkg.Out = s.Gen.Go.Out
			if pkg.Out == "" {
				pkg.Out = "."
			}
		}
		for _, c := range s.Codegen {
			if pkg.Out == "" && (c.Plugin == "go" || c.Plugin == "golang") {
				pkg.Out = c.Out
			}
		}
		out = append(out, pkg)
	}
	for i := range out {
		if out[i].Engine == "" {
			out[i].Engine = "postgresql"
		}
	}
	return out
}

// Abs resolves a path of the configuration at config against its directory.
func Abs(config, p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(filepath.Dir(config), p)
}

// stringList is a value that is a string or a list of strings.
type stringList []string

func (l *stringList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*l = []string{n.Value}
		return nil
	}
	var list []string
	if err := n.Decode(&list); err != nil {
		return err
	}
	*l = list
	return nil
}

func (l *stringList) UnmarshalJSON(data []byte) error {
	var s string
	if err := json.Unmarshal(data, &s); err == nil {
		*l = []string{s}
		return nil
	}
	var list []string
	if err := json.Unmarshal(data, &list); err != nil {
		return err
	}
	*l = list
	return nil
}
