// Package shapes holds loops whose trip count does not grow with data, or
// whose query does not run per item, next to look-alikes that do.
package shapes

import (
	"context"
	"database/sql"
	"flag"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/viper"
)

type Store struct {
	db *sql.DB

	once  sync.Once
	names map[int64]string
	kinds []string
	memo  map[int64]string
}

func (s *Store) user(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, `SELECT name FROM users WHERE id = $1`, id)
	return err
}

// Lead looks the lead up once: the loop leaves right after the query.
func (s *Store) Lead(ctx context.Context, ids []int64) (err error) {
	for _, id := range ids {
		if id > 0 {
			err = s.user(ctx, id) // silent: at most once, the loop breaks next
			break
		}
	}
	return err
}

// First returns after the query: at most once.
func (s *Store) First(ctx context.Context, ids []int64) error {
	for _, id := range ids {
		if id > 0 {
			return s.user(ctx, id) // silent: the query is in the return
		}
	}
	return nil
}

// Each returns only on an error: the loop goes on after each query.
func (s *Store) Each(ctx context.Context, ids []int64) error {
	for _, id := range ids {
		if err := s.user(ctx, id); err != nil { // want `shapes.\(\*Store\).user runs .* once per item of ids`
			return err
		}
	}
	return nil
}

// BreakSwitch breaks the switch, not the loop.
func (s *Store) BreakSwitch(ctx context.Context, ids []int64) {
	for _, id := range ids {
		switch {
		case id > 0:
			s.user(ctx, id) // want `once per item of ids`
			break
		}
	}
}

// defaultKinds is a fixed list: nothing in the package assigns it.
var defaultKinds = []string{"bug", "feature", "chore"}

// growing is appended to below: its length is data.
var growing = []string{"a"}

func Register(k string) { growing = append(growing, k) }

func (s *Store) insertKind(ctx context.Context, k string) {
	s.db.ExecContext(ctx, `INSERT INTO kinds (name) VALUES ($1)`, k)
}

func (s *Store) Fill(ctx context.Context) {
	for _, k := range defaultKinds {
		s.insertKind(ctx, k) // silent: three kinds, whatever the data
	}
	for k := range map[string]bool{"todo": true, "done": true} {
		s.insertKind(ctx, k) // silent: the keys of a map literal
	}
	for _, k := range growing {
		s.insertKind(ctx, k) // want `once per item of growing`
	}
}

// DefaultKinds hands out a copy of the fixed list, which no caller can
// change.
func DefaultKinds() []string { return append([]string(nil), defaultKinds...) }

// growingKinds copies a list the package appends to: data.
func growingKinds() []string { return append([]string{}, growing...) }

// someKinds returns the fixed list or a copy of it.
func someKinds(all bool) []string {
	if all {
		return defaultKinds
	}
	return slices.Clone(defaultKinds)
}

func (s *Store) FillCopies(ctx context.Context) {
	kinds := DefaultKinds()
	for _, k := range kinds {
		s.insertKind(ctx, k) // silent: a copy of the three kinds
	}
	for _, k := range someKinds(true) {
		s.insertKind(ctx, k) // silent: likewise, ranged over the call
	}
	more := growingKinds()
	for _, k := range more {
		s.insertKind(ctx, k) // want `once per item of more`
	}
	grown := DefaultKinds()
	for _, k := range someKinds(false) {
		grown = append(grown, k+"s")
	}
	for _, k := range grown {
		s.insertKind(ctx, k) // want `once per item of grown`
	}
}

// Args runs a query per argument an operator typed.
func (s *Store) Args(ctx context.Context) {
	for _, a := range os.Args[1:] {
		s.insertKind(ctx, a) // silent: the command line's arguments
	}
	for _, a := range flag.Args() {
		s.insertKind(ctx, a) // silent: likewise
	}
	args := flag.Args()
	for _, a := range args {
		s.insertKind(ctx, a) // silent: likewise, through a variable
	}
}

// Name reads the names once, into a cache.
func (s *Store) Name(ctx context.Context, id int64) string {
	s.once.Do(func() {
		s.names = map[int64]string{}
		s.db.QueryContext(ctx, `SELECT id, name FROM names`)
	})
	return s.names[id]
}

// Kinds fills its cache under a nil check.
func (s *Store) Kinds(ctx context.Context) []string {
	if s.kinds == nil {
		s.kinds = []string{}
		s.db.QueryContext(ctx, `SELECT name FROM kinds`)
	}
	return s.kinds
}

// Memo caches per key: one query per distinct id, which is data.
func (s *Store) Memo(ctx context.Context, id int64) string {
	if _, ok := s.memo[id]; !ok {
		s.memo[id] = ""
		s.db.QueryContext(ctx, `SELECT name FROM names WHERE id = $1`, id)
	}
	return s.memo[id]
}

func (s *Store) Names(ctx context.Context, ids []int64) {
	for _, id := range ids {
		s.Name(ctx, id) // silent: the cache is filled once
		s.Kinds(ctx)    // silent: likewise
		s.Memo(ctx, id) // want `shapes.\(\*Store\).Memo runs .* once per item of ids`
	}
}

// Config is read from a file: its lists are as long as an operator makes
// them.
type Config struct {
	Regions []string `yaml:"regions"`
	Tenants []string `json:"tenants"`
	Seeds   int      `env:"SEEDS, default=10"`
}

// Project is a record a mapper reads, exported as YAML too: its lists
// are data.
type Project struct {
	Name      string   `db:"name" yaml:"name"`
	Workflows []string `db:"-" yaml:"workflows"`
}

func (s *Store) Configured(ctx context.Context, cfg *Config, p *Project) {
	for _, r := range cfg.Regions {
		s.insertKind(ctx, r) // silent: configuration
	}
	for _, t := range cfg.Tenants {
		s.insertKind(ctx, t) // want `once per item of cfg.Tenants`
	}
	for _, w := range p.Workflows {
		s.insertKind(ctx, w) // want `once per item of p.Workflows`
	}
	// Counts up to configuration: as many as an operator writes.
	for i := 0; i < cfg.Seeds; i++ {
		s.insertKind(ctx, "seed") // silent: a configured count
	}
	for i := 0; i < len(cfg.Regions); i++ {
		s.insertKind(ctx, cfg.Regions[i]) // silent: configuration, by index
	}
	n := cfg.Seeds
	for i := 0; i < n; i++ {
		s.insertKind(ctx, "seed") // silent: through a variable
	}
	for i := 0; i < len(cfg.Tenants); i++ {
		s.insertKind(ctx, cfg.Tenants[i]) // want `once per item of cfg.Tenants`
	}
	for i := 0; i < len(p.Workflows); i++ {
		s.insertKind(ctx, p.Workflows[i]) // want `once per item of p.Workflows`
	}
	// Settings from the environment and a configuration library.
	for _, r := range strings.Split(os.Getenv("REGIONS"), ",") {
		s.insertKind(ctx, r) // silent: an environment variable's list
	}
	hosts := strings.Fields(os.Getenv("HOSTS"))
	for _, h := range hosts {
		s.insertKind(ctx, h) // silent: through a variable
	}
	for _, t := range viper.GetStringSlice("tenants") {
		s.insertKind(ctx, t) // silent: viper's setting
	}
	for i := 0; i < viper.GetInt("seeds"); i++ {
		s.insertKind(ctx, "seed") // silent: a configured count
	}
	for _, w := range strings.Split(p.Name, ",") {
		s.insertKind(ctx, w) // want `once per item of strings.Split`
	}
}

// Shift consumes a parameter it reassigns from itself: what it holds is
// not known (and finding that out must not chase args back into args).
func (s *Store) Shift(ctx context.Context, args []string, cfg *Config) {
	for len(args) > 0 && args[0] == "-" {
		args = args[1:]
	}
	for _, a := range args {
		s.insertKind(ctx, a) // want `once per item of args`
	}
	regions := cfg.Regions
	regions = regions[1:]
	for _, r := range regions {
		s.insertKind(ctx, r) // want `once per item of regions`
	}
}

// Hooks are functions the code registers: as many as it registers.
type Hooks struct {
	byName map[string]func(context.Context) error
}

func (s *Store) RecordHooks(ctx context.Context, h *Hooks) {
	for name := range h.byName {
		s.insertKind(ctx, name) // silent: a range over functions
	}
}

// reloadHandler is a function registered with its name.
type reloadHandler struct {
	name    string
	handler func(ctx context.Context)
}

// Reloader runs its registered handlers on each change.
type Reloader struct {
	handlers []reloadHandler
	jobs     []reloadJob
}

// reloadJob is a handler with the row it reloads: data, not code.
type reloadJob struct {
	handler func(ctx context.Context)
	row     *Config
}

func (r *Reloader) Register(name string, h func(ctx context.Context)) {
	r.handlers = append(r.handlers, reloadHandler{name: name, handler: h})
}

func (s *Store) Reload(ctx context.Context, r *Reloader) {
	for _, h := range r.handlers {
		s.insertKind(ctx, h.name) // silent: a range over registered functions
	}
	for _, j := range r.jobs {
		s.insertKind(ctx, "job") // want `once per item of r.jobs`
		_ = j
	}
}

// Tasks makes one closure per id: that list is as long as the data.
func (s *Store) Tasks(ctx context.Context, ids []int64) {
	var tasks []func()
	for range ids {
		tasks = append(tasks, func() {})
	}
	for range tasks {
		s.insertKind(ctx, "task") // want `once per item of tasks`
	}
}

// Pairs stops looking at a member once it found its match: a continue of
// the outer loop leaves the inner one.
func (s *Store) Pairs(ctx context.Context, teams [][]int64, leads []int64) {
outer:
	for _, team := range teams {
		for _, id := range team {
			if id == leads[0] {
				s.user(ctx, id) // want `once per item of teams`
				continue outer
			}
		}
	}
next:
	for _, team := range teams {
		for _, id := range team {
			if id == leads[0] {
				s.user(ctx, id) // silent: at most once, the break leaves both loops
				break next
			}
		}
	}
	for _, team := range teams {
	inner:
		for _, id := range team {
			s.user(ctx, id) // want `once per item of team, inside the loop over teams`
			continue inner
		}
	}
}

// Flagged loads the owner the first time a row needs it: the flag set
// next makes it once per call, not per row.
func (s *Store) Flagged(ctx context.Context, ids []int64) {
	loaded := false
	for _, id := range ids {
		if !loaded {
			s.user(ctx, id) // silent: at most once, the flag is set next
			loaded = true
		}
	}
	for _, id := range ids {
		seen := false
		if !seen {
			s.user(ctx, id) // want `once per item of ids`
			seen = true
		}
	}
	for _, id := range ids {
		if !loaded {
			s.user(ctx, id) // want `once per item of ids`
		}
	}
}

// Checked goes on while nothing failed: a nil error is no cache, and a
// local variable is no cache of the process.
func (s *Store) Checked(ctx context.Context, ids []int64) {
	var err error
	for _, id := range ids {
		if err == nil {
			err = s.user(ctx, id) // want `once per item of ids`
		}
	}
	for _, id := range ids {
		if err := s.user(ctx, 0); err == nil { // want `once per item of ids`
			_, err := s.db.ExecContext(ctx, `DELETE FROM users WHERE id = $1`, id) // want `once per item of ids`
			_ = err
		}
	}
	var names []string
	for _, id := range ids {
		if len(names) == 0 {
			names = []string{}
			s.user(ctx, id) // want `once per item of ids`
		}
	}
}

// Steps runs the statements it is given, from the version the database
// is at: each item is a different statement, which no single query
// replaces.
func (s *Store) Steps(ctx context.Context, steps []string, version int) {
	for i := version; i < len(steps); i++ {
		s.db.ExecContext(ctx, steps[i]) // silent: a different statement per item
	}
	for i := range steps {
		s.db.ExecContext(ctx, steps[i]) // silent: likewise
	}
	for i := range steps {
		s.db.ExecContext(ctx, steps[0], i) // want `once per item of steps`
	}
}

// Candidates tries two fixed kinds, in an order a hint picks: a list
// of two, whichever literal runs.
func (s *Store) Candidates(ctx context.Context, hint string) {
	candidates := []string{"refresh", "access"}
	if hint == "access" {
		candidates = []string{"access", "refresh"}
	}
	for _, k := range candidates {
		s.insertKind(ctx, k) // silent: two kinds, whichever order
	}
	extra := []string{"a"}
	if hint != "" {
		extra = append(extra, hint, "b")
	}
	for _, k := range extra {
		s.insertKind(ctx, k) // silent: at most three, written out
	}
}

// Grown appends in a loop, or sets a list read from elsewhere: data.
func (s *Store) Grown(ctx context.Context, names []string) {
	grown := []string{"a"}
	for _, n := range names {
		grown = append(grown, n)
	}
	for _, k := range grown {
		s.insertKind(ctx, k) // want `once per item of grown`
	}
	picked := []string{"a", "b"}
	if len(names) > 0 {
		picked = names
	}
	for _, k := range picked {
		s.insertKind(ctx, k) // want `once per item of picked`
	}
	spread := []string{"a"}
	spread = append(spread, names...)
	for _, k := range spread {
		s.insertKind(ctx, k) // want `once per item of spread`
	}
}
