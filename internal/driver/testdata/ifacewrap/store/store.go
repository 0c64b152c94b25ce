// Package store declares what the handlers run their SQL with.
package store

import "context"

// Executor runs SQL; its implementations are per database.
type Executor interface {
	ExecCtx(ctx context.Context, sql string, args ...any) error
	QueryOne(ctx context.Context, sql string, args ...any) (string, error)
}
