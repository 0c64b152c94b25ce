// Package sqlc is a stub of go-zero's cached SQL connection.
package sqlc

import (
	"context"
	"database/sql"

	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

type (
	ExecCtxFn  func(ctx context.Context, conn sqlx.SqlConn) (sql.Result, error)
	QueryCtxFn func(ctx context.Context, conn sqlx.SqlConn, v any) error

	// CachedConn runs SQL with a row cache in front of it.
	CachedConn struct{ db sqlx.SqlConn }
)

func NewConn(db sqlx.SqlConn) CachedConn { return CachedConn{db} }

func (cc CachedConn) ExecCtx(ctx context.Context, exec ExecCtxFn, keys ...string) (sql.Result, error) {
	return exec(ctx, cc.db)
}

func (cc CachedConn) ExecNoCacheCtx(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return cc.db.ExecCtx(ctx, q, args...)
}

func (cc CachedConn) QueryRowCtx(ctx context.Context, v any, key string, query QueryCtxFn) error {
	return query(ctx, cc.db, v)
}

func (cc CachedConn) QueryRowNoCacheCtx(ctx context.Context, v any, q string, args ...any) error {
	return cc.db.QueryRowCtx(ctx, v, q, args...)
}

func (cc CachedConn) QueryRowsNoCacheCtx(ctx context.Context, v any, q string, args ...any) error {
	return cc.db.QueryRowsCtx(ctx, v, q, args...)
}

func (cc CachedConn) TransactCtx(ctx context.Context, fn func(context.Context, sqlx.Session) error) error {
	return fn(ctx, cc.db)
}
