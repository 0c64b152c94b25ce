// Package ifacepool hides its driver behind an interface of its own,
// implemented in the package by a wrapper: calls of the interface's
// methods are query sites, in any package.
package ifacepool // want `stats: 0 sites, 0 unresolved, 0 unparsed, 0 orm`

import (
	"context"
	"database/sql"
)

// Pool is what the rest of the program holds.
type Pool interface {
	Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) // want `sqlParam\(1, query\)`
	Exec(ctx context.Context, query string, args ...any) error               // want `sqlParam\(1, exec\)`
	Close() error
}

type poolImpl struct {
	db    *sql.DB
	calls int
}

// New returns the package's only Pool.
func New(db *sql.DB) Pool { return &poolImpl{db: db} }

func (p *poolImpl) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) { // want `sqlParam\(1, query\)`
	p.calls++ // metrics
	return p.db.QueryContext(ctx, query, args...)
}

func (p *poolImpl) Exec(ctx context.Context, query string, args ...any) error { // want `sqlParam\(1, exec\)`
	_, err := p.db.ExecContext(ctx, query, args...)
	return err
}

func (p *poolImpl) Close() error { return p.db.Close() }

// Lookup is implemented twice here: by a wrapper and by an in-memory
// table that sends no SQL. Its Get is no query site.
type Lookup interface {
	Get(ctx context.Context, key string) (*sql.Row, error)
}

type dbLookup struct{ db *sql.DB }

func (l dbLookup) Get(ctx context.Context, key string) (*sql.Row, error) { // want `sqlParam\(1, query\)`
	return l.db.QueryRowContext(ctx, key), nil
}

type memLookup map[string]*sql.Row

func (m memLookup) Get(ctx context.Context, key string) (*sql.Row, error) { return m[key], nil }

// Remote has no implementation in sight (it is implemented in another
// module, or only by the package's tests): its Query is no query site.
type Remote interface {
	Query(ctx context.Context, query string) (*sql.Rows, error)
}
