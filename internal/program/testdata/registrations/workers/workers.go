// Package workers keeps the workers a dependency-injection container
// collects into a value group, one per constructor that provides one.
package workers

import (
	"database/sql"

	"go.uber.org/fx"
)

// Worker is a background worker.
type Worker interface {
	Key() string
	Stop(db *sql.DB) error
}

// Params are what the container hands NewRegistry: every worker
// provided to the group "workers", and the lists provided flattened to
// "extra".
type Params struct {
	fx.In
	Workers []Worker `group:"workers"`
	Extra   []Worker `group:"extra"`
}

// Registry keeps the workers by key.
type Registry struct {
	workers map[string]Worker
	extra   map[string]Worker
	seen    map[string]Worker
}

// NewRegistry is the container's constructor: it runs once.
func NewRegistry(p Params) *Registry {
	r := &Registry{workers: make(map[string]Worker), extra: map[string]Worker{}, seen: map[string]Worker{}}
	for _, w := range p.Workers {
		r.workers[w.Key()] = w
	}
	for _, w := range p.Extra {
		r.extra[w.Key()] = w
	}
	return r
}

// Stop stops each worker the constructors provided.
func (r *Registry) Stop(db *sql.DB) {
	for key := range r.workers { // few: two constructors provide one each
		_, _ = db.Exec("DELETE FROM leases WHERE worker = $1", key)
	}
}

// StopExtra stops the flattened ones.
func (r *Registry) StopExtra(db *sql.DB) {
	for key := range r.extra { // start: a provider adds a list of any length, and only start-up fills the field
		_, _ = db.Exec("DELETE FROM leases WHERE worker = $1", key)
	}
}

// Add keeps a worker a request names.
func (r *Registry) Add(w Worker) { r.seen[w.Key()] = w }

// StopSeen stops those requests added.
func (r *Registry) StopSeen(db *sql.DB) {
	for key := range r.seen { // data: one per request
		_, _ = db.Exec("DELETE FROM leases WHERE worker = $1", key)
	}
}
