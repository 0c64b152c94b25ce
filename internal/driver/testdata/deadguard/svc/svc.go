// Package svc loops over items and runs queries, some under guards no
// implementation in the module satisfies.
package svc

import (
	"context"
	"database/sql"

	"example.com/deadguard/provider"
	"example.com/deadguard/store"
)

type Service struct {
	DB      *sql.DB
	Store   *store.Store
	P       provider.Provider
	M       provider.Members
	L       provider.Lister
	R       provider.Remote
	Ignored []string
}

// Create validates templates only for a provider that has parameters,
// which none has: the validation never runs. The insert is reported.
func (s *Service) Create(ctx context.Context, ids []int64) {
	for _, id := range ids {
		if len(s.P.Params()) > 0 {
			s.validate(ctx) // silent: Params is nil in every implementation
		}
		_ = s.Store.Add(ctx, id) // reported
	}
}

// validate loops over the parameters, of which there are none: its loop
// never runs its body.
func (s *Service) validate(ctx context.Context) {
	for _, name := range s.P.Params() {
		_ = s.Store.Template(ctx, name) // silent: a range over nil
	}
}

// Reviewers skips the groups without members, which is every group: the
// stub answers nil.
func (s *Service) Reviewers(ctx context.Context, groups []int64) error {
	for _, g := range groups {
		uids, err := s.M.Members(g)
		if err != nil {
			return err
		}
		if uids == nil {
			continue
		}
		_ = s.Store.User(ctx, g) // silent: after continue for every group
		count(ctx, s.DB)         // silent: likewise, though the pass saw its query
	}
	return nil
}

func count(ctx context.Context, db *sql.DB) {
	_, _ = db.ExecContext(ctx, "UPDATE counters SET n = n + 1")
}

// Direct runs its query itself, under the guard.
func (s *Service) Direct(ctx context.Context, ids []int64) {
	for _, id := range ids {
		if len(s.P.Params()) > 0 {
			_, _ = s.DB.ExecContext(ctx, "DELETE FROM resources WHERE id = $1", id) // silent
		}
	}
}

// Deep calls a helper whose query runs under the guard.
func (s *Service) Deep(ctx context.Context, ids []int64) {
	for _, id := range ids {
		s.sync(ctx, id) // silent: sync's query never runs
	}
}

func (s *Service) sync(ctx context.Context, id int64) {
	if len(s.P.Params()) != 0 {
		_ = s.Store.User(ctx, id)
	}
}

// Found runs its query only for a key Lookup finds, and it finds none.
func (s *Service) Found(ctx context.Context, keys []string) {
	for _, k := range keys {
		if _, ok := provider.Lookup(k); ok {
			_ = s.Store.Template(ctx, k) // silent
		}
	}
}

// Mixed: one implementation of Lister lists something.
func (s *Service) Mixed(ctx context.Context, ids []int64) {
	for _, id := range ids {
		if len(s.L.Items()) > 0 {
			_ = s.Store.User(ctx, id) // reported
		}
	}
}

// Paths: Maybe answers a list for positive ids.
func (s *Service) Paths(ctx context.Context, ids []int64) {
	for _, id := range ids {
		if len(provider.Maybe(id)) > 0 {
			_ = s.Store.User(ctx, id) // reported
		}
	}
}

// Unknown: nothing in the module implements Remote.
func (s *Service) Unknown(ctx context.Context, ids []int64) {
	for _, id := range ids {
		if len(s.R.Items()) > 0 {
			_ = s.Store.User(ctx, id) // reported
		}
	}
}

// Field: a guard on a field, which the rule does not read.
func (s *Service) Field(ctx context.Context, ids []int64) {
	for _, id := range ids {
		if len(s.Ignored) > 0 {
			_ = s.Store.User(ctx, id) // reported
		}
	}
}

// Deferred: Recovered's deferred function may set its result.
func (s *Service) Deferred(ctx context.Context, ids []int64) {
	for _, id := range ids {
		if len(provider.Recovered()) > 0 {
			_ = s.Store.User(ctx, id) // reported
		}
	}
}

// Syncer's one implementation runs its query under the guard.
type Syncer interface {
	Sync(ctx context.Context, id int64)
}

type guarded struct{ s *Service }

func (g guarded) Sync(ctx context.Context, id int64) {
	if len(g.s.P.Params()) > 0 {
		_ = g.s.Store.User(ctx, id)
	}
}

// ViaIface calls it through the interface: the pass sees no query, the
// graph none that runs.
func (s *Service) ViaIface(ctx context.Context, ids []int64) {
	var y Syncer = guarded{s}
	for _, id := range ids {
		y.Sync(ctx, id) // silent, counted
	}
}
