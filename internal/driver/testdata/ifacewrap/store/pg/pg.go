// Package pg is the PostgreSQL Executor.
package pg

import (
	"context"
	"database/sql"
	"log/slog"
)

type Adapter struct{ DB *sql.DB }

// ExecCtx runs sql, logged.
func (a *Adapter) ExecCtx(ctx context.Context, sql string, args ...any) error {
	slog.Debug("exec", "sql", sql)
	_, err := a.DB.ExecContext(ctx, sql, args...)
	return err
}

// QueryOne reads one text column of one row.
func (a *Adapter) QueryOne(ctx context.Context, sql string, args ...any) (string, error) {
	var s string
	err := a.DB.QueryRowContext(ctx, sql, args...).Scan(&s)
	return s, err
}
