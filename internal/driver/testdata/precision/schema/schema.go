// Package schema looks definitions up through a resolver with two
// implementations: one over a schema compiled in memory, one over the
// store. A type system over a resolver, and a graph holding a type
// system, are made over either; the call graph keeps one set of values
// for the type system's field, whoever made it, so every lookup "ran"
// the store's query. The store's lookup follows aliases through a type
// system of its own: the type system's methods are recursive. The loops of the code that only ever builds them
// over the compiled schema are silent; a loop over a type system that
// some caller makes over the store is reported.
package schema

import (
	"context"
	"database/sql"
)

type Def struct {
	Name      string
	Relations []string
}

type Resolver interface {
	Lookup(ctx context.Context, name string) (*Def, error)
}

// FullResolver also lists every name it can look up.
type FullResolver interface {
	Resolver
	Names() []string
}

// Compiled looks up a compiled schema in memory.
type Compiled struct{ defs []*Def }

func Compile(src string) *Compiled { return &Compiled{defs: []*Def{{Name: src}}} }

func (c Compiled) Lookup(ctx context.Context, name string) (*Def, error) {
	for _, d := range c.defs {
		if d.Name == name {
			return d, nil
		}
	}
	return nil, nil
}

func (c Compiled) Names() []string {
	var out []string
	for _, d := range c.defs {
		out = append(out, d.Name)
	}
	return out
}

// Stored reads each definition from the store, and follows an alias
// through a type system over the store: the type system's methods and
// the store's lookup call each other.
type Stored struct {
	db      *sql.DB
	aliases *System
}

func NewStored(db *sql.DB) *Stored {
	s := &Stored{db: db}
	s.aliases = NewSystem(s)
	return s
}

func (s *Stored) Lookup(ctx context.Context, name string) (*Def, error) {
	d := &Def{}
	var alias string
	err := s.db.QueryRowContext(ctx, "SELECT name, alias FROM definitions WHERE name = $1", name).Scan(&d.Name, &alias)
	if err == nil && alias != "" {
		return s.aliases.Get(ctx, alias)
	}
	return d, err
}

// System looks definitions up through its resolver.
type System struct {
	res Resolver
}

func NewSystem(res Resolver) *System { return &System{res: res} }

func (s *System) Get(ctx context.Context, name string) (*Def, error) { return s.get(ctx, name) }

func (s *System) get(ctx context.Context, name string) (*Def, error) {
	return s.res.Lookup(ctx, name)
}

// set is built over a full resolver, with a type system over it.
type set struct {
	res   FullResolver
	sys   *System
	names []string
}

// Graph builds a set over the compiled schema alone.
func Graph(ctx context.Context, c *Compiled) ([]string, error) {
	s, err := build(ctx, c)
	if err != nil {
		return nil, err
	}
	return s.names, nil
}

func build(ctx context.Context, res FullResolver) (*set, error) {
	s := &set{res: res, sys: NewSystem(res)}
	return s, s.compute(ctx)
}

func (s *set) compute(ctx context.Context) error {
	for _, name := range s.res.Names() {
		d, err := s.sys.Get(ctx, name) // silent: the system is over the compiled schema
		if err != nil {
			return err
		}
		s.walk(ctx, d)
	}
	return nil
}

func (s *set) walk(ctx context.Context, d *Def) {
	for _, rel := range d.Relations {
		s.register(ctx, rel) // silent: likewise, two calls further down
	}
}

func (s *set) register(ctx context.Context, name string) {
	if d, _ := s.sys.Get(ctx, name); d != nil {
		s.names = append(s.names, d.Name)
	}
}

// Warnings checks a compiled schema.
func Warnings(ctx context.Context, c *Compiled, names []string) int {
	sys := NewSystem(c)
	n := 0
	for _, name := range names {
		n += check(ctx, sys, name) // silent: a type system made here over the compiled schema
	}
	return n
}

func check(ctx context.Context, sys *System, name string) int {
	d, _ := sys.Get(ctx, name)
	if d == nil {
		return 1
	}
	return 0
}

// Validate checks names against the stored schema.
func Validate(ctx context.Context, db *sql.DB, names []string) int {
	sys := NewSystem(NewStored(db))
	n := 0
	for _, name := range names {
		n += check(ctx, sys, name) // a query per name
	}
	return n
}

// Relations is called with a type system over either resolver.
func Relations(ctx context.Context, sys *System, names []string) []string {
	var out []string
	for _, name := range names {
		if d, _ := sys.Get(ctx, name); d != nil { // a query per name, when over the store
			out = append(out, d.Relations...)
		}
	}
	return out
}
