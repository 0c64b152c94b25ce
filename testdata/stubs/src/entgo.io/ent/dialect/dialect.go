// Package dialect is a stub of entgo.io/ent/dialect.
package dialect

import "context"

// ExecQuerier runs statements.
type ExecQuerier interface {
	Exec(ctx context.Context, query string, args, v any) error
	Query(ctx context.Context, query string, args, v any) error
}

// Driver is the interface ent's generated config holds.
type Driver interface {
	ExecQuerier
	Dialect() string
	Close() error
}
