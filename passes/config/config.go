// Package config is the one owner of sqlheat's settings.
//
// Every check needs the same few settings (where the schema lives, the
// traffic profile, the per-request query budget, which checks run). They
// come from a .sqlheat.yaml found upward from the package's directory and
// from flags, which override it. Reading them in each check would re-read
// the file per check and scatter flag definitions; instead this result-only
// analyzer owns the flags and the file, and checks call For(pass).
//
// The flags live on this analyzer, so under go vet they are spelled
// -sqlheat.schema=..., -sqlheat.budget=...; the standalone driver maps its
// plain -schema, -traffic and -budget flags onto them.
//
// # One run, one configuration
//
// go/analysis keeps an analyzer's flags in the Analyzer, a package
// variable, which suits go vet: one process, one run, flags parsed once.
// sqlheat also runs several ways in one process — the standalone driver
// (which analyzes the whole program and says so to the passes), the
// golangci-lint plugin (whose settings come from .golangci.yml and whose
// host shows Go positions only), tests side by side — and a setting left
// in a package variable by one would leak into the next. So nothing a
// host sets is package state:
//
//   - What a host says about itself (Host) is given to New, which makes a
//     settings analyzer of its own, with its own flags; Analyzer, the one
//     the passes Require, is New(Host{}), go vet's.
//   - Suite copies the analyzers of a run around such a settings analyzer:
//     every analyzer that requires it, directly or not, is copied with
//     fresh flags of the same names and defaults, the rest are shared.
//     The standalone driver and the plugin configure a suite of their
//     own and never write the package variables (only go vet, one run
//     per process, sets their flags), so two runs in one process — a test
//     of the plugin and one of the driver, in parallel — cannot see each
//     other's settings.
//   - Passes therefore find what they require by its result's type
//     (Result, For), not by the package variable as a key of
//     pass.ResultOf, and read their own flags from pass.Analyzer (Flag).
package config

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/guard"
	"github.com/sqlheat/sqlheat/internal/traffic"
	"gopkg.in/yaml.v3"
)

// FileName is the per-repository settings file, looked up from each
// package's directory towards the root.
const FileName = ".sqlheat.yaml"

// Config is what the checks read.
type Config struct {
	// File is the .sqlheat.yaml in force ("" when none was found); relative
	// paths in it are resolved against its directory.
	File string
	// ModuleRoot is the directory of the go.mod above the package ("" when
	// none): report paths are relative to it.
	ModuleRoot string
	// ModulePath is the path its go.mod declares ("" when none): the
	// packages under it are the module's, the others its dependencies'.
	ModulePath string

	Schema        []string // files, directories or globs, made absolute
	Traffic       string   // traffic profile, absolute
	TrafficFormat string
	Budget        int             // per-request query budget (handlerquery)
	Disabled      map[string]bool // checks switched off by name
	// Functions are extra query functions the user declared, such as an
	// in-house driver the built-in table does not know.
	Functions []Function
	// QueryFiles are files, directories or globs of named-query files
	// (-- name: blocks loaded at run time), made absolute; they add to
	// the ones discovered under the module root.
	QueryFiles []string
	// GoPositions is set when the runner shows no diagnostic outside a Go
	// file: golangci-lint drops them (its invalid_issue processor keeps
	// .go files and go.mod only). Findings about .sql files are then
	// reported at a Go position, with the .sql place in the message.
	GoPositions bool
	// WholeProgram is set when every package of the program is analyzed
	// in one process (see Host).
	WholeProgram bool
	// DSN is the database the standalone driver asks for evidence
	// (-dsn, SQLHEAT_DSN), and Live its thresholds; the passes never
	// connect to a database.
	DSN  string
	Live Live
	// Err holds the mistakes in the settings (see Problems): a file that
	// does not parse, an unknown key or check, a path named that does not
	// exist. No check runs on such settings (Enabled is false): the
	// settings pass reports the mistakes instead, and the standalone
	// driver stops on them before analyzing anything.
	Err error
}

// Live are the thresholds that decide whether a live database confirms a
// missingindex finding (see internal/livedb); zero values mean the
// defaults (cost 100, saving 0.5, 1000 rows).
type Live struct {
	MinCost   float64 `yaml:"min_cost" json:"min_cost"`
	MinSaving float64 `yaml:"min_saving" json:"min_saving"`
	MinRows   float64 `yaml:"min_rows" json:"min_rows"`
}

// Function declares a user's query function: Name is its full name as
// types.Func.FullName prints it ("example.com/db.(*Client).Run"), SQLArg
// the index of the SQL text argument.
type Function struct {
	Name   string `yaml:"name" json:"name"`
	SQLArg int    `yaml:"sql_arg" json:"sql_arg"`
	Write  bool   `yaml:"write" json:"write"`
	// Line is where the settings file declares it (0 when unknown).
	Line int `yaml:"-" json:"-"`
}

// Enabled reports whether the named check should report: not when it is
// switched off, nor when the settings have mistakes.
func (c *Config) Enabled(check string) bool { return c.Err == nil && !c.Disabled[check] }

// Settings is the shape of .sqlheat.yaml. It is also the settings shape
// of the golangci-lint plugin (decoded from JSON), so both read the same
// keys.
type Settings struct {
	Schema        stringList      `yaml:"schema" json:"schema"`
	Traffic       string          `yaml:"traffic" json:"traffic"`
	TrafficFormat string          `yaml:"traffic_format" json:"traffic_format"`
	Budget        int             `yaml:"budget" json:"budget"`
	Checks        map[string]bool `yaml:"checks" json:"checks"`
	Functions     []Function      `yaml:"functions" json:"functions"`
	QueryFiles    stringList      `yaml:"query_files" json:"query_files"`
	// DSN had better not hold a password (the file is committed): use
	// PGPASSWORD or ~/.pgpass, which the driver honours, or SQLHEAT_DSN.
	DSN  string `yaml:"dsn" json:"dsn"`
	Live Live   `yaml:"live" json:"live"`

	// lines are where each setting is written in its file (see
	// settingsParser), for messages about paths and functions.
	lines map[string]int
}

// stringList accepts `schema: a.sql` as well as `schema: [a, b]`.
type stringList []string

func (l *stringList) UnmarshalJSON(data []byte) error {
	var one string
	if err := json.Unmarshal(data, &one); err == nil {
		*l = strings.Split(one, ",")
		return nil
	}
	var list []string
	if err := json.Unmarshal(data, &list); err != nil {
		return err
	}
	*l = list
	return nil
}

func (l *stringList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*l = strings.Split(n.Value, ",")
		return nil
	}
	var s []string
	if err := n.Decode(&s); err != nil {
		return err
	}
	*l = s
	return nil
}

// DefaultBudget is the per-request query budget when nothing sets one.
const DefaultBudget = 10

// Host is what the program running the passes says about itself. The zero
// Host is go vet's (and nogo's): one package per process, settings from
// .sqlheat.yaml and flags.
type Host struct {
	// WholeProgram is set by a driver that analyzes every package of the
	// program in one process and builds its call graph (sqlheat's
	// standalone driver): the queries pass then also analyzes packages
	// that import no database package, and records every call's loops
	// (queries.Result.Loops) for the graph to join.
	WholeProgram bool
	// Settings, when not nil, are settings the host was given for
	// sqlheat (the golangci-lint plugin's, from .golangci.yml), used
	// instead of any .sqlheat.yaml; relative paths in them are relative
	// to SettingsBase.
	Settings     *Settings
	SettingsBase string
	// GoPositions says the host shows no diagnostic outside a Go file (see
	// Config.GoPositions).
	GoPositions bool
}

// Analyzer is the settings pass every pass requires: go vet's, with the
// zero Host. A driver that is not go vet runs a Suite instead.
var Analyzer = New(Host{})

// New returns a settings analyzer for host, with flags of its own.
func New(h Host) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name: "sqlheat",
		Doc:  "load sqlheat settings from flags and .sqlheat.yaml (reports mistakes in them)",
		URL:  "https://github.com/sqlheat/sqlheat#settings-file",
		Run: guard.Run(func(pass *analysis.Pass) (any, error) {
			c := h.LoadFlags(&pass.Analyzer.Flags, packageDir(pass))
			reportProblems(pass, c)
			return c, nil
		}),
		ResultType: reflect.TypeOf((*Config)(nil)),
	}
	a.Flags.String("schema", "", "comma-separated schema files, directories or globs (migrations)")
	a.Flags.String("traffic", "", "traffic profile file")
	a.Flags.String("traffic-format", "", "traffic profile format (json, yaml, csv, prometheus, accesslog, pgss); sniffed when empty")
	a.Flags.Var(new(Budget), "budget", BudgetUsage)
	a.Flags.String("config", "", "settings file to use instead of the "+FileName+" found upward from each package")
	return a
}

// LoadFlags loads the settings for a package in dir under host h with the
// values of fs, a settings analyzer's flags, as that analyzer's pass
// does: a driver checks them so before it analyzes anything.
func (h Host) LoadFlags(fs *flag.FlagSet, dir string) *Config {
	get := func(name string) any { return fs.Lookup(name).Value.(flag.Getter).Get() }
	return h.Load(dir, get("config").(string), Overrides{
		Schema: get("schema").(string), Traffic: get("traffic").(string),
		TrafficFormat: get("traffic-format").(string), Budget: get("budget").(int),
	})
}

// Budget is the value of a -budget flag: a number of queries per request,
// at least 1; 0, its zero value, means not given.
type Budget int

// BudgetUsage is the usage of a -budget flag.
const BudgetUsage = "handlerquery: at most `n` queries per request (default 10)"

func (b *Budget) String() string { return strconv.Itoa(int(*b)) }

// Get returns the budget as an int, as the flag package's Int does.
func (b *Budget) Get() any { return int(*b) }

func (b *Budget) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return errors.New("a budget is a number of queries, at least 1")
	}
	*b = Budget(n)
	return nil
}

// fresh is a new Budget, for a copy of the flag (see copyFlag): a copy
// must check its values as the original does.
func (b *Budget) fresh() flag.Value { return new(Budget) }

// For returns the settings for pass, which must Require the settings
// analyzer; the defaults when it failed.
func For(pass *analysis.Pass) *Config {
	if c := Result[*Config](pass); c != nil {
		return c
	}
	return defaults()
}

// Result returns the result of type T among the results of the analyzers
// pass requires, or the zero T. An analyzer is found by the type of its
// result, not by its package variable: in a Suite, the analyzers are
// copies.
func Result[T any](pass *analysis.Pass) T {
	for _, r := range pass.ResultOf {
		if t, ok := r.(T); ok {
			return t
		}
	}
	var zero T
	return zero
}

// Flag returns the value of the flag called name of the pass's own
// analyzer: a check reads its flags there rather than from a package
// variable, so that each Suite has its own. It panics on a flag the
// analyzer does not declare.
func Flag[T any](pass *analysis.Pass, name string) T {
	f := pass.Analyzer.Flags.Lookup(name)
	if f == nil {
		panic(fmt.Sprintf("%s has no flag %s", pass.Analyzer.Name, name))
	}
	return f.Value.(flag.Getter).Get().(T)
}

func defaults() *Config { return &Config{Budget: DefaultBudget, Disabled: map[string]bool{}} }

// Overrides are settings given on the command line; zero values mean "not
// given" and leave the file's value in place.
type Overrides struct {
	Schema        string
	Traffic       string
	TrafficFormat string
	Budget        int
}

// Load finds the settings for a package in dir under go vet: the file
// named by explicit (or the nearest .sqlheat.yaml upward from dir), then
// overrides. Files are read once per process; the result depends only on
// their content.
func Load(dir, explicit string, o Overrides) *Config { return Host{}.Load(dir, explicit, o) }

// Load finds the settings for a package in dir under host h: the host's
// settings, or the file named by explicit (or the nearest .sqlheat.yaml
// upward from dir), then overrides.
func (h Host) Load(dir, explicit string, o Overrides) *Config {
	c := defaults()
	c.WholeProgram, c.GoPositions = h.WholeProgram, h.GoPositions
	c.ModuleRoot = FindUp(dir, "go.mod")
	c.ModulePath = modulePath(c.ModuleRoot)
	path := explicit
	if path == "" {
		path = FindUp(dir, FileName)
		if path != "" {
			path = filepath.Join(path, FileName)
		}
	} else if !filepath.IsAbs(path) {
		// As for the other flags (below): go vet starts the tool in each
		// package's directory, so the module root is the one base that
		// means the same for every package.
		base := c.ModuleRoot
		if base == "" {
			base, _ = os.Getwd()
		}
		path = filepath.Join(base, path)
	}
	var errs []error
	switch {
	case h.Settings != nil:
		// Settings handed over by a host (the golangci-lint plugin) win
		// over any file: they are what the user configured for that host.
		// The host read them with ReadSettings, which checked them.
		c.apply(h.Settings, h.SettingsBase)
	case path != "":
		f, err := readFile(path)
		c.File = path
		if err != nil {
			errs = append(errs, err)
		} else {
			c.apply(f, filepath.Dir(path))
			errs = append(errs, f.checkPaths(filepath.Dir(path), path)...)
		}
	}
	// Relative paths in flags are relative to the module root: go vet
	// starts the tool in each package's directory, so the working
	// directory would mean a different place for every package. (The
	// standalone driver makes its flags absolute before they get here.)
	base := c.ModuleRoot
	if base == "" {
		base, _ = os.Getwd()
	}
	if o.Schema != "" {
		c.Schema = absAll(base, strings.Split(o.Schema, ","))
	}
	if o.Traffic != "" {
		c.Traffic = absPath(base, o.Traffic)
	}
	if o.TrafficFormat != "" {
		c.TrafficFormat = o.TrafficFormat
	}
	if o.Budget > 0 {
		c.Budget = o.Budget
	}
	errs = append(errs, o.check(base)...)
	c.Err = errors.Join(errs...)
	return c
}

// check reports the paths of o that name nothing, and a traffic format
// that does not exist.
func (o Overrides) check(base string) []error {
	var errs []error
	for _, p := range strings.Split(o.Schema, ",") {
		if strings.TrimSpace(p) != "" {
			if msg := checkPath("schema (flag)", base, p); msg != "" {
				errs = append(errs, &Error{Msg: msg})
			}
		}
	}
	if o.Traffic != "" {
		if msg := checkPath("traffic (flag)", base, o.Traffic); msg != "" {
			errs = append(errs, &Error{Msg: msg})
		}
	}
	if _, err := traffic.ParseFormat(o.TrafficFormat); err != nil {
		errs = append(errs, &Error{Msg: "traffic-format (flag): " + err.Error()})
	}
	return errs
}

// checkPaths reports the paths of s, relative to base, that name nothing;
// file is where s was read, for the line of each.
func (s *Settings) checkPaths(base, file string) []error {
	var errs []error
	check := func(key string, paths []string) {
		for i, p := range paths {
			if strings.TrimSpace(p) == "" {
				continue
			}
			if msg := checkPath(key, base, p); msg != "" {
				line := s.lines[fmt.Sprintf("%s[%d]", key, i)]
				if line == 0 {
					line = s.lines[key]
				}
				errs = append(errs, &Error{File: file, Line: line, Msg: msg})
			}
		}
	}
	check("schema", s.Schema)
	if s.Traffic != "" {
		check("traffic", []string{s.Traffic})
	}
	check("query_files", s.QueryFiles)
	return errs
}

// apply takes the settings of f, with relative paths against base.
func (c *Config) apply(f *Settings, base string) {
	c.Schema = absAll(base, f.Schema)
	c.Traffic = absPath(base, f.Traffic)
	c.TrafficFormat = f.TrafficFormat
	if f.Budget > 0 {
		c.Budget = f.Budget
	}
	for name, on := range f.Checks {
		if !on {
			c.Disabled[name] = true
		}
	}
	c.Functions = f.Functions
	c.QueryFiles = absAll(base, f.QueryFiles)
	c.DSN, c.Live = f.DSN, f.Live
}

// fileCache memoizes parsed settings files by path. It holds only the
// parse of a file's bytes, so it cannot make two packages disagree.
var fileCache sync.Map // path -> *cached

type cached struct {
	once sync.Once
	f    *Settings
	err  error
}

// modulePath is the module path the go.mod in root declares, read once
// per process ("" when root is "" or its go.mod does not say).
func modulePath(root string) string {
	if root == "" {
		return ""
	}
	v, _ := modCache.LoadOrStore(root, new(cachedPath))
	c := v.(*cachedPath)
	c.once.Do(func() {
		if data, err := os.ReadFile(filepath.Join(root, "go.mod")); err == nil {
			c.path = modfile.ModulePath(data)
		}
	})
	return c.path
}

var modCache sync.Map // module root -> *cachedPath

type cachedPath struct {
	once sync.Once
	path string
}

func readFile(path string) (*Settings, error) {
	v, _ := fileCache.LoadOrStore(path, new(cached))
	c := v.(*cached)
	c.once.Do(func() { c.f, c.err = parseFile(path) })
	return c.f, c.err
}

func parseFile(path string) (*Settings, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &Error{File: path, Msg: "the settings file does not exist"}
		}
		return nil, &Error{File: path, Msg: err.Error()}
	}
	return parseSettings(data, path)
}

// ReadSettings reads settings a host was given for sqlheat (the
// golangci-lint plugin's, from .golangci.yml, as JSON or YAML) and checks
// them as a settings file is checked: unknown keys and checks, paths
// (relative to base) that name nothing. name says where they come from,
// for the errors, which carry no line.
func ReadSettings(data []byte, name, base string) (*Settings, error) {
	s, err := parseSettings(data, name)
	if err == nil {
		err = errors.Join(s.checkPaths(base, name)...)
	}
	if err != nil {
		// Lines of a document the host re-encoded mean nothing to the
		// user.
		var errs []error
		for _, e := range Problems(err) {
			errs = append(errs, &Error{File: name, Msg: e.Msg})
		}
		return nil, errors.Join(errs...)
	}
	return s, nil
}

// FindUp returns the nearest directory at or above dir that holds name, or "".
func FindUp(dir, name string) string {
	if dir == "" {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return dir
		} else if !errors.Is(err, fs.ErrNotExist) {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// packageDir is the directory of the package's first Go file. go vet runs
// the tool in the package's directory, but the driver and golangci-lint do
// not, so the files are the reliable anchor.
func packageDir(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		if name := pass.Fset.File(f.Pos()).Name(); name != "" {
			return filepath.Dir(name)
		}
	}
	for _, name := range pass.OtherFiles {
		return filepath.Dir(name)
	}
	return ""
}

func absAll(base string, paths []string) []string {
	var out []string
	for _, p := range paths {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, absPath(base, p))
		}
	}
	return out
}

func absPath(base, p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(base, p)
}
