package schema

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// discoverDepth bounds how deep below the root Discover looks: schema
// and migration directories sit near the top of a repository, and a walk
// of a large monorepo must stay cheap.
const discoverDepth = 4

// Discover finds where the schema of the project at root lives, for runs
// without a -schema flag. In order of trust:
//
//  1. the schema paths of sqlc configurations (sqlc.yaml, sqlc.yml,
//     sqlc.json; version 1 `packages[].schema` and version 2
//     `sql[].schema`, a string or a list), since sqlc compiles against them;
//  2. else migration directories: migrations/, db/migrations/, migrate/,
//     sql/schema/, schema/ and the like, holding .sql files;
//  3. else schema dumps: schema.sql, structure.sql.
//
// Only paths that exist are returned, sorted within each kind so that
// the result is deterministic. Hidden directories, vendor, node_modules
// and testdata are not searched.
func Discover(root string) []string {
	var sqlc, migrations, dumps []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable: skip it, discovery is best effort
		}
		rel, _ := filepath.Rel(root, path)
		depth := 0
		if rel != "." {
			depth = strings.Count(rel, string(filepath.Separator)) + 1
		}
		name := d.Name()
		if d.IsDir() {
			if depth > 0 && skipDir(name) || depth > discoverDepth {
				return filepath.SkipDir
			}
			if migrationDirNames[strings.ToLower(name)] && hasSQL(path) {
				migrations = append(migrations, path)
			}
			return nil
		}
		switch strings.ToLower(name) {
		case "sqlc.yaml", "sqlc.yml", "sqlc.json":
			sqlc = append(sqlc, sqlcSchemas(path)...)
		case "schema.sql", "structure.sql":
			dumps = append(dumps, path)
		}
		return nil
	})
	switch {
	case len(sqlc) > 0:
		return dedup(sqlc)
	case len(migrations) > 0:
		slices.Sort(migrations)
		return migrations
	}
	slices.Sort(dumps)
	return dumps
}

var migrationDirNames = map[string]bool{
	"migrations": true, "migration": true, "migrate": true,
	"schema": true, "schemas": true,
}

func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
		name == "vendor" || name == "node_modules" || name == "testdata"
}

// hasSQL reports whether dir directly holds a .sql file.
func hasSQL(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	return slices.ContainsFunc(entries, func(e fs.DirEntry) bool {
		return !e.IsDir() && strings.HasSuffix(strings.ToLower(e.Name()), ".sql")
	})
}

func dedup(paths []string) []string {
	var out []string
	for _, p := range paths {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// sqlcConfig holds the part of an sqlc configuration that names schema
// files, in both versions of its format.
type sqlcConfig struct {
	Packages []struct {
		Schema stringList `yaml:"schema" json:"schema"`
	} `yaml:"packages" json:"packages"` // version 1
	SQL []struct {
		Schema stringList `yaml:"schema" json:"schema"`
	} `yaml:"sql" json:"sql"` // version 2
}

// stringList is a YAML/JSON value that is a string or a list of strings.
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

// sqlcSchemas returns the existing schema paths an sqlc configuration
// names, relative to its directory. A configuration that does not decode
// gives none: discovery must not fail the run.
func sqlcSchemas(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var cfg sqlcConfig
	if strings.HasSuffix(strings.ToLower(path), ".json") {
		err = json.Unmarshal(data, &cfg)
	} else {
		err = yaml.Unmarshal(data, &cfg)
	}
	if err != nil {
		return nil
	}
	var lists []stringList
	for _, p := range cfg.Packages {
		lists = append(lists, p.Schema)
	}
	for _, s := range cfg.SQL {
		lists = append(lists, s.Schema)
	}
	dir := filepath.Dir(path)
	var out []string
	for _, l := range lists {
		for _, p := range l {
			if !filepath.IsAbs(p) {
				p = filepath.Join(dir, p)
			}
			if exists(p) {
				out = append(out, p)
			}
		}
	}
	return out
}

func exists(p string) bool {
	if strings.ContainsAny(p, "*?[") {
		m, _ := filepath.Glob(p)
		return len(m) > 0
	}
	_, err := os.Stat(p)
	return err == nil
}
