// Package tiers keeps a retention policy: its tiers, a literal of three,
// and copies of it filtered by a retention (out.Tiers reset, then one
// append per tier kept). A loop over the tiers is over three, however
// many copies are made; a list appended to on each call without a reset
// grows with the calls, and is data.
package tiers

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

// Tier is one resolution the store keeps rollups at.
type Tier struct {
	Interval, Retention time.Duration
}

// Policy is the store's tiers, finest first.
type Policy struct {
	Tiers []Tier
}

// DefaultPolicy is the policy the store is made with.
func DefaultPolicy() Policy {
	return Policy{Tiers: []Tier{
		{Interval: time.Minute, Retention: 10 * time.Hour},
		{Interval: time.Hour, Retention: 30 * 24 * time.Hour},
		{Interval: 24 * time.Hour, Retention: 365 * 24 * time.Hour},
	}}
}

// within is the policy with the tiers a retention keeps.
func (p Policy) within(retention time.Duration) Policy {
	out := p
	out.Tiers = make([]Tier, 0, len(p.Tiers))
	for _, t := range p.Tiers {
		if t.Retention > retention {
			continue
		}
		out.Tiers = append(out.Tiers, t)
	}
	return out
}

// Touched are the tiers requests have read.
type Touched struct {
	Tiers []Tier
}

// Store holds the policy, and the tiers each request has touched.
type Store struct {
	db      *sql.DB
	policy  Policy
	touched Touched
}

// New makes a store with the default policy.
func New(db *sql.DB) *Store { return &Store{db: db, policy: DefaultPolicy()} }

// Purge deletes what each tier keeps past a retention.
func (s *Store) Purge(ctx context.Context, retention time.Duration) {
	p := s.policy.within(retention)
	for _, t := range p.Tiers {
		s.db.ExecContext(ctx, "DELETE FROM rollups WHERE interval_ms = $1", t.Interval.Milliseconds()) // silent: three tiers at most
	}
}

// Touch records the tiers a request read, appending on every call with
// no reset: the list grows with the requests.
func (s *Store) Touch(ctx context.Context) {
	for _, t := range s.policy.Tiers {
		s.touched.Tiers = append(s.touched.Tiers, t)
	}
	for _, t := range s.touched.Tiers {
		s.db.ExecContext(ctx, "UPDATE rollups SET touched = now() WHERE interval_ms = $1", t.Interval.Milliseconds()) // reported: grows with the requests
	}
}

// Routes registers the package's routes.
func Routes(s *Store) {
	http.HandleFunc("/purge", func(w http.ResponseWriter, r *http.Request) { s.Purge(r.Context(), time.Hour) })
	http.HandleFunc("/touch", func(w http.ResponseWriter, r *http.Request) { s.Touch(r.Context()) })
}
