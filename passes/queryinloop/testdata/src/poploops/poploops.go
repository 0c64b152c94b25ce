// Package poploops holds loops around pop queries: direct, through a
// store's helper, and the shapes that are no N+1 (a chunk of keys per
// query, a loop left after its query, a query before the loop).
package poploops

import (
	"context"
	"sync/atomic"

	"github.com/gobuffalo/pop/v6"
)

type Session struct {
	ID         string `db:"id"`
	IdentityID string `db:"identity_id"`
}

func (Session) TableName() string { return "sessions" }

type Store struct{ c *pop.Connection }

func (s *Store) conn(ctx context.Context) *pop.Connection { return s.c }

// session reads one session: a helper the loops below call.
func (s *Store) session(ctx context.Context, id string) (*Session, error) {
	var x Session
	if err := s.conn(ctx).Where("id = ?", id).First(&x); err != nil {
		return nil, err
	}
	return &x, nil
}

// Sessions reads one row per id, directly and through the helper.
func (s *Store) Sessions(ctx context.Context, ids []string) {
	for _, id := range ids {
		var x Session
		s.conn(ctx).Where("identity_id = ?", id).First(&x) // want `^pop SELECT from sessions runs once per item of ids`
	}
	for _, id := range ids {
		s.session(ctx, id) // want `^poploops.\(\*Store\).session runs SELECT from sessions \(poploops.go:27\) once per item of ids`
	}
}

// Chunks reads a chunk of keys per query: the loop is over the chunks.
func (s *Store) Chunks(ctx context.Context, ids []string) {
	for i := 0; i < len(ids); i += 500 {
		end := min(i+500, len(ids))
		var xs []Session
		s.conn(ctx).Where("id IN (?)", ids[i:end]).All(&xs) // silent: one query per chunk of keys
	}
}

// FirstMatch returns after its query: the loop runs it once.
func (s *Store) FirstMatch(ctx context.Context, ids []string) (*Session, error) {
	for _, id := range ids {
		var x Session
		err := s.conn(ctx).Find(&x, id) // silent: the loop returns after the query
		return &x, err
	}
	return nil, nil
}

// Before reads once, then loops over what it read.
func (s *Store) Before(ctx context.Context, identity string) []string {
	var xs []Session
	s.conn(ctx).Where("identity_id = ?", identity).All(&xs) // silent: before the loop
	var out []string
	for _, x := range xs {
		out = append(out, x.ID)
	}
	return out
}

// Kind is an option a caller asks for.
type Kind string

const (
	KindAddresses Kind = "addresses"
	KindSessions  Kind = "sessions"
)

// Expand loads what each option asks for: once per option, whatever the
// number of options.
func (s *Store) Expand(ctx context.Context, kinds []Kind, ids []string) {
	for _, k := range kinds {
		switch k {
		case KindSessions:
			var xs []Session
			s.conn(ctx).Where("identity_id IN (?)", ids).All(&xs) // silent: runs for the one item equal to KindSessions
		case KindAddresses:
			s.session(ctx, string(k)) // want `^poploops.\(\*Store\).session runs SELECT from sessions \(poploops.go:27\) once per item of kinds`
		}
		if k == KindAddresses {
			s.session(ctx, ids[0]) // silent: runs for the one item equal to KindAddresses
		}
	}
}

// Trigger reads what a trigger's metadata names, by key: a map's keys do
// not repeat, so the lookup under the one key runs once, though it reads
// that key's value. A switch on the value is on the items: a call
// reading the value there runs for every key holding it.
func (s *Store) Trigger(ctx context.Context, meta map[Kind]string) {
	for k, v := range meta {
		switch k {
		case KindSessions:
			s.session(ctx, v) // silent: the one key equal to KindSessions
		}
		if k == KindAddresses && v != "" {
			s.session(ctx, v+string(k)) // silent: the one key equal to KindAddresses
		}
		switch v {
		case "current":
			s.session(ctx, v+string(k)) // want `^poploops.\(\*Store\).session runs SELECT from sessions \(poploops.go:27\) once per item of meta`
		}
	}
}

// ExpandCodes reads the processor codes a decoded document holds (1 the
// creator, 2 the creator's leader): the leader's lookup, which reads
// nothing of the code, runs for the item equal to 2, through the
// conversion and the else-if.
func (s *Store) ExpandCodes(ctx context.Context, codes []any, owner string) {
	for _, c := range codes {
		if int(c.(float64)) == 1 {
			continue
		} else if int(c.(float64)) == 2 {
			s.session(ctx, owner) // silent: runs for the item equal to 2
		}
		switch Kind(c.(string)) {
		case KindSessions:
			s.session(ctx, owner) // silent: runs for the item equal to KindSessions
		}
		if int(c.(float64)) > 2 {
			s.session(ctx, owner) // want `^poploops.\(\*Store\).session runs SELECT from sessions \(poploops.go:27\) once per item of codes`
		}
	}
}

// ExpandPicked reads the options a request picked, given as pointers to
// an enum's values (as gqlgen passes a list of a GraphQL enum): the
// lookup under a test of the value, joined with another condition, runs
// for the items equal to the constant; one under a test of anything
// else, or reading the item, runs per item.
func (s *Store) ExpandPicked(ctx context.Context, kinds []*Kind, owner string, team *string) {
	for _, k := range kinds {
		if *k == KindSessions && team != nil {
			s.session(ctx, owner) // silent: runs for the items equal to KindSessions
		} else if team != nil && *k == KindAddresses {
			s.session(ctx, *team) // silent: runs for the items equal to KindAddresses
		}
		switch *k {
		case KindAddresses:
			s.session(ctx, owner) // silent: the switch on the value
		}
		if *k == KindSessions || team != nil {
			s.session(ctx, owner) // want `^poploops.\(\*Store\).session runs SELECT from sessions \(poploops.go:27\) once per item of kinds`
		}
		if *k == KindAddresses {
			s.session(ctx, string(*k)) // want `^poploops.\(\*Store\).session runs SELECT from sessions \(poploops.go:27\) once per item of kinds`
		}
	}
}

// ByAnyKey looks a token up under each key until one matches: the
// loop leaves at the first success.
func (s *Store) ByAnyKey(ctx context.Context, keys []string) (*Session, error) {
	var x Session
	var err error
	for _, k := range keys {
		if err = s.conn(ctx).Where("id = ?", k).First(&x); err != nil {
			if err.Error() != "not found" {
				return nil, err
			}
		} else {
			break // silent above: the first key that finds it ends the loop
		}
	}
	return &x, err
}

type kinds struct{ byID map[string]string }

var kindsCache atomic.Pointer[kinds]

// kindsOf loads the table of kinds once for the process.
func (s *Store) kindsOf(ctx context.Context) (*kinds, error) {
	if c := kindsCache.Load(); c != nil {
		return c, nil
	}
	var xs []Session
	if err := s.conn(ctx).All(&xs); err != nil {
		return nil, err
	}
	c := &kinds{byID: map[string]string{}}
	kindsCache.Store(c)
	return c, nil
}

// Kinds looks each id up in the table loaded once.
func (s *Store) Kinds(ctx context.Context, ids []string) {
	for _, id := range ids {
		c, _ := s.kindsOf(ctx) // silent: the query runs once for the process
		_ = c.byID[id]
	}
}

// Populator is what a strategy may implement; each runs its own queries.
type Populator interface {
	Populate(ctx context.Context) error
}

type Strategy interface{ ID() string }

type sessionStrategy struct{ s *Store }

func (sessionStrategy) ID() string { return "session" }

func (st sessionStrategy) Populate(ctx context.Context) error {
	_, err := st.s.session(ctx, "x")
	return err
}

func (s *Store) strategies() []Strategy { return []Strategy{sessionStrategy{s}} }

// Populate asks each strategy the program registered for its part: each
// runs its own implementation once.
func (s *Store) Populate(ctx context.Context) error {
	for _, st := range s.strategies() {
		switch st := st.(type) {
		case Populator:
			if err := st.Populate(ctx); err != nil { // silent: each item is its own implementation
				return err
			}
		}
	}
	return nil
}
